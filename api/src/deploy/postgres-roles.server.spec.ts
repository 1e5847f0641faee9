import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../app.factory';
import { APP_ROLE } from '../database/data-source-options';
import { migrateAsOwner, SchemaNotMigratedError } from '../database/migrate-as-owner';
import { testConfig } from '../testing/test-app';
import { ThrowawayCluster } from '../testing/throwaway-cluster';

const script = path.resolve(__dirname, '../../../deploy/postgres/tillit-roles.psql');
const passwords = { owner_password: 'ägarens lösenord', runtime_password: "körningens 'lösenord'" };

/**
 * deploy/postgres/tillit-roles.psql, as the postgres image runs it on docker-compose's first start, on a
 * cluster of the test's own (the roles are cluster-wide): then the owner migrates and the app runs as the
 * runtime login, which can do what the app does and nothing that would let it rewrite history.
 */
describe('the roles of docker-compose.yml on a fresh cluster', () => {
  let cluster: ThrowawayCluster;
  const url = (user: string) => {
    const u = new URL(cluster.url);
    u.username = user;
    u.pathname = '/tillit';
    return u.toString();
  };

  async function as<T>(user: string, fn: (client: Client) => Promise<T>, database = 'tillit'): Promise<T> {
    const u = new URL(url(user));
    u.pathname = `/${database}`;
    const client = new Client({ connectionString: u.toString() });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  /** The SQLSTATE a statement fails with, or 'ok'. */
  const outcome = (client: Client, sql: string) =>
    client.query(sql).then(
      () => 'ok',
      (err: { code?: string }) => err.code,
    );

  beforeAll(async () => {
    cluster = await ThrowawayCluster.create();
    const args = ['-X', '-q', cluster.url, '-v', 'ON_ERROR_STOP=1'];
    for (const [name, value] of Object.entries(passwords)) args.push('-v', `${name}=${value}`);
    execFileSync('psql', [...args, '-f', script], { stdio: 'pipe' });
  }, 120_000);

  afterAll(() => {
    cluster?.destroy();
  });

  it('creates two logins that are not superusers and may create neither roles nor databases', async () => {
    const roles = await as(
      'postgres',
      (c) =>
        c.query(
          `SELECT rolname, rolcanlogin, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname LIKE 'tillit%' ORDER BY rolname`,
        ),
      'postgres',
    );
    const no = { rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false };
    expect(roles.rows).toEqual([
      { rolname: APP_ROLE, rolcanlogin: false, ...no },
      { rolname: 'tillit_owner', rolcanlogin: true, ...no },
      { rolname: 'tillit_runtime', rolcanlogin: true, ...no },
    ]);
    const owner = await as(
      'postgres',
      (c) => c.query(`SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = 'tillit'`),
      'postgres',
    );
    expect(owner.rows).toEqual([{ owner: 'tillit_owner' }]);
  });

  it('lets the runtime login refuse to start before the owner has migrated', async () => {
    const config = testConfig({ databaseUrl: url('tillit_runtime'), migrate: false });
    await expect(createApp(config)).rejects.toThrow(SchemaNotMigratedError);
  });

  it('lets the owner migrate, and the app then run as the runtime login', async () => {
    expect((await migrateAsOwner(url('tillit_owner'), false)).length).toBeGreaterThan(0);
    const config = testConfig({
      databaseUrl: url('tillit_runtime'),
      migrate: false,
      admin: { email: 'admin@kommunen.se', password: 'ett långt lösenord', organisation: 'Kommunen' },
    });
    const running = await createApp(config);
    try {
      const http = () => request(running.app.getHttpServer());
      await http().get('/api/health').expect(200);
      const login = await http().post('/api/auth/login').send({ email: 'admin@kommunen.se', password: 'ett långt lösenord' }).expect(200);
      const created = await http()
        .post('/api/plans')
        .set({ authorization: `Bearer ${login.body.token as string}` })
        .send({ title: 'Körs som runtime' })
        .expect(201);
      expect(created.body.title).toBe('Körs som runtime');
    } finally {
      await running.close();
    }
    const tables = await as('tillit_owner', (c) => c.query(`SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`));
    expect(tables.rows).toEqual([{ tableowner: 'tillit_owner' }]);
    const audit = await as('tillit_owner', (c) => c.query(`SELECT count(*)::int AS n FROM audit_log`));
    expect(audit.rows[0].n).toBeGreaterThan(0);
  });

  it.each([
    ['as the runtime login', false],
    ['after RESET ROLE on its connection', true],
  ])('lets the runtime login not rewrite the audit log, its triggers or the schema, %s', async (_, reset) => {
    const results = await as('tillit_runtime', async (c) => {
      await c.query(reset ? 'RESET ROLE' : `SET ROLE ${APP_ROLE}`);
      const tried: Record<string, string | undefined> = {};
      for (const sql of [
        `TRUNCATE audit_log`,
        `UPDATE audit_log SET action = 'x'`,
        `DELETE FROM audit_log`,
        `ALTER TABLE audit_log DISABLE TRIGGER ALL`,
        `DROP TRIGGER audit_log_not_truncated ON audit_log`,
        `CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
        `CREATE TABLE intruder (id int)`,
        `INSERT INTO migrations (timestamp, name) VALUES (1, 'Intruder1')`,
        `SET ROLE tillit_owner`,
      ]) {
        tried[sql.split(' ').slice(0, 2).join(' ')] = await outcome(c, sql);
      }
      tried.read = await outcome(c, `SELECT count(*) FROM audit_log, migrations`);
      return tried;
    });
    expect(results).toEqual({
      'TRUNCATE audit_log': '42501',
      'UPDATE audit_log': '42501',
      'DELETE FROM': '42501',
      'ALTER TABLE': '42501',
      'DROP TRIGGER': '42501',
      'CREATE OR': '42501',
      'CREATE TABLE': '42501',
      'INSERT INTO': '42501',
      'SET ROLE': '42501',
      read: 'ok',
    });
  });
});
