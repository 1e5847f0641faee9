import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application's role may read (only read) the migrations' bookkeeping, so that an instance that
 * does not migrate (`TILLIT_MIGRATE=false`, a runtime login that owns nothing) can tell at start that the
 * schema is behind its code and refuse to start, instead of serving errors until someone migrates.
 */
export class AppReadsMigrations1766304000000 implements MigrationInterface {
  name = 'AppReadsMigrations1766304000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT ON migrations TO tillit_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE SELECT ON migrations FROM tillit_app`);
  }
}
