import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, signIn, TestApp } from '../testing/test-app';
import { AuthController } from './auth.controller';
import { backoffSeconds, FREE_FAILURES, MAX_BACKOFF_SECONDS } from './auth.service';

describe(AuthController.name, () => {
  let app: TestApp;
  const http = () => request(app.app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.dispose();
  });

  // Every test starts with a fresh login window (the rate limit counts attempts per client).
  beforeEach(async () => {
    await app.app.get(DataSource).query(`DELETE FROM login_attempt`);
  });

  it('logs in with e-mail and password and answers a bearer token for the organisation and role', async () => {
    const user = await signIn(app, 'hr');
    const res = await http().post('/api/auth/login').send({ email: user.email.toUpperCase(), password: user.password }).expect(200);
    expect(res.body.token).toMatch(/^[\w-]{40,}$/);
    expect(res.body.organisation).toMatchObject({ organisationId: user.organisationId, role: 'hr' });
    const me = await http().get('/api/auth/me').set('authorization', `Bearer ${res.body.token}`).expect(200);
    expect(me.body.user.email).toBe(user.email);
  });

  it.each([
    ['a wrong password', (email: string) => ({ email, password: 'fel lösenord, helt fel' })],
    ['an unknown e-mail', () => ({ email: 'ingen@exempel.se', password: 'ett långt lösenord' })],
  ])('refuses %s with 401 and logs the failure', async (_case, body) => {
    const user = await signIn(app, 'viewer');
    const res = await http().post('/api/auth/login').send(body(user.email));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthenticated');
    const [{ n }] = await app.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'login.failure' AND after->>'email' = $1`, [body(user.email).email]);
    expect(n).toBe(1);
  });

  it.each([
    [{}],
    [{ email: 'inte-en-adress', password: 'x' }],
    [{ email: 'a@b.se', password: 'x'.repeat(200) }],
    [{ email: 'a@b.se', password: 'x', extra: 1 }],
  ])('refuses %j with 400', async (body) => {
    const res = await http().post('/api/auth/login').send(body);
    expect(res.status).toBe(400);
  });

  it(`answers 429 once an account has ${FREE_FAILURES} failures in a row, and the right password after the wait`, async () => {
    const user = await signIn(app, 'viewer');
    for (let i = 0; i < FREE_FAILURES; i++) {
      await http().post('/api/auth/login').send({ email: user.email, password: 'fel lösenord, helt fel' }).expect(401);
    }
    const waiting = await http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(429);
    expect(Number(waiting.headers['retry-after'])).toBe(backoffSeconds(FREE_FAILURES));
    expect(waiting.body).toMatchObject({ code: 'too_many_requests', retryAfter: backoffSeconds(FREE_FAILURES) });
    await new Promise((resolve) => setTimeout(resolve, Number(waiting.headers['retry-after']) * 1000 + 100));
    await http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
    // A success starts the count again.
    await http().post('/api/auth/login').send({ email: user.email, password: 'fel lösenord, helt fel' }).expect(401);
  });

  it('ends the session on logout', async () => {
    const user = await signIn(app, 'viewer');
    await http().post('/api/auth/logout').set(user.headers).expect(204);
    const res = await http().get('/api/plans').set(user.headers);
    expect(res.status).toBe(401);
  });

  it.each([[undefined], ['Bearer nonsense'], ['Basic abc']])('answers 401 without a valid session (%s)', async (header) => {
    const req = http().get('/api/plans');
    const res = await (header ? req.set('authorization', header) : req);
    expect(res.status).toBe(401);
  });
});

describe('login throttling', () => {
  let app: TestApp;
  /** Failures one address may make against one account in a minute, low here so the test stays short. */
  const perAddressAndAccount = 3;
  /** Requests as if from `address`, through the reverse proxy on this machine the app trusts. */
  const from = (address: string) => request(app.app.getHttpServer()).post('/api/auth/login').set('x-forwarded-for', address);
  const wrong = 'fel lösenord, helt fel';

  beforeAll(async () => {
    app = await createTestApp({ trustProxy: 'loopback', loginAttemptsPerMinute: perAddressAndAccount });
  });
  afterAll(async () => {
    await app.dispose();
  });
  beforeEach(async () => {
    await app.app.get(DataSource).query(`DELETE FROM login_attempt`);
  });

  it('backs off exponentially per account, whichever addresses the wrong passwords come from', async () => {
    const user = await signIn(app, 'viewer');
    for (let i = 0; i < FREE_FAILURES; i++)
      await from(`198.51.100.${i + 1}`)
        .send({ email: user.email, password: wrong })
        .expect(401);
    // A sixth address with the right password still waits: the burst was against this account.
    const first = await from('198.51.100.99').send({ email: user.email, password: user.password }).expect(429);
    expect(first.body.retryAfter).toBe(1);
    // Each further failure doubles the wait, up to the cap.
    expect([FREE_FAILURES, FREE_FAILURES + 1, FREE_FAILURES + 3, FREE_FAILURES + 40].map(backoffSeconds)).toEqual([1, 2, 8, MAX_BACKOFF_SECONDS]);
    await app.app.get(DataSource).query(`UPDATE login_attempt SET at = at - interval '2 seconds' WHERE account = $1`, [user.email.toLowerCase()]);
    await from('198.51.100.7').send({ email: user.email, password: wrong }).expect(401);
    const second = await from('198.51.100.8').send({ email: user.email, password: user.password }).expect(429);
    expect(second.body.retryAfter).toBe(2);
  });

  it('does not lock out a user behind an address whose other users are refused', async () => {
    const shared = '203.0.113.10';
    const others = await Promise.all([1, 2, 3, 4].map(() => signIn(app, 'viewer')));
    // A burst from the shared address: each of the others to their limit there.
    for (const other of others) {
      for (let i = 0; i < perAddressAndAccount; i++) await from(shared).send({ email: other.email, password: wrong }).expect(401);
      await from(shared).send({ email: other.email, password: other.password }).expect(429);
    }
    for (let i = 0; i < perAddressAndAccount; i++)
      await from(shared)
        .send({ email: `ingen-${i}@exempel.se`, password: wrong })
        .expect(401);
    const user = await signIn(app, 'hr');
    await from(shared).send({ email: user.email, password: user.password }).expect(200);
    // and the others may still sign in from their own addresses.
    await from('203.0.113.77').send({ email: others[0].email, password: others[0].password }).expect(200);
  });
});
