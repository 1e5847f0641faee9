import request from 'supertest';
import { DataSource } from 'typeorm';
import { runAccountsCli } from './accounts-cli';
import { InstallationService } from './auth/installation.service';
import { signIn, useTestApp } from './testing/test-app';

describe(runAccountsCli.name, () => {
  const env = useTestApp('admin');
  const anonymous = () => request(env.app.app.getHttpServer());
  let counter = 0;
  const unique = (what: string) => `${what} ${++counter} ${Date.now()}`;

  async function run(args: string[], publicUrl?: string) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAccountsCli(args, {
      installation: env.app.app.get(InstallationService),
      publicUrl,
      out: (t) => out.push(t),
      err: (t) => err.push(t),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  const tokenIn = (text: string) => /#\/invitation\/([\w-]{43})$/m.exec(text)?.[1] as string;

  it('creates an organisation and prints a one-time link that makes the address its admin', async () => {
    const name = unique('Norrby kommun');
    const result = await run(['org', 'create', '--name', name, '--admin-email', 'Chef@Norrby.se'], 'https://tillit.norrby.se/');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(new RegExp(`^  https://tillit\\.norrby\\.se/#/invitation/[\\w-]{43}$`, 'm'));
    const token = tokenIn(result.out);
    const preview = await anonymous().post('/api/invitations/preview').send({ token }).expect(200);
    expect(preview.body).toMatchObject({ organisationName: name, role: 'admin', email: 'chef@norrby.se' });
    const session = await anonymous()
      .post('/api/invitations/accept')
      .send({ token, displayName: 'Chefen', password: 'ett långt lösenord' })
      .expect(200);
    expect(session.body.organisation).toMatchObject({ organisationName: name, role: 'admin' });
    await anonymous().post('/api/invitations/accept').send({ token, displayName: 'Igen', password: 'ett långt lösenord' }).expect(404);
    const audit = await anonymous().get('/api/audit').set('authorization', `Bearer ${session.body.token}`).expect(200);
    const actions = (audit.body as Array<{ action: string; client: string | null }>).map((r) => `${r.action} ${r.client}`);
    expect(actions).toEqual(expect.arrayContaining(['organisation.create cli', 'invitation.create cli', 'invitation.accept 127.0.0.1']));
  });

  it('takes the link’s base from TILLIT_PUBLIC_URL, else http://localhost:3000', async () => {
    const fromEnv = await run(['org', 'create', '--name', unique('A'), '--admin-email', 'a@a.se'], 'http://tillit.internal:8080');
    expect(fromEnv.out).toContain('  http://tillit.internal:8080/#/invitation/');
    const byDefault = await run(['org', 'create', '--name', unique('B'), '--admin-email', 'b@b.se']);
    expect(byDefault.out).toContain('  http://localhost:3000/#/invitation/');
  });

  it('refuses a second organisation of the same name with exit 1 and creates nothing', async () => {
    const name = unique('Söderby');
    expect((await run(['org', 'create', '--name', name, '--admin-email', 'x@x.se'])).code).toBe(0);
    const again = await run(['org', 'create', '--name', name.toUpperCase(), '--admin-email', 'y@y.se']);
    expect([again.code, again.err]).toEqual([1, expect.stringContaining('exists already')]);
    const rows = await env.app.app.get(DataSource).query(`SELECT count(*)::int AS n FROM organisation WHERE lower(name) = lower($1)`, [name]);
    expect(rows[0].n).toBe(1);
  });

  it.each([
    [['org', 'create', '--admin-email', 'a@b.se'], '--name is required'],
    [['org', 'create', '--name', 'X', '--admin-email', 'inte-en-adress'], 'is not an e-mail address'],
    [['org', 'create', '--name', 'X'], '--admin-email is required'],
    [['org', 'create', '--name', 'X', '--admin-email', 'a@b.se', '--role', 'hr'], 'Unknown argument "--role"'],
    [['org', 'create', '--name', 'X', '--admin-email', 'a@b.se', '--public-url', 'ftp://x'], 'must start with http'],
    [['org', 'create', '--name', '--admin-email', 'a@b.se'], '--name needs a value'],
    [['org', 'create', '--name', 'x'.repeat(201), '--admin-email', 'a@b.se'], 'at most 200 characters'],
    [['org', 'delete'], 'Unknown command "org delete"'],
    [['user', 'disable'], '--email is required'],
    [['org', 'list', '--all'], 'Unknown argument "--all"'],
  ])('answers %j with exit 2 and says why (%s)', async (args, why) => {
    const before = await env.app.app.get(DataSource).query(`SELECT count(*)::int AS n FROM organisation`);
    const result = await run(args);
    expect([result.code, result.err]).toEqual([2, expect.stringContaining(why)]);
    expect(result.err).toContain('Usage:');
    expect(await env.app.app.get(DataSource).query(`SELECT count(*)::int AS n FROM organisation`)).toEqual(before);
  });

  it('lists the organisations with their members, admins and pending invitations', async () => {
    const name = unique('Listby');
    await run(['org', 'create', '--name', name, '--admin-email', 'admin@listby.se']);
    const list = await run(['org', 'list']);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(new RegExp(`^[0-9a-f-]{36}  ${name}  0 members, 0 admins, 1 pending invitations, created `, 'm'));
    expect(list.out).toMatch(/ {2}1 members, 1 admins, 0 pending invitations/);
  });

  it('disables an account: its sessions end, it cannot log in, and its organisation’s log says so', async () => {
    const member = await signIn(env.app, 'hr', env.user.organisationId);
    const result = await run(['user', 'disable', '--email', member.email.toUpperCase()]);
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining('can no longer log in') });
    await anonymous().get('/api/auth/me').set(member.headers).expect(401);
    await anonymous().post('/api/auth/login').send({ email: member.email, password: member.password }).expect(401);
    const audit = await anonymous().get('/api/audit').set(env.user.headers).expect(200);
    expect(audit.body).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'user.disable', entityId: member.userId, client: 'cli' })]));
    expect(await run(['user', 'disable', '--email', member.email])).toMatchObject({ code: 0, out: expect.stringContaining('disabled already') });
  });

  it('answers an unknown address with exit 1', async () => {
    expect(await run(['user', 'disable', '--email', 'ingen@nowhere.se'])).toMatchObject({ code: 1, err: expect.stringContaining('No account') });
  });

  it('leaves no HTTP route that creates an organisation', async () => {
    const doc = (await anonymous().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const creating = Object.entries(doc.paths).filter(([path, ops]) => /organi[sz]ation/i.test(path) && ('post' in ops || 'put' in ops));
    expect(creating).toEqual([]);
  });

  it('prints a one-time reset link for any account, which sets a new password', async () => {
    const member = await signIn(env.app, 'hr');
    const result = await run(['user', 'reset-password', '--email', member.email], 'https://tillit.norrby.se');
    expect(result.code).toBe(0);
    const token = /#\/reset-password\/([\w-]{43})$/m.exec(result.out)?.[1] as string;
    expect(result.out).toContain(`  https://tillit.norrby.se/#/reset-password/${token}`);
    await anonymous().post('/api/auth/password-reset').send({ token, password: 'Ett nytt lösenord för Hugo' }).expect(204);
    await anonymous().post('/api/auth/login').send({ email: member.email, password: 'Ett nytt lösenord för Hugo' }).expect(200);
    expect(await run(['user', 'reset-password', '--email', 'ingen@nowhere.se'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('No account'),
    });
  });
});
