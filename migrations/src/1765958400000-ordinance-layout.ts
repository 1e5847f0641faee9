import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The column layout of a plan's last imported ordinance (issue 12, item 6): the file's columns in order,
 * with their own header names and the field each held, so that the ordinance goes out again in the layout
 * it came in. One row per plan, replaced by each import; a plan without one exports the standard layout.
 */
export class OrdinanceLayout1765958400000 implements MigrationInterface {
  name = 'OrdinanceLayout1765958400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ordinance_layout (
        plan_id uuid PRIMARY KEY REFERENCES plan(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        columns jsonb NOT NULL CONSTRAINT ordinance_layout_columns_check CHECK (jsonb_typeof(columns) = 'array'),
        imported_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ordinance_layout`);
  }
}
