import { MigrationInterface, QueryRunner } from 'typeorm';

const TYPES_BEFORE = [
  'move_decision',
  'set_level',
  'set_consultation',
  'set_reporting',
  'add_actor',
  'retire_actor',
  'move_actor',
  'add_decision_area',
  'retire_decision_area',
  'system',
];
const TYPES = [...TYPES_BEFORE, 'set_limit', 'set_substitute'];
const list = (types: string[]) => types.map((t) => `'${t}'`).join(',');

/**
 * The plan format gained two change types — set_limit (a decision area's limit, e.g. raised for a unit)
 * and set_substitute (a right's ersättare) — but plan_change's CHECK still named the ten older ones, so a
 * stage holding either could be validated and then not stored. The constraint now names all twelve.
 */
export class LimitAndSubstituteChanges1765180800000 implements MigrationInterface {
  name = 'LimitAndSubstituteChanges1765180800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan_change DROP CONSTRAINT plan_change_type_check`);
    await q.query(`ALTER TABLE plan_change ADD CONSTRAINT plan_change_type_check CHECK (type IN (${list(TYPES)}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan_change DROP CONSTRAINT plan_change_type_check`);
    await q.query(`ALTER TABLE plan_change ADD CONSTRAINT plan_change_type_check CHECK (type IN (${list(TYPES_BEFORE)}))`);
  }
}
