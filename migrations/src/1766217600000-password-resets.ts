import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password resets (issue 14, item 3): an admin (for a member of only their organisation) or the command
 * line issues a reset link for an account, by the same mechanism as invitations — a single-use token that
 * expires, of which only the SHA-256 is stored. A new reset of the account revokes the pending one.
 * `organisation_id` is the organisation whose admin issued it (none from the command line).
 */
export class PasswordResets1766217600000 implements MigrationInterface {
  name = 'PasswordResets1766217600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE password_reset (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        organisation_id uuid REFERENCES organisation(id) ON DELETE CASCADE,
        issued_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz)`);
    await q.query(`CREATE INDEX password_reset_user_idx ON password_reset (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE password_reset`);
  }
}
