// Runs the browser tests in headless Chromium: Debian's /usr/bin/chromium when present (or CHROMIUM_PATH),
// otherwise the Chromium that the @sparticuz/chromium npm package brings, so `npm ci` alone is enough.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

async function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const { default: chromium } = await import('@sparticuz/chromium');
  return chromium.executablePath();
}

const executable = await chromiumPath();
console.log(`e2e: using Chromium at ${executable}`);
const result = spawnSync('npx', ['playwright', 'test', '-c', 'web/playwright.config.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: executable },
});
process.exit(result.status ?? 1);
