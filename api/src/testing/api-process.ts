import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '../../..');
const run = promisify(execFile);

/**
 * The API compiled as `npm run build` compiles it (tsc, then tsc-alias), into a folder of its own under
 * the repository's tmp/ (so that node_modules resolve), so a test runs the code it sees and never a stale
 * dist/.
 */
export async function buildApi(): Promise<{ main: string; remove(): Promise<void> }> {
  const outDir = path.join(root, 'tmp', `api-build-${randomUUID().slice(0, 8)}`);
  const bin = (tool: string) => path.join(root, 'node_modules', '.bin', tool);
  const project = path.join(root, 'api', 'tsconfig.app.json');
  await run(bin('tsc'), ['-p', project, '--outDir', outDir], { cwd: root });
  await run(bin('tsc-alias'), ['-p', project, '--outDir', outDir], { cwd: root });
  return {
    main: path.join(outDir, 'api', 'src', 'main.js'),
    remove: () => fs.promises.rm(outDir, { recursive: true, force: true }),
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** One API process (`node …/main.js`), as an installation runs it, on a port of its own. */
export class ApiProcess {
  private output = '';
  private exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static async start(main: string, env: Record<string, string>): Promise<ApiProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [main], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ApiProcess(child, `http://127.0.0.1:${port}`);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Resolves once /api/health answers 200; rejects with the process's output if it exits first. */
  async ready(): Promise<void> {
    let exited = false;
    void this.exited.then(() => (exited = true));
    for (;;) {
      if (exited) throw new Error(`The API process exited before it was up:\n${this.output}`);
      const ok = await fetch(`${this.url}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return;
      // The process is starting (migrating, setting up): ask again on the next turn of its start-up.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Stops the process (SIGTERM, its graceful shutdown) and waits for it to exit. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    await this.exited;
  }

  get log(): string {
    return this.output;
  }
}
