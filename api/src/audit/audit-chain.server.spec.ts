import { DataSource } from 'typeorm';
import { useTestApp } from '../testing/test-app';

// On the PostgreSQL server: the app's role may neither empty the audit log nor switch off or remove its
// triggers, nor change a row; each attempt fails and leaves the log as it was.
describe('The audit log against the application role', () => {
  const env = useTestApp('change_lead');
  const db = () => env.app.app.get(DataSource);

  it.each([
    ['TRUNCATE', `TRUNCATE audit_log`, /^permission denied for table audit_log/],
    ['DISABLE TRIGGER', `ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`, /^must be owner of table audit_log/],
    ['DISABLE TRIGGER ALL', `ALTER TABLE audit_log DISABLE TRIGGER ALL`, /^must be owner of table audit_log/],
    ['DROP TRIGGER', `DROP TRIGGER audit_log_chain ON audit_log`, /^must be owner of (table|relation) audit_log/],
    ['UPDATE', `UPDATE audit_log SET action = 'changed'`, /^permission denied for table audit_log/],
  ])('refuses %s', async (_name, statement, message) => {
    await env.http().post('/api/plans').send({ title: 'Loggad' }).expect(201);
    const before = await db().query(`SELECT id, hash FROM audit_log ORDER BY id`);
    expect(before.length).toBeGreaterThan(0);
    await expect(db().query(statement)).rejects.toMatchObject({ message: expect.stringMatching(message) });
    const triggers = await db().query(
      `SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal ORDER BY tgname`,
    );
    expect(triggers).toEqual([
      { tgname: 'audit_log_append_only', tgenabled: 'O' },
      { tgname: 'audit_log_chain', tgenabled: 'O' },
      { tgname: 'audit_log_not_truncated', tgenabled: 'O' },
    ]);
    expect(await db().query(`SELECT id, hash FROM audit_log WHERE id <= $1 ORDER BY id`, [before[before.length - 1].id])).toEqual(before);
  });
});
