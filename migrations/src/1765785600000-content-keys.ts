import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables of a plan's content (PlanContentRepository's CONTENT_TABLES) except plan_change. */
const OWNED_BY_PLAN = [
  'principle',
  'actor',
  'competence',
  'decision_area',
  'requirement',
  'decision_right',
  'stage',
  'holding',
  'development_action',
  'clarity_assessment',
  'consequence',
  'consultation',
  'stage_comment',
];

/**
 * Fewer, stronger foreign keys on a plan's content. Every content row had two: organisation_id →
 * organisation and plan_id → plan, checked one row at a time, so importing a 2,000-actor, 50,000-change
 * plan ran about 174,000 key checks (a third of the import's database time). Now each row has one
 * composite key (plan_id, organisation_id) → plan (id, organisation_id): half the checks, and it also
 * says the row's organisation is its plan's (before, nothing tied the two). A change's one key is
 * (stage_id, plan_id, organisation_id) → stage (id, plan_id, organisation_id): its stage, of the same plan
 * and organisation (before, a change could name another plan's stage), and through the stage the plan.
 * Deletes cascade as before (organisation → plan → content; stage → its changes).
 * The GIN index on plan_change.principle_keys goes: no query reads it, and every insert paid for it.
 */
export class ContentKeys1765785600000 implements MigrationInterface {
  name = 'ContentKeys1765785600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan ADD CONSTRAINT plan_id_organisation_id_key UNIQUE (id, organisation_id)`);
    await q.query(`ALTER TABLE stage ADD CONSTRAINT stage_id_plan_id_organisation_id_key UNIQUE (id, plan_id, organisation_id)`);
    for (const t of OWNED_BY_PLAN) {
      await q.query(
        `ALTER TABLE ${t} DROP CONSTRAINT ${t}_organisation_id_fkey, DROP CONSTRAINT ${t}_plan_id_fkey,
           ADD CONSTRAINT ${t}_plan_fkey FOREIGN KEY (plan_id, organisation_id) REFERENCES plan (id, organisation_id) ON DELETE CASCADE`,
      );
    }
    await q.query(
      `ALTER TABLE plan_change DROP CONSTRAINT plan_change_organisation_id_fkey, DROP CONSTRAINT plan_change_plan_id_fkey,
         DROP CONSTRAINT plan_change_stage_id_fkey,
         ADD CONSTRAINT plan_change_stage_fkey FOREIGN KEY (stage_id, plan_id, organisation_id)
           REFERENCES stage (id, plan_id, organisation_id) ON DELETE CASCADE`,
    );
    await q.query(`DROP INDEX plan_change_principle_keys_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX plan_change_principle_keys_idx ON plan_change USING gin (principle_keys)`);
    await q.query(
      `ALTER TABLE plan_change DROP CONSTRAINT plan_change_stage_fkey,
         ADD CONSTRAINT plan_change_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES organisation (id) ON DELETE CASCADE,
         ADD CONSTRAINT plan_change_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES plan (id) ON DELETE CASCADE,
         ADD CONSTRAINT plan_change_stage_id_fkey FOREIGN KEY (stage_id) REFERENCES stage (id) ON DELETE CASCADE`,
    );
    for (const t of OWNED_BY_PLAN) {
      await q.query(
        `ALTER TABLE ${t} DROP CONSTRAINT ${t}_plan_fkey,
           ADD CONSTRAINT ${t}_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES organisation (id) ON DELETE CASCADE,
           ADD CONSTRAINT ${t}_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES plan (id) ON DELETE CASCADE`,
      );
    }
    await q.query(`ALTER TABLE stage DROP CONSTRAINT stage_id_plan_id_organisation_id_key`);
    await q.query(`ALTER TABLE plan DROP CONSTRAINT plan_id_organisation_id_key`);
  }
}
