import request from 'supertest';
import { DataSource } from 'typeorm';
import { asOwner } from '../testing/database-roles';
import { createTestApp, signIn, TestApp } from '../testing/test-app';
import { AuditController } from './audit.controller';

describe(AuditController.name, () => {
  let app: TestApp;
  const http = () => request(app.app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.dispose();
  });

  it('records every write with who, when (UTC), what, before and after', async () => {
    const lead = await signIn(app, 'change_lead');
    const admin = await signIn(app, 'admin', lead.organisationId);
    const created = (await http().post('/api/plans').set(lead.headers).send({ title: 'Granskad' }).expect(201)).body;
    await http().patch(`/api/plans/${created.id}`).set(lead.headers).send({ version: 1, title: 'Granskad igen' }).expect(200);
    await http().delete(`/api/plans/${created.id}`).set(lead.headers).expect(204);

    const log = (await http().get('/api/audit').set(admin.headers).expect(200)).body as Array<Record<string, unknown>>;
    const forPlan = log.filter((e) => e.entityId === created.id).reverse();
    expect(forPlan.map((e) => e.action)).toEqual(['plan.create', 'plan.update', 'plan.delete']);
    expect(forPlan.every((e) => e.userId === lead.userId && /Z$/.test(e.at as string))).toBe(true);
    expect(forPlan[1]).toMatchObject({ before: { title: 'Granskad' }, after: { title: 'Granskad igen' } });
    expect(forPlan[2].after).toBeNull();
  });

  it('pages with limit and offset and refuses bad ones', async () => {
    const admin = await signIn(app, 'admin');
    await http().get('/api/audit?limit=1&offset=0').set(admin.headers).expect(200);
    await http().get('/api/audit?limit=0').set(admin.headers).expect(400);
    await http().get('/api/audit?offset=-1').set(admin.headers).expect(400);
  });

  it('filters by who, what, which kind of entity and which days, and names the user and the subject', async () => {
    const lead = await signIn(app, 'change_lead');
    const admin = await signIn(app, 'admin', lead.organisationId);
    const created = (await http().post('/api/plans').set(lead.headers).send({ title: 'Filtrerad plan' }).expect(201)).body;
    for (const who of [lead, admin]) {
      const login = await http().post('/api/auth/login').send({ email: who.email, password: who.password, organisationId: who.organisationId });
      expect(login.status).toBeLessThan(300);
    }
    const get = async (query: string) =>
      (await http().get(`/api/audit?${query}`).set(admin.headers).expect(200)).body as Array<Record<string, unknown>>;

    const byLead = await get(`user=${lead.userId}`);
    expect(byLead.length).toBeGreaterThan(0);
    expect(byLead.every((e) => e.userId === lead.userId)).toBe(true);
    const creation = byLead.find((e) => e.action === 'plan.create' && e.entityId === created.id);
    expect(creation).toMatchObject({ subject: 'Filtrerad plan', userName: expect.any(String) });
    expect(creation?.userName).not.toBe('');

    expect((await get('action=plan.create')).every((e) => e.action === 'plan.create')).toBe(true);
    const logins = await get('action=login.');
    expect(logins.length).toBeGreaterThanOrEqual(2);
    expect(logins.every((e) => String(e.action).startsWith('login.'))).toBe(true);
    expect((await get('entity=session')).every((e) => e.entity === 'session')).toBe(true);
    expect(await get('action=plan.')).not.toContainEqual(expect.objectContaining({ action: 'login.success' }));

    // Days in Swedish time: today holds the entries, yesterday and tomorrow hold none of them.
    const day = (offset: number) =>
      new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() + offset * 86_400_000));
    expect((await get(`from=${day(0)}&to=${day(0)}&user=${lead.userId}`)).length).toBe(byLead.length);
    expect(await get(`to=${day(-1)}&user=${lead.userId}`)).toEqual([]);
    expect(await get(`from=${day(1)}`)).toEqual([]);

    const facets = (await http().get('/api/audit/facets').set(admin.headers).expect(200)).body;
    expect(facets.actions).toEqual(expect.arrayContaining(['plan.create', 'login.success']));
    expect(facets.entities).toEqual(expect.arrayContaining(['plan', 'session']));
    expect(facets.users).toContainEqual({ id: lead.userId, name: creation?.userName });
  });

  it('refuses bad filters with a field and a code, and shows nothing of another organisation', async () => {
    const admin = await signIn(app, 'admin');
    const other = await signIn(app, 'change_lead');
    await http().post('/api/plans').set(other.headers).send({ title: 'Någon annans' }).expect(201);
    const refused = async (query: string, field: string, code: string) => {
      const res = await http().get(`/api/audit?${query}`).set(admin.headers).expect(400);
      expect(res.body.errors).toContainEqual(expect.objectContaining({ field, code }));
    };
    await refused('user=nobody', 'user', 'invalid_format');
    await refused('from=2026-02-30', 'from', 'invalid_format');
    await refused('to=yesterday', 'to', 'invalid_format');
    await refused('from=2026-12-02&to=2026-12-01', 'to', 'date_before');
    await refused("action=x';drop", 'action', 'invalid');
    await refused('entity=Plan%20X', 'entity', 'invalid');
    const theirs = (await http().get(`/api/audit?user=${other.userId}`).set(admin.headers).expect(200)).body;
    expect(theirs).toEqual([]);
    const facets = (await http().get('/api/audit/facets').set(admin.headers).expect(200)).body;
    expect(facets.users.map((u: { id: string }) => u.id)).not.toContain(other.userId);
  });

  it('is append-only: the database refuses to change or remove a row, even for the owner', async () => {
    await signIn(app, 'admin');
    await asOwner(app.app.get(DataSource), async (db) => {
      await db.query(`INSERT INTO audit_log (action) VALUES ('test')`);
      await expect(db.query(`UPDATE audit_log SET action = 'changed'`)).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
      await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    });
  });
});
