#!/usr/bin/env node
// `npx tillit check <plan.json>`: the domain engine's command line, compiled by `npm ci` (prepare).
// `npx tillit audit verify`: the audit log's hash chain, checked against the database (the API's build).
const path = require('node:path');
const fs = require('node:fs');

const audit = process.argv[2] === 'audit';
const cli = audit ? path.join(__dirname, '../dist/api/api/src/audit-cli.js') : path.join(__dirname, '../dist/libs/domain/cli/main.js');
if (!fs.existsSync(cli)) {
  const build = audit ? '`npm run build`' : '`npm run build:cli` (npm ci does it too)';
  process.stderr.write(`tillit: the command line is not built yet; run ${build}.\n`);
  process.exit(2);
}
if (audit) require(cli).auditCliMain();
else require(cli);
