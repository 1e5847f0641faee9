import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored ordinance previews (issue 12, item 1): the uploaded file of a preview, kept per organisation and
 * plan for a while, so that the import takes the preview's id instead of the file again. A row expires
 * (`expires_at`); expired rows are answered 410 and deleted by the next preview.
 */
export class OrdinancePreviews1766044800000 implements MigrationInterface {
  name = 'OrdinancePreviews1766044800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ordinance_preview (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        file bytea NOT NULL,
        file_name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX ordinance_preview_expires_idx ON ordinance_preview (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ordinance_preview`);
  }
}
