import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, signIn, TestApp } from '../testing/test-app';

type Entry = { action: string; userId: string | null; entity: string | null; entityId: string | null; after: Record<string, unknown> | null };

/** Refusals in the audit log: failed logins for the account's organisations, bogus tokens, cross-tenant probes. */
describe('refusals in the audit log', () => {
  let app: TestApp;
  const http = () => request(app.app.getHttpServer());
  const db = () => app.app.get(DataSource);
  const logOf = async (headers: Record<string, string>): Promise<Entry[]> => (await http().get('/api/audit?limit=500').set(headers).expect(200)).body;
  const installationRows = async (action: string): Promise<number> =>
    (
      (await db().query(`SELECT count(*)::int AS n FROM audit_log WHERE organisation_id IS NULL AND action = $1`, [action])) as Array<{ n: number }>
    )[0].n;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.dispose();
  });

  it("shows a failed login on a member's account to that organisation's admin, and to no other", async () => {
    const member = await signIn(app, 'hr');
    const admin = await signIn(app, 'admin', member.organisationId);
    const otherAdmin = await signIn(app, 'admin');
    await http().post('/api/auth/login').send({ email: member.email, password: 'inte rätt lösenord alls' }).expect(401);

    const failures = (await logOf(admin.headers)).filter((e) => e.action === 'login.failure');
    expect(failures).toEqual([expect.objectContaining({ userId: member.userId, after: { email: member.email } })]);
    expect((await logOf(otherAdmin.headers)).some((e) => e.action === 'login.failure')).toBe(false);
  });

  it("records an unknown e-mail's failed login for the installation only", async () => {
    const admin = await signIn(app, 'admin');
    const before = await installationRows('login.failure');
    await http().post('/api/auth/login').send({ email: 'ingen.alls@exempel.se', password: 'inte rätt lösenord alls' }).expect(401);
    expect(await installationRows('login.failure')).toBe(before + 1);
    expect(JSON.stringify(await logOf(admin.headers))).not.toContain('ingen.alls@exempel.se');
  });

  it('records throttled logins once a minute per client, however many there are', async () => {
    const member = await signIn(app, 'contributor');
    const admin = await signIn(app, 'admin', member.organisationId);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (
          await http()
            .post('/api/auth/login')
            .send({ email: member.email, password: `fel lösenord nummer ${i}` })
        ).status,
      );
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(3);
    const throttled = (await logOf(admin.headers)).filter((e) => e.action === 'login.rate_limited');
    expect(throttled).toEqual([expect.objectContaining({ userId: member.userId, after: { email: member.email } })]);
  });

  it('records bogus tokens once a minute per client, and answers each with 401', async () => {
    expect(await installationRows('auth.token_refused')).toBe(0);
    for (let i = 0; i < 5; i++) {
      await http()
        .get('/api/plans')
        .set({ authorization: `Bearer påhittad-${i}` })
        .expect(401);
    }
    expect(await installationRows('auth.token_refused')).toBe(1);
  });

  it("records a probe of another organisation's plan in the prober's log, answering the same 404 as for no plan", async () => {
    const owner = await signIn(app, 'change_lead');
    const plan = (await http().post('/api/plans').set(owner.headers).send({ title: 'Annan organisations plan' }).expect(201)).body.id as string;
    const prober = await signIn(app, 'change_lead');
    const proberAdmin = await signIn(app, 'admin', prober.organisationId);
    const ownerAdmin = await signIn(app, 'admin', owner.organisationId);

    const foreign = await http().get(`/api/plans/${plan}/actors`).set(prober.headers).expect(404);
    const missing = await http().get(`/api/plans/00000000-0000-4000-8000-000000000000/actors`).set(prober.headers).expect(404);
    expect(foreign.body).toEqual(missing.body);
    for (let i = 0; i < 4; i++) await http().get(`/api/plans/${plan}`).set(prober.headers).expect(404);

    const probes = (await logOf(proberAdmin.headers)).filter((e) => e.action === 'access.cross_tenant');
    expect(probes).toEqual([expect.objectContaining({ userId: prober.userId, entity: 'plan', entityId: plan })]);
    expect((await logOf(ownerAdmin.headers)).some((e) => e.action === 'access.cross_tenant')).toBe(false);
  });
});
