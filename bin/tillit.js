#!/usr/bin/env node
// `npx tillit check <plan.json>`: the domain engine's command line, compiled by `npm ci` (prepare).
// `npx tillit audit verify`: the audit log's hash chain, checked against the database (the API's build).
// `npx tillit org create|list`, `npx tillit user disable`: the installation's organisations and accounts (the API's build).
const path = require('node:path');
const fs = require('node:fs');

const command = process.argv[2];
const api = { audit: ['audit-cli.js', 'auditCliMain'], org: ['accounts-cli.js', 'accountsCliMain'], user: ['accounts-cli.js', 'accountsCliMain'] }[
  command
];
const cli = api ? path.join(__dirname, '../dist/api/api/src', api[0]) : path.join(__dirname, '../dist/libs/domain/cli/main.js');
if (!fs.existsSync(cli)) {
  const build = api ? '`npm run build`' : '`npm run build:cli` (npm ci does it too)';
  process.stderr.write(`tillit: the command line is not built yet; run ${build}.\n`);
  process.exit(2);
}
if (api) require(cli)[api[1]]();
else require(cli);
