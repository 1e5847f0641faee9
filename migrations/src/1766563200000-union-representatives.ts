import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Union representatives (issue 15 item 7): the admin marks the members a union has appointed as its
 * representatives (förtroendevalda); their comments on stages are marked as the union's. A flag of the
 * membership, not of the account: a person may represent a union in one organisation only.
 */
export class UnionRepresentatives1766563200000 implements MigrationInterface {
  name = 'UnionRepresentatives1766563200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE membership ADD COLUMN union_rep boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE membership DROP COLUMN union_rep`);
  }
}
