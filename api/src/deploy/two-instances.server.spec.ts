import { Client } from 'pg';
import { verifyAuditChain } from '../audit/audit-chain';
import { DEMO_PASSWORD } from '../setup/demo-accounts';
import { ApiProcess, buildApi } from '../testing/api-process';
import { createTestDatabase } from '../testing/test-app';

/**
 * The API keeps no state of its own: sessions, login limits, versions and the audit chain live in
 * PostgreSQL, so any number of instances can serve one database behind a load balancer. Two separate OS
 * processes (`node …/main.js`, as an installation runs them, each with its own connection pool) started
 * at the same moment on one empty server database show it: they migrate and set up once between them,
 * and then behave as one. Server only: the embedded database is one process's by design.
 */
describe('two API processes on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let build: Awaited<ReturnType<typeof buildApi>> | undefined;
  let a: ApiProcess | undefined;
  let b: ApiProcess | undefined;

  const A = () => a as ApiProcess;
  const B = () => b as ApiProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    build = await buildApi();
    const env = {
      DATABASE_URL: database.config.databaseUrl as string,
      LOG_LEVEL: 'warn',
      TILLIT_DEMO: 'true',
      TILLIT_LOGIN_ATTEMPTS_PER_MINUTE: '3',
      TILLIT_WEB_DIR: '/nonexistent',
    };
    // Both at once, on an empty database: migrations and first-start setup must serialise between them.
    a = await ApiProcess.start(build.main, env);
    b = await ApiProcess.start(build.main, env);
    await Promise.all([A().ready(), B().ready()]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await build?.remove();
    await database?.drop();
  });

  async function call(on: ApiProcess, method: string, route: string, body?: unknown, token?: string) {
    const response = await fetch(`${on.url}${route}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
  }

  const login = async (on: ApiProcess, email: string, password = DEMO_PASSWORD) => call(on, 'POST', '/api/auth/login', { email, password });

  async function tokenOf(on: ApiProcess, email: string): Promise<string> {
    const answer = await login(on, email);
    expect(answer.status).toBe(200);
    return answer.body.token as string;
  }

  async function withOwner<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: database.config.databaseUrl });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  it('are two processes that migrated and set up the demo once between them', async () => {
    expect(A().pid).not.toBe(B().pid);
    const counts = await withOwner(async (c) => ({
      organisations: (await c.query(`SELECT count(*)::int AS n FROM organisation`)).rows[0].n as number,
      migrations: (await c.query(`SELECT count(*)::int AS n, count(DISTINCT name)::int AS d FROM migrations`)).rows[0] as { n: number; d: number },
    }));
    expect(counts.organisations).toBe(1);
    expect(counts.migrations.n).toBe(counts.migrations.d);
  });

  it('accepts a session started on one process on the other, and ends it on both', async () => {
    const token = await tokenOf(A(), 'forandringsledare@demo.tillit.se');
    expect((await call(B(), 'GET', '/api/auth/me', undefined, token)).status).toBe(200);
    expect((await call(B(), 'POST', '/api/auth/logout', undefined, token)).status).toBe(204);
    expect((await call(A(), 'GET', '/api/auth/me', undefined, token)).status).toBe(401);
    expect((await call(B(), 'GET', '/api/auth/me', undefined, token)).status).toBe(401);
  });

  it('shares the login limit: a burst of failures on one process is refused on the other', async () => {
    const email = 'lasare@demo.tillit.se';
    for (let i = 0; i < 3; i++) expect((await login(A(), email, 'fel lösenord, helt fel')).status).toBe(401);
    const refused = await login(B(), email);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(A(), email)).status).toBe(429);
  });

  it('lets one of two conflicting saves through the two processes win, and answers the other 409', async () => {
    const token = await tokenOf(A(), 'forandringsledare@demo.tillit.se');
    const created = await call(A(), 'POST', '/api/plans', { title: 'Två processer' }, token);
    expect(created.status).toBe(201);
    const { id, version } = created.body as { id: string; version: number };
    const [first, second] = await Promise.all([
      call(A(), 'PATCH', `/api/plans/${id}`, { version, title: 'Sparad via A' }, token),
      call(B(), 'PATCH', `/api/plans/${id}`, { version, title: 'Sparad via B' }, token),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const winner = first.status === 200 ? 'Sparad via A' : 'Sparad via B';
    const loser = first.status === 200 ? second : first;
    expect(loser.body).toMatchObject({ code: 'version_conflict', currentVersion: version + 1 });
    for (const on of [A(), B()]) {
      expect((await call(on, 'GET', `/api/plans/${id}`, undefined, token)).body).toMatchObject({ title: winner, version: version + 1 });
    }
  });

  it('keeps one unbroken audit chain while both processes write at once', async () => {
    const token = await tokenOf(B(), 'forandringsledare@demo.tillit.se');
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => call(i % 2 ? B() : A(), 'POST', '/api/plans', { title: `Samtidig plan ${i + 1}` }, token)),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(12).fill(201));
    const report = await withOwner((c) => verifyAuditChain(async (sql, params) => (await c.query(sql, params)).rows));
    expect(report.broken).toBeNull();
    expect(report.rows).toBeGreaterThan(12);
  });
});
