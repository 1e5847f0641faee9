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
