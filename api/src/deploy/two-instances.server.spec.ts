import request from 'supertest';
import { createApp, RunningApp } from '../app.factory';
import { createTestDatabase, signIn, testConfig, TestApp } from '../testing/test-app';

/**
 * The API keeps no state of its own: sessions, login limits and versions live in PostgreSQL, so any
 * number of instances can serve one database behind a load balancer. Two instances (each its own Nest
 * container and connection pool) on one server database show it. Server only: the embedded database is
 * one process's by design.
 */
describe('two API instances on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: RunningApp;
  let b: RunningApp;
  const on = (app: RunningApp) => request(app.app.getHttpServer());

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig({ ...database.config, loginAttemptsPerMinute: 3 });
    a = await createApp(config);
    b = await createApp(config);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  /** signIn's view of an instance: the instance, its config, and nothing to dispose of (afterAll does). */
  const asTestApp = (app: RunningApp): TestApp => ({ ...app, config: testConfig(database.config), dispose: () => Promise.resolve() });

  it('accepts a session started on one instance on the other, and ends it on both', async () => {
    const user = await signIn(asTestApp(a), 'change_lead');
    const login = await on(a).post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
    const headers = { authorization: `Bearer ${login.body.token as string}` };
    await on(b).get('/api/auth/me').set(headers).expect(200);
    await on(b).post('/api/auth/logout').set(headers).expect(204);
    await on(a).get('/api/auth/me').set(headers).expect(401);
  });

  it('shares the login limit: failures on one instance count on the other', async () => {
    const user = await signIn(asTestApp(a), 'viewer');
    for (let i = 0; i < 3; i++) {
      await on(i % 2 ? b : a)
        .post('/api/auth/login')
        .send({ email: user.email, password: 'fel lösenord, helt fel' })
        .expect(401);
    }
    await on(b).post('/api/auth/login').send({ email: user.email, password: user.password }).expect(429);
    await on(a).post('/api/auth/login').send({ email: user.email, password: user.password }).expect(429);
  });

  it('lets one of two conflicting saves through two instances win, and answers the other 409', async () => {
    const user = await signIn(asTestApp(a), 'change_lead');
    const plan = (await on(a).post('/api/plans').set(user.headers).send({ title: 'Två instanser' }).expect(201)).body as {
      id: string;
      version: number;
    };
    const [first, second] = await Promise.all([
      on(a).patch(`/api/plans/${plan.id}`).set(user.headers).send({ version: plan.version, title: 'Sparad via A' }),
      on(b).patch(`/api/plans/${plan.id}`).set(user.headers).send({ version: plan.version, title: 'Sparad via B' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const winner = first.status === 200 ? 'Sparad via A' : 'Sparad via B';
    const loser = first.status === 200 ? second : first;
    expect(loser.body).toMatchObject({ code: 'version_conflict', currentVersion: plan.version + 1 });
    for (const app of [a, b]) {
      expect((await on(app).get(`/api/plans/${plan.id}`).set(user.headers).expect(200)).body).toMatchObject({
        title: winner,
        version: plan.version + 1,
      });
    }
  });
});
