import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a delegation ordinance says beyond who decides (plan format 1, additive): an actor's legal role
 * under Kommunallagen and its qualifications (behörighet); a decision area's limit as data, the law that
 * narrows who may decide it, the qualification it requires, and the nämnd's decision that its delegated
 * decisions need not be reported (KL 6:40); a right's substitute (ersättare). Every column is nullable:
 * existing rows mean what they meant.
 */
export class LegalDetails1764662400000 implements MigrationInterface {
  name = 'LegalDetails1764662400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE actor
         ADD COLUMN legal_role text CONSTRAINT actor_legal_role_check
           CHECK (legal_role IN ('council','committee','working_committee','chair','member','deputy_member','head_of_administration')),
         ADD COLUMN qualifications text[]`,
    );
    await q.query(
      `ALTER TABLE decision_area
         ADD COLUMN limit_amount double precision CONSTRAINT decision_area_limit_amount_check CHECK (limit_amount >= 0),
         ADD COLUMN limit_unit text CONSTRAINT decision_area_limit_unit_check
           CHECK (limit_unit IN ('kr','tkr','mnkr','prisbasbelopp','days','weeks','months','years')),
         ADD COLUMN limit_year integer,
         ADD COLUMN limit_price_base_amount_sek double precision,
         ADD COLUMN delegation_restricted_to text[],
         ADD COLUMN delegation_restriction_basis text,
         ADD COLUMN required_qualifications text[],
         ADD COLUMN qualification_basis text,
         ADD COLUMN reporting_exemption_by text,
         ADD COLUMN reporting_exemption_on date,
         ADD COLUMN reporting_exemption_reference text,
         ADD COLUMN reporting_exemption_reason text`,
    );
    await q.query(`CREATE INDEX decision_area_reporting_exemption_by_idx ON decision_area (plan_id, reporting_exemption_by)`);
    await q.query(`ALTER TABLE decision_right ADD COLUMN substitute_key text`);
    await q.query(`CREATE INDEX decision_right_substitute_key_idx ON decision_right (plan_id, substitute_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX decision_right_substitute_key_idx`);
    await q.query(`ALTER TABLE decision_right DROP COLUMN substitute_key`);
    await q.query(`DROP INDEX decision_area_reporting_exemption_by_idx`);
    await q.query(
      `ALTER TABLE decision_area
         DROP COLUMN limit_amount, DROP COLUMN limit_unit, DROP COLUMN limit_year, DROP COLUMN limit_price_base_amount_sek,
         DROP COLUMN delegation_restricted_to, DROP COLUMN delegation_restriction_basis,
         DROP COLUMN required_qualifications, DROP COLUMN qualification_basis,
         DROP COLUMN reporting_exemption_by, DROP COLUMN reporting_exemption_on,
         DROP COLUMN reporting_exemption_reference, DROP COLUMN reporting_exemption_reason`,
    );
    await q.query(`ALTER TABLE actor DROP COLUMN legal_role, DROP COLUMN qualifications`);
  }
}
