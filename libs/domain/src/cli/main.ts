import * as fs from 'node:fs';
import { runCli } from './check';

process.exitCode = runCli(process.argv.slice(2), {
  readFile: (path) => fs.readFileSync(path, 'utf8'),
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
