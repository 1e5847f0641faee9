import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assessments with a trail (issue 13 item 5): a holding records how its level was assessed (self, the
 * manager, HR, a test or certificate), by whom, when, and until when it holds. Every level or assessment a
 * holding takes is kept in holding_history by a statement-level trigger, whichever path wrote it (one
 * holding, the whole list, the plan's content, an import): one INSERT … SELECT per statement, and only
 * when the value differs from the holding's latest entry, so rewriting a plan's content adds nothing.
 */
export class HoldingAssessments1765353600000 implements MigrationInterface {
  name = 'HoldingAssessments1765353600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE holding
        ADD COLUMN assessment_method text CONSTRAINT holding_assessment_method_check CHECK (assessment_method IN ('self','manager','hr','test')),
        ADD COLUMN assessed_by text,
        ADD COLUMN assessed_on date,
        ADD COLUMN expires_on date,
        ADD CONSTRAINT holding_expiry_check CHECK (expires_on >= assessed_on)`);
    await q.query(`CREATE TABLE holding_history (
        id bigserial PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        actor_key text NOT NULL,
        competence_key text NOT NULL,
        level integer NOT NULL,
        assessment_method text,
        assessed_by text,
        assessed_on date,
        expires_on date,
        recorded_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX holding_history_key_idx ON holding_history (plan_id, actor_key, competence_key, id)`);
    await q.query(`CREATE FUNCTION holding_history_record() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO holding_history (organisation_id, plan_id, actor_key, competence_key, level, assessment_method, assessed_by, assessed_on, expires_on)
        SELECT n.organisation_id, n.plan_id, n.actor_key, n.competence_key, n.level, n.assessment_method, n.assessed_by, n.assessed_on, n.expires_on
        FROM new_rows n
        WHERE NOT EXISTS (
          SELECT 1 FROM (
            SELECT h.level, h.assessment_method, h.assessed_by, h.assessed_on, h.expires_on FROM holding_history h
            WHERE h.plan_id = n.plan_id AND h.actor_key = n.actor_key AND h.competence_key = n.competence_key
            ORDER BY h.id DESC LIMIT 1) latest
          WHERE (latest.level, latest.assessment_method, latest.assessed_by, latest.assessed_on, latest.expires_on)
            IS NOT DISTINCT FROM (n.level, n.assessment_method, n.assessed_by, n.assessed_on, n.expires_on));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER holding_history_on_insert AFTER INSERT ON holding
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION holding_history_record()`);
    await q.query(`CREATE TRIGGER holding_history_on_update AFTER UPDATE ON holding
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION holding_history_record()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER holding_history_on_update ON holding`);
    await q.query(`DROP TRIGGER holding_history_on_insert ON holding`);
    await q.query(`DROP FUNCTION holding_history_record()`);
    await q.query(`DROP TABLE holding_history`);
    await q.query(`ALTER TABLE holding DROP CONSTRAINT holding_expiry_check,
        DROP COLUMN expires_on, DROP COLUMN assessed_on, DROP COLUMN assessed_by, DROP COLUMN assessment_method`);
  }
}
