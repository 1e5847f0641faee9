import request from 'supertest';
import { ROLES, Role } from '@tillit/contract';
import { EXAMPLE_PLAN } from '@tillit/domain';
import { DataSource } from 'typeorm';
import { createTestApp, signIn, SignedIn, TestApp } from '../testing/test-app';
import { allows, PERMISSIONS } from './permissions';

describe('permissions', () => {
  let app: TestApp;
  let owner: SignedIn;
  let planId: string;
  const http = () => request(app.app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
    owner = await signIn(app, 'change_lead');
    planId = (await http().post('/api/plans/import').set(owner.headers).send(EXAMPLE_PLAN).expect(201)).body.id;
  });

  afterAll(async () => {
    await app.dispose();
  });

  const routes: Array<{ permission: keyof typeof PERMISSIONS; call: (headers: { authorization: string }) => request.Test }> = [
    { permission: 'plan.read', call: (h) => http().get('/api/plans').set(h) },
    { permission: 'plan.write', call: (h) => http().post('/api/plans').set(h).send({ title: 'Ny' }) },
    { permission: 'plan.import', call: (h) => http().post('/api/plans/import').set(h).send({ formatVersion: 1, title: 'Importerad' }) },
    { permission: 'plan.export', call: (h) => http().get(`/api/plans/${planId}/export`).set(h) },
    { permission: 'analysis.read', call: (h) => http().get(`/api/plans/${planId}/analysis`).set(h) },
    { permission: 'audit.read', call: (h) => http().get('/api/audit').set(h) },
  ];

  for (const role of ROLES) {
    for (const route of routes) {
      const allowed = allows(route.permission, role);
      it(`${allowed ? 'lets' : 'refuses'} ${role} ${route.permission}`, async () => {
        const user = await signIn(app, role as Role, owner.organisationId);
        const res = await route.call(user.headers);
        if (allowed) expect(res.status).toBeLessThan(300);
        else expect(res.status).toBe(403);
      });
    }
  }

  it('logs a denied access in the audit log', async () => {
    const viewer = await signIn(app, 'viewer', owner.organisationId);
    await http().post('/api/plans').set(viewer.headers).send({ title: 'Nej' }).expect(403);
    const rows = await app.app.get(DataSource).query(`SELECT * FROM audit_log WHERE action = 'access.denied' AND user_id = $1`, [viewer.userId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].entity).toBe('plan.write');
  });
});
