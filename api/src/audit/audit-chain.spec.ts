import { DataSource } from 'typeorm';
import { runAuditCli } from '../audit-cli';
import { asOwner } from '../testing/database-roles';
import { signIn, useTestApp } from '../testing/test-app';
import { Query, verifyAuditChain } from './audit-chain';

describe(verifyAuditChain.name, () => {
  const env = useTestApp('change_lead');
  const db = () => env.app.app.get(DataSource);
  const query: Query = (sql, params) => db().query(sql, params);

  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAuditCli(
      args,
      query,
      (t) => out.push(t),
      (t) => err.push(t),
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('chains every row of an organisation to the previous one, whatever the inserter wrote', async () => {
    await env.http().post('/api/plans').send({ title: 'Kedjad' }).expect(201);
    // The app's role cannot choose the chain's fields: the trigger sets them.
    await db().query(`INSERT INTO audit_log (organisation_id, action, prev_hash, hash) VALUES ($1, 'forged', 'x', 'y')`, [env.user.organisationId]);
    const rows = (await db().query(`SELECT id, prev_hash, hash FROM audit_log WHERE organisation_id = $1 ORDER BY id`, [
      env.user.organisationId,
    ])) as Array<{ prev_hash: string | null; hash: string }>;
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows[0].prev_hash).toBeNull();
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    expect(await cli('verify', '--organisation', env.user.organisationId)).toEqual({ code: 0, out: `${rows.length} rows, chain intact`, err: '' });
  });

  it('keeps one chain when writes in one organisation run at the same time', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        env
          .http()
          .post('/api/plans')
          .send({ title: `Parallell ${i}` })
          .expect(201),
      ),
    );
    const report = await verifyAuditChain(query, env.user.organisationId);
    expect(report.broken).toBeNull();
    expect(report.rows).toBeGreaterThanOrEqual(14);
  });

  it('finds an organisation by name and refuses an unknown one', async () => {
    const named = (await db().query(`SELECT name FROM organisation WHERE id = $1`, [env.user.organisationId])) as Array<{ name: string }>;
    expect((await cli('verify', '--organisation', named[0].name)).code).toBe(0);
    expect(await cli('verify', '--organisation', 'Ingen sådan')).toMatchObject({ code: 2, err: 'No organisation has the id or name "Ingen sådan".' });
    expect((await cli('check')).code).toBe(2);
  });

  it('names the first row the owner changed, and the row after one the owner removed', async () => {
    const other = await signIn(env.app, 'change_lead');
    for (const title of ['Ett', 'Två', 'Tre']) await env.http().post('/api/plans').set(other.headers).send({ title }).expect(201);
    expect((await cli('verify')).code).toBe(0);
    const ids = (
      (await db().query(`SELECT id FROM audit_log WHERE organisation_id = $1 ORDER BY id`, [other.organisationId])) as Array<{ id: string }>
    ).map((r) => r.id);
    const tamper = (sql: string) =>
      asOwner(db(), async (owner) => {
        await owner.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
        await owner.query(sql);
        await owner.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
      });

    await tamper(`DELETE FROM audit_log WHERE id = ${ids[1]}`);
    const removed = await cli('verify', '--organisation', other.organisationId);
    expect(removed.code).toBe(1);
    expect(removed.err).toMatch(
      new RegExp(`^Chain broken at audit row ${ids[2]} \\(\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z, organisation ${other.organisationId}\\): it does not link`),
    );

    await tamper(`UPDATE audit_log SET after = '{"title":"Ändrad"}' WHERE id = ${ids[0]}`);
    const changed = await cli('verify');
    expect(changed.code).toBe(1);
    expect(changed.err).toContain(`Chain broken at audit row ${ids[0]} `);
    expect(changed.err).toContain('its contents do not match its hash');
    // The first organisation's chain is untouched.
    expect((await cli('verify', '--organisation', env.user.organisationId)).code).toBe(0);
  });
});
