import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Edits at constant cost: a single-entity write checks only the references it makes, and a delete only
 * what refers to the entity, instead of re-validating the whole plan. The database enforces references
 * that always point at the plan's own tables (composite foreign keys on (plan_id, key), restricting
 * deletes; deferrable so a bulk write may insert in any order); the rest — actors and decision areas that
 * a stage may add, arrays, change payloads — are looked up through these indexes.
 */
export class References1764576000000 implements MigrationInterface {
  name = 'References1764576000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, column, target, onDelete] of FOREIGN_KEYS) {
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_fkey FOREIGN KEY (plan_id, ${column})
           REFERENCES ${target} (plan_id, key) ON DELETE ${onDelete} DEFERRABLE INITIALLY IMMEDIATE`,
      );
    }
    for (const [table, column] of SCALAR_REFERENCES) {
      await q.query(`CREATE INDEX ${table}_${column}_idx ON ${table} (plan_id, ${column})`);
    }
    for (const [table, column] of ARRAY_REFERENCES) {
      await q.query(`CREATE INDEX ${table}_${column}_idx ON ${table} USING gin (${column})`);
    }
    await q.query(`CREATE INDEX plan_change_stage_idx ON plan_change (stage_id, position)`);
    await q.query(`CREATE INDEX plan_change_payload_idx ON plan_change USING gin (payload jsonb_path_ops)`);
    await q.query(`CREATE INDEX plan_change_added_actor_idx ON plan_change (plan_id, (payload #>> '{actor,id}')) WHERE type = 'add_actor'`);
    await q.query(`CREATE INDEX plan_change_added_area_idx ON plan_change (plan_id, (payload #>> '{decisionArea,id}')) WHERE type = 'add_decision_area'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of ['plan_change_added_area_idx', 'plan_change_added_actor_idx', 'plan_change_payload_idx', 'plan_change_stage_idx']) {
      await q.query(`DROP INDEX ${name}`);
    }
    for (const [table, column] of [...ARRAY_REFERENCES, ...SCALAR_REFERENCES].reverse()) await q.query(`DROP INDEX ${table}_${column}_idx`);
    for (const [table, column] of [...FOREIGN_KEYS].reverse()) await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_fkey`);
  }
}

/** References that always point at a row of the plan's own tables (no stage adds competences or stages). */
const FOREIGN_KEYS: Array<[table: string, column: string, target: string, onDelete: 'RESTRICT' | 'CASCADE']> = [
  ['requirement', 'decision_area_key', 'decision_area', 'CASCADE'],
  ['requirement', 'competence_key', 'competence', 'RESTRICT'],
  ['holding', 'competence_key', 'competence', 'RESTRICT'],
  ['development_action', 'competence_key', 'competence', 'RESTRICT'],
  ['development_action', 'before_stage_key', 'stage', 'RESTRICT'],
  ['clarity_assessment', 'stage_key', 'stage', 'RESTRICT'],
  ['consequence', 'stage_key', 'stage', 'RESTRICT'],
  ['consultation', 'stage_key', 'stage', 'RESTRICT'],
  ['stage_comment', 'stage_key', 'stage', 'RESTRICT'],
];

/** Scalar references looked up when their target is deleted (actors may also be added by a stage). */
const SCALAR_REFERENCES: Array<[table: string, column: string]> = [
  ['actor', 'reports_to'],
  ['decision_right', 'decision_area_key'],
  ['decision_right', 'decider_key'],
  ['decision_right', 'delegator_key'],
  ['decision_right', 'reporting_to'],
  ['requirement', 'competence_key'],
  ['holding', 'actor_key'],
  ['holding', 'competence_key'],
  ['development_action', 'actor_key'],
  ['development_action', 'competence_key'],
  ['development_action', 'before_stage_key'],
  ['clarity_assessment', 'actor_key'],
  ['clarity_assessment', 'stage_key'],
  ['consequence', 'stage_key'],
  ['consultation', 'stage_key'],
  ['stage_comment', 'stage_key'],
];

const ARRAY_REFERENCES: Array<[table: string, column: string]> = [
  ['decision_right', 'consulted'],
  ['decision_right', 'informed'],
  ['decision_area', 'onward_delegation_by'],
  ['consultation', 'actor_keys'],
  ['plan_change', 'principle_keys'],
];
