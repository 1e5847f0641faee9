// `npm test`: every project's tests (Nx), then the browser tests, then one closing line with the totals.
// With TEST_DATABASE_URL the API and browser tests run against that PostgreSQL server (each run in a
// database of its own), otherwise on embedded PGlite.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, 'reports');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

function run(label, command, args, extraEnv = {}) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  return result.status === 0;
}

async function withServer(fn) {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A database of its own for the browser tests when a server is configured. */
async function e2eDatabase() {
  if (!process.env.TEST_DATABASE_URL) return { env: {}, drop: async () => {} };
  const name = `tillit_e2e_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await withServer((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: () => withServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

function count(report) {
  if (report.stats && 'expected' in report.stats) {
    // Playwright
    return {
      passed: report.stats.expected + (report.stats.flaky ?? 0),
      failed: report.stats.unexpected,
      skipped: report.stats.skipped,
    };
  }
  // Jest and Vitest's Jest-compatible JSON
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + (report.numTodoTests ?? 0) };
}

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps = [];
steps.push(run('unit and integration tests', 'npx', ['nx', 'run-many', '-t', 'test', '--outputStyle=static', '--parallel=1']));
const database = await e2eDatabase();
try {
  steps.push(run('browser tests', 'npx', ['nx', 'run', 'web:e2e', '--outputStyle=static'], database.env));
} finally {
  await database.drop();
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const files = existsSync(reports) ? readdirSync(reports).filter((f) => f.endsWith('.json')) : [];
for (const file of files) {
  const c = count(JSON.parse(readFileSync(path.join(reports, file), 'utf8')));
  console.log(`${file}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  for (const key of Object.keys(totals)) totals[key] += c[key];
}
const expected = ['jest-domain.json', 'jest-api.json', 'vitest-web.json', 'playwright-e2e.json'];
const missing = expected.filter((f) => !files.includes(f));
if (missing.length) console.log(`missing reports (a runner did not finish): ${missing.join(', ')}`);
const stepFailures = steps.filter((ok) => !ok).length;
writeFileSync(path.join(reports, 'summary.txt'), `${totals.passed} ${totals.failed} ${totals.skipped}\n`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(stepFailures || totals.failed || missing.length ? 1 : 0);
