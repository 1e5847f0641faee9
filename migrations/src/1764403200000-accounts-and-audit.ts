import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, memberships with roles, sessions, login attempts (rate limiting) and the append-only audit log. */
export class AccountsAndAudit1764403200000 implements MigrationInterface {
  name = 'AccountsAndAudit1764403200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
        display_name text NOT NULL,
        password_hash text NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (email)
      )`);
    await q.query(`
      CREATE TABLE membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('admin','change_lead','hr','board_member','contributor','viewer')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE login_attempt (
        id bigserial PRIMARY KEY,
        client text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_attempt_client_idx ON login_attempt (client, at)`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        organisation_id uuid,
        user_id uuid,
        action text NOT NULL,
        entity text,
        entity_id text,
        before jsonb,
        after jsonb,
        client text
      )`);
    await q.query(`CREATE INDEX audit_log_organisation_idx ON audit_log (organisation_id, at)`);
    // Append-only: no route, and no statement, may change or remove what was logged.
    await q.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_is_append_only()`);
    await q.query(`DROP TABLE login_attempt`);
    await q.query(`DROP TABLE session`);
    await q.query(`DROP TABLE membership`);
    await q.query(`DROP TABLE app_user`);
  }
}
