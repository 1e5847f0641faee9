#!/usr/bin/env node
// `npx tillit check <plan.json>`: the domain engine's command line, compiled by `npm ci` (prepare).
const path = require('node:path');
const fs = require('node:fs');

const cli = path.join(__dirname, '../dist/libs/domain/cli/main.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('tillit: the command line is not built yet; run `npm run build:cli` (npm ci does it too).\n');
  process.exit(2);
}
require(cli);
