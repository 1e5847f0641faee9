import { MigrationInterface, QueryRunner } from 'typeorm';

/** The role the running application works as (`SET ROLE` on every connection); it owns nothing. */
const APP_ROLE = 'tillit_app';

/** Tables whose rows can only be added: the application's role may read and insert, nothing more. */
const APPEND_ONLY = ['plan_revision', 'board_decision', 'decision_justering', 'audit_log'];

/**
 * The application's database role (ADR 0005). Migrations run as the owner; the app then switches to
 * `tillit_app`, which may read and write the plan's tables but only read and add revisions, decisions,
 * justering and the audit log, and truncates nothing. Triggers already refuse those changes for every
 * role; the grants make the refusal the database's permission system, before any trigger runs.
 *
 * A role belongs to the whole cluster while grants belong to one database, and several databases (test
 * runs, or two installations) may share a cluster and migrate at once: the role is created only if it is
 * missing, a concurrent creation is not an error, and `down` revokes this database's grants but leaves
 * the role to the others.
 */
export class AppRole1765094400000 implements MigrationInterface {
  name = 'AppRole1765094400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} NOLOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- another database of this cluster created it in the meantime
      END
      $$`);
    // A superuser may switch to any role; an owner that is not one must be a member to SET ROLE.
    await q.query(`
      DO $$
      BEGIN
        IF NOT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') THEN
          EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
        END IF;
      END
      $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    // Tables of later migrations get the same (an append-only one revokes, as below, in its migration).
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`);
    // Only the migrations' bookkeeping, which the owner keeps.
    await q.query(`REVOKE ALL ON migrations FROM ${APP_ROLE}`);
    for (const table of APPEND_ONLY) await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM ${APP_ROLE}`);
    // The audit log refused updates and deletes, but not truncation, for the owner.
    await q.query(`
      CREATE TRIGGER audit_log_not_truncated BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_log_not_truncated ON audit_log`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${APP_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE}`);
  }
}
