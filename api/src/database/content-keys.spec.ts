import { EXAMPLE_PLAN } from '@tillit/domain';
import { DataSource } from 'typeorm';
import { signIn } from '../testing/test-app';
import { useTestApp } from '../testing/test-app';

/** Migration 1765785600000-content-keys: one key per content row, to its plan (or a change's stage). */
describe('content keys', () => {
  const env = useTestApp('change_lead');
  const db = () => env.app.app.get(DataSource);
  const importPlan = async (http = env.http): Promise<string> => (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id;
  const one = async <T>(sql: string, params: unknown[]): Promise<T> => ((await db().query(sql, params)) as T[])[0];

  it("refuses a change whose stage is another plan's", async () => {
    const [a, b] = [await importPlan(), await importPlan()];
    const stageOfB = await one<{ id: string }>(`SELECT id FROM stage WHERE plan_id = $1 LIMIT 1`, [b]);
    const insert = (planId: string) =>
      db().query(
        `INSERT INTO plan_change (organisation_id, plan_id, position, key, stage_id, type, payload)
         VALUES ($1, $2, 999, 'foreign-stage', $3, 'system', '{"description":"x"}')`,
        [env.user.organisationId, planId, stageOfB.id],
      );
    await expect(insert(a)).rejects.toMatchObject({ code: '23503', constraint: 'plan_change_stage_fkey' });
    // The same row in the stage's own plan is taken: the key is what refused it.
    await expect(insert(b)).resolves.toBeDefined();
    await db().query(`DELETE FROM plan_change WHERE plan_id = $1 AND key = 'foreign-stage'`, [b]);
  });

  it("refuses a row whose organisation is not its plan's", async () => {
    const plan = await importPlan();
    const other = await signIn(env.app, 'change_lead');
    expect(other.organisationId).not.toBe(env.user.organisationId);
    await expect(
      db().query(`INSERT INTO actor (organisation_id, plan_id, position, key, name, kind) VALUES ($1, $2, 999, 'intruder', 'Inkräktare', 'role')`, [
        other.organisationId,
        plan,
      ]),
    ).rejects.toMatchObject({ code: '23503', constraint: 'actor_plan_fkey' });
  });

  it("deleting a plan still removes its content, a stage's changes through the stage", async () => {
    const plan = await importPlan();
    const count = async (table: string) => (await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE plan_id = $1`, [plan])).n;
    expect(await count('plan_change')).toBeGreaterThan(0);
    expect(await count('actor')).toBeGreaterThan(0);
    await db().query(`DELETE FROM plan WHERE id = $1`, [plan]);
    for (const table of ['plan_change', 'stage', 'actor', 'decision_right', 'holding']) expect(await count(table)).toBe(0);
  });
});
