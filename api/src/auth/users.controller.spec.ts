import request from 'supertest';
import { signIn, useTestApp } from '../testing/test-app';
import { UsersController } from './users.controller';

describe(UsersController.name, () => {
  const env = useTestApp('admin');
  const { http } = env;

  it('lists the members, adds one who can then log in, changes the role and removes them', async () => {
    const added = await http()
      .post('/api/users')
      .send({ email: 'Ny.Kollega@kommun.se', displayName: ' Ny Kollega ', password: 'ett långt lösenord', role: 'hr' })
      .expect(201);
    expect(added.body).toMatchObject({ email: 'ny.kollega@kommun.se', displayName: 'Ny Kollega', role: 'hr' });
    const login = await request(env.app.app.getHttpServer())
      .post('/api/auth/login')
      .send({ email: 'ny.kollega@kommun.se', password: 'ett långt lösenord' })
      .expect(200);
    expect(login.body.organisation.role).toBe('hr');

    await http().patch(`/api/users/${added.body.userId}`).send({ role: 'viewer' }).expect(200);
    const members = (await http().get('/api/users').expect(200)).body as Array<{ userId: string; role: string }>;
    expect(members.find((m) => m.userId === added.body.userId)?.role).toBe('viewer');

    await http().delete(`/api/users/${added.body.userId}`).expect(204);
    await request(env.app.app.getHttpServer()).get('/api/plans').set('authorization', `Bearer ${login.body.token}`).expect(401);
  });

  it.each([
    [{ email: 'x', displayName: 'X', password: 'ett långt lösenord', role: 'hr' }, 'email'],
    [{ email: 'a@b.se', displayName: 'X', password: 'kort', role: 'hr' }, 'password'],
    [{ email: 'a@b.se', displayName: 'X', password: 'ett långt lösenord', role: 'king' }, 'role'],
    [{ email: 'ny2@kommun.se', displayName: 'Utan lösenord', role: 'hr' }, 'password'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const res = await http().post('/api/users').send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('keeps at least one admin', async () => {
    const res = await http().patch(`/api/users/${env.user.userId}`).send({ role: 'viewer' });
    expect(res.status).toBe(400);
    await http().delete(`/api/users/${env.user.userId}`).expect(400);
  });

  it('answers 404 for a user of another organisation, and refuses a non-admin', async () => {
    const stranger = await signIn(env.app, 'admin');
    await http().patch(`/api/users/${stranger.userId}`).send({ role: 'viewer' }).expect(404);
    await http().delete(`/api/users/${stranger.userId}`).expect(404);
    const lead = await signIn(env.app, 'change_lead', env.user.organisationId);
    await request(env.app.app.getHttpServer()).get('/api/users').set(lead.headers).expect(403);
  });
});
