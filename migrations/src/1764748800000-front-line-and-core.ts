import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lateral trust and support functions (plan format 1, additive): whether an actor works with citizens, and
 * whether a decision area is a matter of the core operation. Nullable: absent means "derived" (by the
 * actor's kind, by whether the area touches citizens).
 */
export class FrontLineAndCore1764748800000 implements MigrationInterface {
  name = 'FrontLineAndCore1764748800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE actor ADD COLUMN meets_citizens boolean`);
    await q.query(`ALTER TABLE decision_area ADD COLUMN core_operation boolean`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE decision_area DROP COLUMN core_operation`);
    await q.query(`ALTER TABLE actor DROP COLUMN meets_citizens`);
  }
}
