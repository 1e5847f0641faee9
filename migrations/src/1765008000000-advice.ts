import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Advisory votes: before the meeting, each board member may say how they lean on a revision (ja, nej,
 * avstår) with a comment, for the secretary to see. Advice is not a decision: a member may change it
 * while the revision is before the board, so it is one row per member and revision, replaced in place.
 */
export class Advice1765008000000 implements MigrationInterface {
  name = 'Advice1765008000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE revision_advice (
        revision_id uuid NOT NULL REFERENCES plan_revision(id) ON DELETE RESTRICT,
        member_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
        position text NOT NULL CHECK (position IN ('ja','nej','avstar')),
        comment text CHECK (length(comment) BETWEEN 1 AND 2000),
        given_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (revision_id, member_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE revision_advice`);
  }
}
