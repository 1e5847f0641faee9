import { DataSource } from 'typeorm';
import { asOwner } from '../testing/database-roles';
import { importSubmittable, submission } from '../testing/revisions';
import { useTestApp } from '../testing/test-app';
import { APP_ROLE, appDataSourceOptions } from './data-source-options';

/** Tables the application may only read and add to. */
const APPEND_ONLY = ['audit_log', 'board_decision', 'decision_justering', 'plan_revision'];

interface Grant {
  table: string;
  privileges: string[];
}

describe(appDataSourceOptions.name, () => {
  const env = useTestApp('change_lead');
  const db = () => env.app.app.get(DataSource);

  beforeAll(async () => {
    // A revision, and audit rows, for the refused statements to find.
    const id = await importSubmittable(env.http);
    await env
      .http()
      .post(`/api/plans/${id}/revisions`)
      .send(await submission(env.http, id))
      .expect(201);
  });

  it('works as the application role, which owns nothing, on every connection', async () => {
    const users = await Promise.all(
      [1, 2, 3].map(() => db().query(`SELECT current_user AS role, session_user AS session`) as Promise<Array<{ role: string; session: string }>>),
    );
    expect(users.map(([u]) => u.role)).toEqual([APP_ROLE, APP_ROLE, APP_ROLE]);
    expect(users[0][0].session).not.toBe(APP_ROLE);
    const owned = await db().query(`SELECT count(*)::int AS n FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = $1)`, [
      APP_ROLE,
    ]);
    expect(owned).toEqual([{ n: 0 }]);
  });

  it.each(APPEND_ONLY)('refuses to update, delete or truncate %s: permission denied', async (table) => {
    const count = async () => ((await db().query(`SELECT count(*)::int AS n FROM ${table}`)) as Array<{ n: number }>)[0].n;
    const before = await count();
    for (const statement of [`UPDATE ${table} SET id = id`, `DELETE FROM ${table}`, `TRUNCATE ${table} CASCADE`]) {
      await expect(db().query(statement)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/^permission denied for table/) });
    }
    expect(await count()).toBe(before);
  });

  it('has revisions and audit rows to refuse changing', async () => {
    const rows = await db().query(`SELECT (SELECT count(*) FROM plan_revision)::int AS revisions, (SELECT count(*) FROM audit_log)::int AS audit`);
    expect(rows[0].revisions).toBeGreaterThan(0);
    expect(rows[0].audit).toBeGreaterThan(0);
  });

  it('may read and add to every table, change all but the append-only ones, and truncate none', async () => {
    const grants: Grant[] = await db().query(
      `SELECT c.relname AS table,
              array_remove(ARRAY[
                CASE WHEN has_table_privilege($1, c.oid, 'SELECT') THEN 'SELECT' END,
                CASE WHEN has_table_privilege($1, c.oid, 'INSERT') THEN 'INSERT' END,
                CASE WHEN has_table_privilege($1, c.oid, 'UPDATE') THEN 'UPDATE' END,
                CASE WHEN has_table_privilege($1, c.oid, 'DELETE') THEN 'DELETE' END,
                CASE WHEN has_table_privilege($1, c.oid, 'TRUNCATE') THEN 'TRUNCATE' END
              ], NULL) AS privileges
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'
        ORDER BY 1`,
      [APP_ROLE],
    );
    const expected = (table: string): string[] =>
      table === 'migrations' ? ['SELECT'] : APPEND_ONLY.includes(table) ? ['SELECT', 'INSERT'] : ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
    expect(grants.length).toBeGreaterThan(APPEND_ONLY.length);
    expect(grants).toEqual(grants.map((g) => ({ table: g.table, privileges: expected(g.table) })));
  });

  it('lists as append-only exactly the tables whose triggers refuse updates and deletes', async () => {
    // A later table made append-only by a trigger must be added to the migration's revokes, and here.
    const rows: Array<{ table: string }> = await db().query(
      `SELECT DISTINCT c.relname AS table
         FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND NOT t.tgisinternal
          AND t.tgtype & 2 = 2 AND t.tgtype & 8 = 8 AND t.tgtype & 16 = 16
        ORDER BY 1`,
    );
    expect(rows.map((r) => r.table)).toEqual(APPEND_ONLY);
  });

  it('lets the owner act on one of its connections and hands it back as the application role', async () => {
    const owner = await asOwner(db(), async (q) => ((await q.query(`SELECT current_user AS role`)) as Array<{ role: string }>)[0].role);
    expect(owner).not.toBe(APP_ROLE);
    expect(await db().query(`SELECT current_user AS role`)).toEqual([{ role: APP_ROLE }]);
  });
});
