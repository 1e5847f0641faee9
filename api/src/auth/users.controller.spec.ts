import request from 'supertest';
import { signIn, useTestApp } from '../testing/test-app';
import { AuthRepository } from './auth.repository';
import { UsersController } from './users.controller';

describe(UsersController.name, () => {
  const env = useTestApp('admin');
  const { http } = env;

  it('lists the members, changes a role and removes a member, whose sessions then end', async () => {
    const member = await signIn(env.app, 'hr', env.user.organisationId);
    const listed = (await http().get('/api/users').expect(200)).body as Array<{ userId: string; role: string }>;
    expect(listed.find((m) => m.userId === member.userId)?.role).toBe('hr');

    await http().patch(`/api/users/${member.userId}`).send({ role: 'viewer' }).expect(200);
    const members = (await http().get('/api/users').expect(200)).body as Array<{ userId: string; role: string }>;
    expect(members.find((m) => m.userId === member.userId)?.role).toBe('viewer');

    await http().delete(`/api/users/${member.userId}`).expect(204);
    await request(env.app.app.getHttpServer()).get('/api/plans').set(member.headers).expect(401);
  });

  it('adds no member by e-mail: new members come by invitation', async () => {
    const stranger = await signIn(env.app, 'viewer');
    const res = await http().post('/api/users').send({ email: stranger.email, displayName: 'X', role: 'admin' });
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('Test viewer');
  });

  it('disables a member’s account, which ends their sessions and stops their login, and enables it again', async () => {
    const member = await signIn(env.app, 'contributor', env.user.organisationId);
    const disabled = (await http().patch(`/api/users/${member.userId}`).send({ disabled: true }).expect(200)).body;
    expect(disabled).toMatchObject({ userId: member.userId, disabled: true, role: 'contributor' });
    const server = () => request(env.app.app.getHttpServer());
    await server().get('/api/plans').set(member.headers).expect(401);
    await server().post('/api/auth/login').send({ email: member.email, password: member.password }).expect(401);
    const log = (await http().get(`/api/audit?action=member.disable`).expect(200)).body;
    expect(log[0]).toMatchObject({ entityId: member.userId, userId: env.user.userId, after: { disabled: true } });

    expect((await http().patch(`/api/users/${member.userId}`).send({ disabled: false }).expect(200)).body.disabled).toBe(false);
    const login = await server().post('/api/auth/login').send({ email: member.email, password: member.password });
    expect(login.status).toBeLessThan(300);
  });

  it('disables neither one’s own account nor an account that other organisations share', async () => {
    const own = await http().patch(`/api/users/${env.user.userId}`).send({ disabled: true }).expect(400);
    expect(own.body.errors).toContainEqual(expect.objectContaining({ field: 'disabled', code: 'own_account' }));

    const shared = await signIn(env.app, 'viewer');
    await env.app.app.get(AuthRepository).addMembership(env.user.organisationId, shared.userId, 'viewer');
    const res = await http().patch(`/api/users/${shared.userId}`).send({ disabled: true }).expect(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ field: 'disabled', code: 'shared_account', params: { action: 'disable' } }));
    await request(env.app.app.getHttpServer()).get('/api/plans').set(shared.headers).expect(200);
    await http().patch(`/api/users/${shared.userId}`).send({ disabled: 'yes' }).expect(400);
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
