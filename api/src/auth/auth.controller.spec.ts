import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, signIn, TestApp } from '../testing/test-app';
import { AuthController } from './auth.controller';
import { LOGIN_ATTEMPTS_PER_WINDOW } from './auth.service';

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

  it(`answers 429 to the attempt after ${LOGIN_ATTEMPTS_PER_WINDOW} within a minute from one client`, async () => {
    const user = await signIn(app, 'viewer');
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_WINDOW; i++) {
      await http().post('/api/auth/login').send({ email: user.email, password: 'fel lösenord, helt fel' }).expect(401);
    }
    await http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(429);
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
