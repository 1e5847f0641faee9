import request from 'supertest';
import { DataSource } from 'typeorm';
import { signIn, SignedIn, useTestApp } from '../testing/test-app';
import { InvitationsController } from './invitations.controller';

/** The parts of an answer that may differ between two invitations: ids, times, the token, the address. */
function shapeOf(body: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, createdAt: _c, expiresAt: _e, token: _t, email: _m, ...rest } = body;
  return { keys: Object.keys(body).sort(), ...rest };
}

describe(InvitationsController.name, () => {
  const env = useTestApp('admin');
  const { http } = env;
  const anonymous = () => request(env.app.app.getHttpServer());
  const db = () => env.app.app.get(DataSource);
  let counter = 0;
  const address = () => `inbjuden-${++counter}-${Date.now()}@kommun.se`;

  beforeEach(async () => {
    await db().query(`DELETE FROM login_attempt`);
  });

  const invite = async (email: string, role = 'hr', as: SignedIn = env.user) =>
    (await anonymous().post('/api/invitations').set(as.headers).send({ email, role }).expect(201)).body as {
      id: string;
      token: string;
      email: string;
      role: string;
    };

  it('invites a new person, who sets a name and a password and is then a member with the role', async () => {
    const email = address();
    const invitation = await invite(email.toUpperCase(), 'change_lead');
    expect(invitation).toMatchObject({ email, role: 'change_lead' });
    expect(invitation.token).toMatch(/^[\w-]{43}$/);
    // Only the hash is stored.
    const stored = await db().query(`SELECT token_hash FROM invitation WHERE id = $1`, [invitation.id]);
    expect(stored[0].token_hash).not.toContain(invitation.token);
    expect((await http().get('/api/invitations').expect(200)).body.map((i: { id: string }) => i.id)).toContain(invitation.id);
    // No membership before acceptance.
    expect((await http().get('/api/users').expect(200)).body.map((m: { email: string }) => m.email)).not.toContain(email);

    const preview = await anonymous().post('/api/invitations/preview').send({ token: invitation.token }).expect(200);
    expect(preview.body).toMatchObject({ email, role: 'change_lead', organisationName: expect.stringMatching(/^Testorganisation/) });

    const session = await anonymous()
      .post('/api/invitations/accept')
      .send({ token: invitation.token, displayName: ' Ny Kollega ', password: 'ett långt lösenord' })
      .expect(200);
    expect(session.body.organisation).toMatchObject({ organisationId: env.user.organisationId, role: 'change_lead' });
    await anonymous().get('/api/plans').set('authorization', `Bearer ${session.body.token}`).expect(200);
    const members = (await http().get('/api/users').expect(200)).body as Array<{ email: string; displayName: string; role: string }>;
    expect(members.find((m) => m.email === email)).toMatchObject({ displayName: 'Ny Kollega', role: 'change_lead' });
    expect((await http().get('/api/invitations').expect(200)).body.map((i: { id: string }) => i.id)).not.toContain(invitation.id);
    await anonymous().post('/api/auth/login').send({ email, password: 'ett långt lösenord' }).expect(200);
  });

  it('lets a link be used once only', async () => {
    const { token } = await invite(address());
    await anonymous().post('/api/invitations/accept').send({ token, displayName: 'Först', password: 'ett långt lösenord' }).expect(200);
    await anonymous().post('/api/invitations/accept').send({ token, displayName: 'Andra', password: 'ett långt lösenord' }).expect(404);
    await anonymous().post('/api/invitations/preview').send({ token }).expect(404);
  });

  it('answers an expired, a revoked and a made-up link alike with 404', async () => {
    const expired = await invite(address());
    await db().query(`UPDATE invitation SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.id]);
    const revoked = await invite(address());
    await http().delete(`/api/invitations/${revoked.id}`).expect(204);
    for (const token of [expired.token, revoked.token, 'x'.repeat(43)]) {
      const res = await anonymous().post('/api/invitations/preview').send({ token });
      expect([res.status, res.body.code]).toEqual([404, 'not_found']);
      await anonymous().post('/api/invitations/accept').send({ token, displayName: 'X', password: 'ett långt lösenord' }).expect(404);
    }
    expect((await http().get('/api/invitations').expect(200)).body.map((i: { id: string }) => i.id)).not.toEqual(
      expect.arrayContaining([expired.id]),
    );
  });

  it('answers the same whether the address has an account elsewhere or none, and names no one', async () => {
    const stranger = await signIn(env.app, 'viewer');
    const known = await anonymous().post('/api/invitations').set(env.user.headers).send({ email: stranger.email, role: 'admin' });
    const unknown = await anonymous().post('/api/invitations').set(env.user.headers).send({ email: address(), role: 'admin' });
    expect(known.status).toBe(201);
    expect(unknown.status).toBe(201);
    expect(shapeOf(known.body)).toEqual(shapeOf(unknown.body));
    expect(JSON.stringify(known.body)).not.toContain('Test viewer');
    expect(JSON.stringify(known.body)).not.toContain(stranger.organisationId);
    const preview = await anonymous().post('/api/invitations/preview').send({ token: known.body.token }).expect(200);
    expect(Object.keys(preview.body).sort()).toEqual(['email', 'expiresAt', 'organisationName', 'role']);
    // Nothing lands in the other organisation: no membership there, no row in its audit log.
    const theirs = await db().query(`SELECT action FROM audit_log WHERE organisation_id = $1 AND action LIKE 'invitation.%'`, [
      stranger.organisationId,
    ]);
    expect(theirs).toEqual([]);
    const lists = await Promise.all([http().get('/api/users').expect(200), http().get('/api/invitations').expect(200)]);
    for (const list of lists) expect(JSON.stringify(list.body)).not.toContain('Test viewer');
  });

  it('lets someone with an account accept with their password, and then pick the organisation at login', async () => {
    const member = await signIn(env.app, 'viewer');
    const { token } = await invite(member.email, 'board_member');
    // Not a member before accepting, and a wrong password (or a new name for the address) makes none.
    await anonymous().post('/api/invitations/accept').send({ token, password: 'fel lösenord, helt fel' }).expect(401);
    const exists = await anonymous().post('/api/invitations/accept').send({ token, displayName: 'Kapare', password: 'ett annat långt lösenord' });
    expect([exists.status, exists.body.errors?.[0]?.code]).toEqual([400, 'account_exists']);
    expect((await http().get('/api/users').expect(200)).body.map((m: { userId: string }) => m.userId)).not.toContain(member.userId);

    const session = await anonymous().post('/api/invitations/accept').send({ token, password: member.password }).expect(200);
    expect(session.body.organisation).toMatchObject({ organisationId: env.user.organisationId, role: 'board_member' });
    expect(session.body.memberships.map((m: { organisationId: string }) => m.organisationId).sort()).toEqual(
      [member.organisationId, env.user.organisationId].sort(),
    );
    expect(session.body.user.displayName).toBe('Test viewer');

    const login = await anonymous().post('/api/auth/login').send({ email: member.email, password: member.password });
    expect([login.status, login.body.code]).toEqual([409, 'organisation_required']);
    expect(login.body.memberships).toHaveLength(2);
    expect(login.body.token).toBeUndefined();
    const chosen = await anonymous()
      .post('/api/auth/login')
      .send({ email: member.email, password: member.password, organisationId: env.user.organisationId })
      .expect(200);
    expect(chosen.body.organisation.role).toBe('board_member');
  });

  it('switches a member of two organisations to the other one and ends the old session', async () => {
    const member = await signIn(env.app, 'viewer');
    const { token } = await invite(member.email, 'hr');
    await anonymous().post('/api/invitations/accept').send({ token, password: member.password }).expect(200);
    const switched = await anonymous().post('/api/auth/switch').set(member.headers).send({ organisationId: env.user.organisationId }).expect(200);
    expect(switched.body.organisation).toMatchObject({ organisationId: env.user.organisationId, role: 'hr' });
    await anonymous().get('/api/auth/me').set(member.headers).expect(401);
    const me = await anonymous().get('/api/auth/me').set('authorization', `Bearer ${switched.body.token}`).expect(200);
    expect(me.body.organisation.organisationId).toBe(env.user.organisationId);
  });

  it('refuses a switch to an organisation the caller is not a member of with 404', async () => {
    const member = await signIn(env.app, 'viewer');
    const other = await signIn(env.app, 'viewer');
    const res = await anonymous().post('/api/auth/switch').set(member.headers).send({ organisationId: other.organisationId });
    expect([res.status, res.body.code]).toEqual([404, 'not_found']);
    await anonymous().get('/api/auth/me').set(member.headers).expect(200);
  });

  it('refuses to invite a member of the organisation again', async () => {
    const member = await signIn(env.app, 'viewer', env.user.organisationId);
    const res = await http().post('/api/invitations').send({ email: member.email, role: 'hr' });
    expect([res.status, res.body.errors?.[0]]).toEqual([400, expect.objectContaining({ field: 'email', code: 'already_member' })]);
  });

  it('replaces a pending invitation of the same address: the old link stops working', async () => {
    const email = address();
    const first = await invite(email, 'viewer');
    const second = await invite(email, 'hr');
    await anonymous().post('/api/invitations/preview').send({ token: first.token }).expect(404);
    const pending = (await http().get('/api/invitations').expect(200)).body as Array<{ id: string; email: string }>;
    expect(pending.filter((i) => i.email === email).map((i) => i.id)).toEqual([second.id]);
  });

  it('keeps invitations to their organisation: another admin cannot list or revoke them, other roles are refused', async () => {
    const { id } = await invite(address());
    const otherAdmin = await signIn(env.app, 'admin');
    expect((await anonymous().get('/api/invitations').set(otherAdmin.headers).expect(200)).body).toEqual([]);
    await anonymous().delete(`/api/invitations/${id}`).set(otherAdmin.headers).expect(404);
    const lead = await signIn(env.app, 'change_lead', env.user.organisationId);
    await anonymous().post('/api/invitations').set(lead.headers).send({ email: address(), role: 'admin' }).expect(403);
    await anonymous().get('/api/invitations').set(lead.headers).expect(403);
    await anonymous().delete(`/api/invitations/${id}`).set(lead.headers).expect(403);
  });

  it('records each step in the organisation’s audit log', async () => {
    const email = address();
    const revoked = await invite(email);
    await http().delete(`/api/invitations/${revoked.id}`).expect(204);
    const accepted = await invite(email, 'viewer');
    await anonymous().post('/api/invitations/accept').send({ token: accepted.token, displayName: 'Ny', password: 'ett långt lösenord' }).expect(200);
    const rows: Array<{ action: string; entity_id: string }> = await db().query(
      `SELECT action, entity_id FROM audit_log WHERE organisation_id = $1 AND entity_id IN ($2, $3) ORDER BY id`,
      [env.user.organisationId, revoked.id, accepted.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['invitation.create', 'invitation.revoke', 'invitation.create', 'invitation.accept']);
    const added = await db().query(
      `SELECT count(*)::int AS n FROM audit_log WHERE organisation_id = $1 AND action = 'member.add' AND after->>'email' = $2`,
      [env.user.organisationId, email],
    );
    expect(added[0].n).toBe(1);
  });

  it.each([
    [{ email: 'x', role: 'hr' }, 'email'],
    [{ email: 'a@b.se', role: 'king' }, 'role'],
    [{ email: 'a@b.se', role: 'hr', displayName: 'Smuggled' }, 'displayName'],
  ])('refuses the invitation %j with 400 naming %s', async (body, field) => {
    const res = await http().post('/api/invitations').send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses a too short new password with 400 and makes no account', async () => {
    const email = address();
    const { token } = await invite(email);
    const res = await anonymous().post('/api/invitations/accept').send({ token, displayName: 'Kort', password: 'kort' });
    expect([res.status, res.body.errors?.[0]?.field]).toEqual([400, 'password']);
    expect(await db().query(`SELECT 1 FROM app_user WHERE email = $1`, [email])).toEqual([]);
  });
});
