import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations (issue 14, item 2): an admin no longer adds another organisation's user by e-mail; they
 * invite an address with a role, and the membership is made only when the person accepts. The link's
 * token is single-use and expires; only its SHA-256 is stored. `accepted_at` and `revoked_at` end an
 * invitation; a pending one is neither and not expired. At most one pending invitation per address and
 * organisation: a new one revokes the old (the service does it in the same transaction).
 */
export class Invitations1766131200000 implements MigrationInterface {
  name = 'Invitations1766131200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
        role text NOT NULL CHECK (role IN ('admin','change_lead','hr','board_member','contributor','viewer')),
        token_hash text NOT NULL UNIQUE,
        invited_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        revoked_at timestamptz)`);
    await q.query(`CREATE INDEX invitation_organisation_idx ON invitation (organisation_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE invitation`);
  }
}
