import request from 'supertest';
import { createTestApp, signIn, TestApp } from '../testing/test-app';
import { OrganisationSettingsController } from './organisation-settings.controller';

describe(OrganisationSettingsController.name, () => {
  let app: TestApp;
  const http = () => request(app.app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.dispose();
  });

  it('shows the admin their organisation and renames it, in the audit log', async () => {
    const admin = await signIn(app, 'admin');
    await signIn(app, 'viewer', admin.organisationId);
    const before = (await http().get('/api/organisation').set(admin.headers).expect(200)).body;
    expect(before).toMatchObject({ id: admin.organisationId, members: 2 });
    const renamed = (await http().patch('/api/organisation').set(admin.headers).send({ name: '  Nya namnet kommun  ' }).expect(200)).body;
    expect(renamed).toMatchObject({ id: admin.organisationId, name: 'Nya namnet kommun', members: 2 });
    expect((await http().get('/api/auth/me').set(admin.headers).expect(200)).body.organisation.organisationName).toBe('Nya namnet kommun');
    const [entry] = (await http().get('/api/audit?action=organisation.update').set(admin.headers).expect(200)).body;
    expect(entry).toMatchObject({ userId: admin.userId, before: { name: before.name }, after: { name: 'Nya namnet kommun' } });
  });

  it('refuses other roles, an empty or long name and unknown fields, with a field and a code', async () => {
    const admin = await signIn(app, 'admin');
    const lead = await signIn(app, 'change_lead', admin.organisationId);
    await http().get('/api/organisation').set(lead.headers).expect(403);
    await http().patch('/api/organisation').set(lead.headers).send({ name: 'Kapat' }).expect(403);
    const refused = async (body: object, field: string, code: string) => {
      const res = await http().patch('/api/organisation').set(admin.headers).send(body).expect(400);
      expect(res.body.errors).toContainEqual(expect.objectContaining({ field, code }));
    };
    await refused({ name: '   ' }, 'name', 'length');
    await refused({ name: 'x'.repeat(201) }, 'name', 'length');
    await refused({ name: 'Ok', id: 'another' }, 'id', 'unknown_field');
    await refused({}, 'name', 'invalid_type');
  });
});
