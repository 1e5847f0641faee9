import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The board's decisions on revisions, as a nämnd takes them: the meeting, who sat (members, or an
 * ersättare in a member's seat), the proposals (yrkanden), an open vote per seat, reservations and
 * protokollsanteckningar, the outcome; then justering by the chair and one justerare. Like revisions,
 * the rows can only be inserted: triggers refuse updates, deletes and truncation for every role.
 */
export class Decisions1764921600000 implements MigrationInterface {
  name = 'Decisions1764921600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE board_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE RESTRICT,
        revision_id uuid NOT NULL REFERENCES plan_revision(id) ON DELETE RESTRICT,
        recorded_by uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        meeting_date date NOT NULL,
        paragraph text NOT NULL CHECK (length(paragraph) BETWEEN 1 AND 40),
        board_size integer NOT NULL CHECK (board_size >= 1),
        seats jsonb NOT NULL,
        proposals jsonb NOT NULL,
        votes jsonb NOT NULL,
        reservations jsonb NOT NULL DEFAULT '[]',
        notes jsonb NOT NULL DEFAULT '[]',
        outcome text NOT NULL CHECK (outcome IN ('approved','approved_with_conditions','returned','tabled')),
        conditions text,
        return_reason text,
        return_to text,
        chair_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
        adjuster_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
        CHECK (chair_id <> adjuster_id AND chair_id <> recorded_by AND adjuster_id <> recorded_by)
      )`);
    await q.query(`CREATE INDEX board_decision_revision_idx ON board_decision (revision_id, recorded_at)`);
    await q.query(`
      CREATE TABLE decision_justering (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        decision_id uuid NOT NULL REFERENCES board_decision(id) ON DELETE RESTRICT,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
        role text NOT NULL CHECK (role IN ('chair','adjuster')),
        confirmed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (decision_id, role)
      )`);
    for (const table of ['board_decision', 'decision_justering']) {
      await q.query(`
        CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION plan_revision_is_immutable()`);
      await q.query(`
        CREATE TRIGGER ${table}_not_truncated BEFORE TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION plan_revision_is_immutable()`);
      await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM PUBLIC`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE decision_justering`);
    await q.query(`DROP TABLE board_decision`);
  }
}
