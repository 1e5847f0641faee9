import request from 'supertest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createApp, RunningApp } from '../app.factory';
import { Role } from '@tillit/contract';
import { AuthRepository } from '../auth/auth.repository';
import { AuthService } from '../auth/auth.service';
import { AppConfig } from '../config/app-config';

export interface TestApp extends RunningApp {
  config: AppConfig;
  /** Closes the app and removes its database. */
  dispose(): Promise<void>;
}

async function withAdmin<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A database of its own for one test file: a new database on TEST_DATABASE_URL's server, else a PGlite folder. */
export async function createTestDatabase(): Promise<{ config: Partial<AppConfig>; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `tillit_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    await withAdmin(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      config: { databaseUrl: url.toString() },
      drop: () => withAdmin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-test-'));
  return {
    config: { dataDir },
    drop: () => fs.promises.rm(dataDir, { recursive: true, force: true }),
  };
}

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    dataDir: path.join(os.tmpdir(), 'tillit-unused'),
    webDir: path.join(os.tmpdir(), 'tillit-no-web'),
    logLevel: 'error',
    demo: false,
    migrate: true,
    loginAttemptsPerMinute: 10,
    ...overrides,
  };
}

/** Boots the real application module on a fresh, migrated database. */
export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig({ ...database.config, ...overrides });
  try {
    const running = await createApp(config);
    return {
      ...running,
      config,
      dispose: async () => {
        await running.close();
        await database.drop();
      },
    };
  } catch (err) {
    await database.drop();
    throw err;
  }
}

export interface SignedIn {
  userId: string;
  organisationId: string;
  email: string;
  password: string;
  token: string;
  /** Headers that authenticate a request. */
  headers: { authorization: string };
}

let accountCounter = 0;

/** A user with `role` in an organisation (a new one unless given), with a session. */
export async function signIn(app: TestApp, role: Role, organisationId?: string): Promise<SignedIn> {
  const accounts = app.app.get(AuthRepository);
  const auth = app.app.get(AuthService);
  const orgId = organisationId ?? (await accounts.createOrganisation(`Testorganisation ${++accountCounter}`));
  const email = `${role.replace('_', '-')}-${++accountCounter}-${randomUUID().slice(0, 8)}@test.tillit.se`;
  const password = 'ett långt lösenord';
  const userId = await auth.createAccount({ email, displayName: `Test ${role}`, password, organisationId: orgId, role });
  const { token } = await auth.startSession(userId, orgId);
  return { userId, organisationId: orgId, email, password, token, headers: { authorization: `Bearer ${token}` } };
}

/**
 * One app for a spec file, booted before its tests and disposed after them, with a signed-in user of
 * `role`; `http()` sends requests as that user.
 */
export function useTestApp(role: Role = 'change_lead') {
  let app: TestApp | undefined;
  let user: SignedIn | undefined;
  beforeAll(async () => {
    app = await createTestApp();
    user = await signIn(app, role);
  });
  afterAll(async () => {
    await app?.dispose();
  });
  const required = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useTestApp: the app is not up yet (use it inside tests and hooks)');
    return value;
  };
  return {
    get app(): TestApp {
      return required(app);
    },
    get user(): SignedIn {
      return required(user);
    },
    http: () => request.agent(required(app).app.getHttpServer()).set(required(user).headers),
  };
}
