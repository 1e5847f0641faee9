import request from 'supertest';
import { DataSource } from 'typeorm';
import { signIn, SignedIn, useTestApp } from '../testing/test-app';
import { AuthService } from './auth.service';
import { PasswordsController } from './passwords.controller';

describe(PasswordsController.name, () => {
  const env = useTestApp('admin');
  const http = () => request(env.app.app.getHttpServer());
  const db = () => env.app.app.get(DataSource);

  beforeEach(async () => {
    await db().query(`DELETE FROM login_attempt`);
  });

  /** A member with two sessions: the one they change their password in, and another. */
  async function twoSessions(): Promise<{ member: SignedIn; other: { authorization: string } }> {
    const member = await signIn(env.app, 'hr', env.user.organisationId);
    const { token } = await env.app.app.get(AuthService).startSession(member.userId, member.organisationId);
    return { member, other: { authorization: `Bearer ${token}` } };
  }

  it('changes one’s own password with the current one, keeps this session and ends the others', async () => {
    const { member, other } = await twoSessions();
    await http()
      .post('/api/auth/password')
      .set(member.headers)
      .send({ currentPassword: member.password, newPassword: 'Bo byter etapper i Tillit' })
      .expect(204);
    await http().get('/api/auth/me').set(member.headers).expect(200);
    await http().get('/api/auth/me').set(other).expect(401);
    await http().post('/api/auth/login').send({ email: member.email, password: member.password }).expect(401);
    await http().post('/api/auth/login').send({ email: member.email, password: 'Bo byter etapper i Tillit' }).expect(200);
    const rows = await db().query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'password.change' AND user_id = $1 AND organisation_id = $2`,
      [member.userId, member.organisationId],
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses a wrong current password with 400 on currentPassword, and changes nothing', async () => {
    const { member, other } = await twoSessions();
    const res = await http()
      .post('/api/auth/password')
      .set(member.headers)
      .send({ currentPassword: 'fel lösenord, helt fel', newPassword: 'Bo byter etapper i Tillit' });
    expect([res.status, res.body.errors?.[0]]).toEqual([400, expect.objectContaining({ field: 'currentPassword', code: 'wrong_password' })]);
    await http().get('/api/auth/me').set(other).expect(200);
    await http().post('/api/auth/login').send({ email: member.email, password: member.password }).expect(200);
  });

  it.each([
    ['kort', 'length'],
    ['password1234', 'password_common'],
    ['Lösenord2026!', 'password_common'],
  ])('refuses the new password %j with 400 %s on newPassword', async (newPassword, code) => {
    const { member } = await twoSessions();
    const res = await http().post('/api/auth/password').set(member.headers).send({ currentPassword: member.password, newPassword });
    expect([res.status, res.body.errors?.[0]]).toEqual([400, expect.objectContaining({ field: 'newPassword', code })]);
  });

  it('refuses a new password that contains the e-mail address', async () => {
    const { member } = await twoSessions();
    const local = member.email.split('@')[0];
    const res = await http()
      .post('/api/auth/password')
      .set(member.headers)
      .send({ currentPassword: member.password, newPassword: `Mitt ${local} är hemligt` });
    expect(res.body.errors?.[0]).toEqual(expect.objectContaining({ field: 'newPassword', code: 'password_contains_email' }));
  });

  it('lets an admin issue a one-time reset link that sets a new password and ends every session', async () => {
    const { member, other } = await twoSessions();
    const issued = await http().post(`/api/users/${member.userId}/password-reset`).set(env.user.headers).expect(201);
    expect(Object.keys(issued.body).sort()).toEqual(['expiresAt', 'token']);
    const stored = await db().query(`SELECT token_hash FROM password_reset WHERE user_id = $1`, [member.userId]);
    expect(stored[0].token_hash).not.toContain(issued.body.token);
    const { token } = issued.body as { token: string };
    expect((await http().post('/api/auth/password-reset/preview').send({ token }).expect(200)).body).toEqual({ email: member.email });
    const weak = await http().post('/api/auth/password-reset').send({ token, password: 'password1234' });
    expect([weak.status, weak.body.errors?.[0]?.code]).toEqual([400, 'password_common']);
    await http().post('/api/auth/password-reset').send({ token, password: 'Ett nytt lösenord för Hugo' }).expect(204);
    for (const headers of [member.headers, other]) await http().get('/api/auth/me').set(headers).expect(401);
    await http().post('/api/auth/login').send({ email: member.email, password: 'Ett nytt lösenord för Hugo' }).expect(200);
    await http().post('/api/auth/password-reset').send({ token, password: 'Ett tredje lösenord för Hugo' }).expect(404);
    const actions = await db().query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'password.%' ORDER BY id`, [member.userId]);
    expect(actions.map((r: { action: string }) => r.action)).toEqual(['password.reset_issued', 'password.reset']);
  });

  it('answers an expired, replaced or made-up reset link alike with 404', async () => {
    const member = await signIn(env.app, 'viewer', env.user.organisationId);
    const first = (await http().post(`/api/users/${member.userId}/password-reset`).set(env.user.headers).expect(201)).body.token as string;
    const second = (await http().post(`/api/users/${member.userId}/password-reset`).set(env.user.headers).expect(201)).body.token as string;
    await db().query(`UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND revoked_at IS NULL`, [member.userId]);
    for (const token of [first, second, 'x'.repeat(43)]) {
      const res = await http().post('/api/auth/password-reset/preview').send({ token });
      expect([res.status, res.body.code]).toEqual([404, 'not_found']);
      await http().post('/api/auth/password-reset').send({ token, password: 'Ett nytt lösenord för Hugo' }).expect(404);
    }
  });

  it('keeps an admin to accounts of only their organisation: another organisation’s member is 404, a shared one 400', async () => {
    const stranger = await signIn(env.app, 'viewer');
    await http().post(`/api/users/${stranger.userId}/password-reset`).set(env.user.headers).expect(404);
    const shared = await signIn(env.app, 'viewer');
    await db().query(`INSERT INTO membership (organisation_id, user_id, role) VALUES ($1, $2, 'hr')`, [env.user.organisationId, shared.userId]);
    const res = await http().post(`/api/users/${shared.userId}/password-reset`).set(env.user.headers);
    expect([res.status, res.body.errors?.[0]?.code]).toEqual([400, 'shared_account']);
    expect(await db().query(`SELECT 1 FROM password_reset WHERE user_id = $1`, [shared.userId])).toEqual([]);
    const lead = await signIn(env.app, 'change_lead', env.user.organisationId);
    await http().post(`/api/users/${lead.userId}/password-reset`).set(lead.headers).expect(403);
  });
});
