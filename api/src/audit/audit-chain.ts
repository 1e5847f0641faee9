import { createHash } from 'node:crypto';

/** Runs one SQL statement as the schema's owner (or any role that may read the audit log). */
export type Query = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

export interface ChainBreak {
  id: string;
  at: string;
  organisationId: string | null;
  reason: 'hash' | 'link';
}

export interface ChainReport {
  rows: number;
  broken: ChainBreak | null;
}

/** Rows read per query: the log is walked in pages so that a long one is not held in memory. */
const PAGE = 2000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Finds an organisation by id or by exact name; `undefined` when there is none (or the name is
 * ambiguous, with the candidates).
 */
export async function findOrganisation(query: Query, idOrName: string): Promise<{ id: string } | { error: string }> {
  const rows = UUID.test(idOrName)
    ? await query(`SELECT id::text AS id FROM organisation WHERE id = $1`, [idOrName])
    : await query(`SELECT id::text AS id FROM organisation WHERE name = $1`, [idOrName]);
  if (rows.length === 1) return { id: rows[0].id as string };
  if (rows.length === 0) return { error: `No organisation has the id or name "${idOrName}".` };
  return { error: `${rows.length} organisations are named "${idOrName}"; give the id: ${rows.map((r) => r.id).join(', ')}.` };
}

/**
 * Walks the audit log's hash chains (one per organisation, and one for rows without organisation) in id
 * order and stops at the first row whose SHA-256 over its canonical bytes differs from its stored hash
 * (the row was changed) or whose `prev_hash` is not the previous row's hash (a row before it was
 * changed, removed or inserted out of order). The canonical bytes come from the database's
 * `audit_log_canonical`, the function the insert trigger hashed; the hash is recomputed here, in Node.
 *
 * `organisationId` undefined: every chain; null: the chain of rows without organisation.
 */
export async function verifyAuditChain(query: Query, organisationId?: string | null): Promise<ChainReport> {
  const chains =
    organisationId === undefined
      ? (await query(`SELECT DISTINCT organisation_id::text AS id FROM audit_log`)).map((r) => (r.id as string | null) ?? null)
      : [organisationId];
  chains.sort((a, b) => (a ?? '').localeCompare(b ?? ''));
  let rows = 0;
  for (const org of chains) {
    const report = await verifyOneChain(query, org);
    rows += report.rows;
    if (report.broken) return { rows, broken: report.broken };
  }
  return { rows, broken: null };
}

/** One organisation's chain, in id order, in pages along the (organisation_id, id) index. */
async function verifyOneChain(query: Query, organisationId: string | null): Promise<ChainReport> {
  const filter = organisationId === null ? 'organisation_id IS NULL' : 'organisation_id = $2::uuid';
  let rows = 0;
  let lastHash: string | null = null;
  let afterId = '-1';
  for (;;) {
    const page = await query(
      `SELECT id::text AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, prev_hash, hash,
              audit_log_canonical(id, at, organisation_id, user_id, action, entity, entity_id, before, after, client, prev_hash) AS canonical
         FROM audit_log
        WHERE ${filter} AND id > $1::bigint
        ORDER BY audit_log.id
        LIMIT ${PAGE}`,
      organisationId === null ? [afterId] : [afterId, organisationId],
    );
    for (const row of page) {
      const at = { id: row.id as string, at: row.at as string, organisationId };
      const recomputed = createHash('sha256')
        .update(row.canonical as string, 'utf8')
        .digest('hex');
      if (recomputed !== row.hash) return { rows, broken: { ...at, reason: 'hash' } };
      if ((row.prev_hash ?? null) !== lastHash) return { rows, broken: { ...at, reason: 'link' } };
      lastHash = row.hash as string;
      rows += 1;
    }
    if (page.length < PAGE) return { rows, broken: null };
    afterId = page[page.length - 1].id as string;
  }
}

/** The report as the command line prints it (English, as the rest of the CLI). */
export function describeChainReport(report: ChainReport): string {
  if (!report.broken) return `${report.rows} rows, chain intact`;
  const b = report.broken;
  const where = b.organisationId ? `organisation ${b.organisationId}` : 'no organisation';
  const why =
    b.reason === 'hash'
      ? 'its contents do not match its hash (the row was changed)'
      : 'it does not link to the previous row (a row before it was changed, removed or inserted)';
  return `Chain broken at audit row ${b.id} (${b.at}, ${where}): ${why}. ${report.rows} rows before it verified.`;
}
