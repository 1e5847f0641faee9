import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refusals anyone can cause (a bogus token, a throttled login, another organisation's plan) are recorded
 * at most once a minute per client and action (AuditRepository.appendRateLimited): this index answers
 * "was one written in the last minute?" without reading the log.
 */
export class AuditRefusals1765872000000 implements MigrationInterface {
  name = 'AuditRefusals1765872000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_log_refusal_idx ON audit_log (client, action, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_log_refusal_idx`);
  }
}
