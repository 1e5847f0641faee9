import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A hash chain per organisation over the audit log (issue 14, item 5). Each row carries the SHA-256 of
 * its canonical bytes (`audit_log_canonical`: the jsonb text of an array of its fields and the previous
 * row's hash), and `prev_hash`, the hash of the organisation's previous row (rows without organisation
 * form one chain of their own). A BEFORE INSERT trigger sets both, whatever the inserter wrote:
 * it takes a transaction-scoped advisory lock per organisation, so concurrent appends in one organisation
 * queue, and draws the row's id after the lock, so ids follow the chain's order.
 *
 * Rows written before this migration join the chain: the migration hashes them in id order, per
 * organisation (the append-only trigger is off for that one statement, as the owner). `npx tillit audit
 * verify` recomputes every hash and reports the first broken link.
 */
export class AuditChain1765440000000 implements MigrationInterface {
  name = 'AuditChain1765440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN prev_hash text, ADD COLUMN hash text`);
    await q.query(`CREATE INDEX audit_log_chain_idx ON audit_log (organisation_id, id)`);
    await q.query(`
      CREATE FUNCTION audit_log_canonical(
        id bigint, at timestamptz, organisation_id uuid, user_id uuid, action text, entity text,
        entity_id text, before jsonb, after jsonb, client text, prev_hash text
      ) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT jsonb_build_array(
          id::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), organisation_id, user_id,
          action, entity, entity_id, before, after, client, prev_hash
        )::text
      $$`);
    await q.query(`
      CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('audit_log:' || coalesce(NEW.organisation_id::text, '-')));
        NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
        SELECT l.hash INTO NEW.prev_hash FROM audit_log l
          WHERE l.organisation_id IS NOT DISTINCT FROM NEW.organisation_id ORDER BY l.id DESC LIMIT 1;
        NEW.hash := encode(sha256(convert_to(audit_log_canonical(NEW.id, NEW.at, NEW.organisation_id,
          NEW.user_id, NEW.action, NEW.entity, NEW.entity_id, NEW.before, NEW.after, NEW.client,
          NEW.prev_hash), 'UTF8')), 'hex');
        RETURN NEW;
      END
      $$`);
    // The rows so far, in id order per organisation.
    await q.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await q.query(`
      DO $$
      DECLARE
        r record;
        last_hash text;
        last_org text := NULL;
        first boolean := true;
      BEGIN
        FOR r IN SELECT * FROM audit_log ORDER BY organisation_id NULLS FIRST, id LOOP
          IF first OR r.organisation_id::text IS DISTINCT FROM last_org THEN
            last_hash := NULL;
          END IF;
          first := false;
          last_org := r.organisation_id::text;
          UPDATE audit_log SET prev_hash = last_hash,
            hash = encode(sha256(convert_to(audit_log_canonical(r.id, r.at, r.organisation_id, r.user_id,
              r.action, r.entity, r.entity_id, r.before, r.after, r.client, last_hash), 'UTF8')), 'hex')
            WHERE id = r.id RETURNING hash INTO last_hash;
        END LOOP;
      END
      $$`);
    await q.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    await q.query(`ALTER TABLE audit_log ALTER COLUMN hash SET NOT NULL`);
    await q.query(`CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_log_chain ON audit_log`);
    await q.query(`DROP FUNCTION audit_log_chain()`);
    await q.query(`DROP FUNCTION audit_log_canonical(bigint, timestamptz, uuid, uuid, text, text, text, jsonb, jsonb, text, text)`);
    await q.query(`DROP INDEX audit_log_chain_idx`);
    await q.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN hash, DROP COLUMN prev_hash`);
    await q.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
  }
}
