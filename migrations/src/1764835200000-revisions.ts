import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revisions: what a change lead submits to the board, frozen. A row holds the exact bytes of the plan and
 * its analysis as canonical JSON (RFC 8785) and their SHA-256, so anyone can check a revision with
 * `sha256sum`. Rows can be inserted, never updated, deleted or truncated: triggers refuse it for every
 * role (the owner included), and a plan with revisions cannot be deleted (ON DELETE RESTRICT).
 */
export class Revisions1764835200000 implements MigrationInterface {
  name = 'Revisions1764835200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan_revision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE RESTRICT,
        number integer NOT NULL CHECK (number >= 1),
        plan_version integer NOT NULL CHECK (plan_version >= 1),
        summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 8000),
        proposals text[] NOT NULL CHECK (cardinality(proposals) BETWEEN 1 AND 20),
        diarienummer text CHECK (length(diarienummer) BETWEEN 1 AND 60),
        justifications jsonb NOT NULL DEFAULT '[]',
        content bytea NOT NULL,
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        submitted_by uuid REFERENCES app_user(id) ON DELETE RESTRICT,
        submitted_at timestamptz NOT NULL,
        UNIQUE (plan_id, number)
      )`);
    await q.query(`
      CREATE FUNCTION plan_revision_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER plan_revision_immutable BEFORE UPDATE OR DELETE ON plan_revision
        FOR EACH ROW EXECUTE FUNCTION plan_revision_is_immutable()`);
    await q.query(`
      CREATE TRIGGER plan_revision_not_truncated BEFORE TRUNCATE ON plan_revision
        FOR EACH STATEMENT EXECUTE FUNCTION plan_revision_is_immutable()`);
    // No role but the owner gets more than reading and adding.
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON plan_revision FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE plan_revision`);
    await q.query(`DROP FUNCTION plan_revision_is_immutable()`);
  }
}
