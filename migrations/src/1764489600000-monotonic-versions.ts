import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Entity versions come from one counter per plan, `plan.entity_version`: every write takes the next
 * value and stamps it on each row it writes. A bulk replace therefore gives every row a version no client
 * has seen, and an old version can never match again (a plain `version + 1` restarted at 1 on every
 * replace). The counter starts above every version stored so far.
 */
export class MonotonicVersions1764489600000 implements MigrationInterface {
  name = 'MonotonicVersions1764489600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan ADD COLUMN entity_version integer NOT NULL DEFAULT 1 CHECK (entity_version >= 1)`);
    const maxima = VERSIONED_TABLES.map((t) => `(SELECT max(version) FROM ${t} WHERE ${t}.plan_id = plan.id)`).join(', ');
    await q.query(`UPDATE plan SET entity_version = greatest(1, ${maxima})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan DROP COLUMN entity_version`);
  }
}

const VERSIONED_TABLES = [
  'principle',
  'actor',
  'competence',
  'decision_area',
  'requirement',
  'decision_right',
  'stage',
  'plan_change',
  'holding',
  'development_action',
  'clarity_assessment',
  'consequence',
  'consultation',
  'stage_comment',
];
