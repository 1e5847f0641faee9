// The app as the benchmarks run it: a fresh data folder (or a PostgreSQL database), a statement counter
// on TypeORM, one organisation and a signed-in change lead.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, Logger } from 'typeorm';
import { createApp, RunningApp } from '../src/app.factory';
import { AuthRepository } from '../src/auth/auth.repository';
import { AuthService } from '../src/auth/auth.service';

/** Counts the statements TypeORM sends (every query of the app goes through it). */
export class CountingLogger implements Logger {
  count = 0;
  logQuery(): void {
    this.count++;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export async function startBenchApp(
  databaseUrl: string | undefined,
): Promise<{ app: RunningApp; headers: Record<string, string>; counter: CountingLogger; close(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-bench-'));
  const app = await createApp({
    port: 0,
    dataDir,
    webDir: path.join(os.tmpdir(), 'tillit-no-web'),
    logLevel: 'error',
    migrate: true,
    demo: false,
    loginAttemptsPerMinute: 1000,
    ...(databaseUrl && { databaseUrl }),
  });
  const counter = new CountingLogger();
  Object.defineProperty(app.app.get(DataSource), 'logger', { value: counter });
  const organisationId = await app.app.get(AuthRepository).createOrganisation('Bänkorganisation');
  const auth = app.app.get(AuthService);
  const userId = await auth.createAccount({
    email: `bench-${randomUUID().slice(0, 8)}@tillit.se`,
    displayName: 'Bänk',
    password: 'ett långt lösenord',
    organisationId,
    role: 'change_lead',
  });
  const { token } = await auth.startSession(userId, organisationId);
  return {
    app,
    headers: { authorization: `Bearer ${token}` },
    counter,
    close: async () => {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `body` against a throwaway database on the server at `serverUrl`, dropped afterwards. */
export async function withServerDatabase(serverUrl: string, body: (url: string) => Promise<void>): Promise<void> {
  const name = `tillit_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    await body(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** The machine's load, for the first line of a benchmark's output. */
export const loadLine = (): string =>
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${os.cpus().length} cores`;
