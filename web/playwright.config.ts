import * as os from 'node:os';
import * as path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
const root = path.resolve(__dirname, '..');
const dataDir = path.join(os.tmpdir(), `tillit-e2e-${process.pid}-${Date.now()}`);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: path.join(root, 'test-results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: path.join(root, 'reports/playwright-e2e.json') }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'sv-SE',
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node dist/api/api/src/main.js',
    cwd: root,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Tests try wrong passwords on purpose; the default limit (10 failures a minute per address and account)
    // is for people, not a test suite.
    env: { PORT: String(port), TILLIT_DATA_DIR: dataDir, LOG_LEVEL: 'warn', TILLIT_LOGIN_ATTEMPTS_PER_MINUTE: '1000' },
  },
});
