import { ANALYSIS_PAGE_LIMIT, FieldError, Page } from '@tillit/contract';
import { RuleId, RULES, Severity, SEVERITY_ORDER } from '@tillit/domain';

/** A position in a list's order: numbers and strings compared in turn (strings by code point). */
export type SortKey = Array<number | string>;

export const SEVERITIES = Object.keys(SEVERITY_ORDER) as Severity[];
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    // Strings in code-point order, as the engine sorts findings (compareFindings).
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/**
 * Cursors are the sort key of the last item sent (keyset paging): the next page starts after it even when
 * the plan changed in between, so no item is sent twice. `list` keeps a cursor of one list out of another.
 */
export function encodeCursor(list: 'findings' | 'gaps', key: SortKey): string {
  return Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url');
}

export function decodeCursor(list: 'findings' | 'gaps', cursor: string, shape: Array<'number' | 'string'>): SortKey | null {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(decoded) || decoded[0] !== list || decoded.length !== shape.length + 1) return null;
  const key = decoded.slice(1) as unknown[];
  return key.every((v, i) => typeof v === shape[i] && (typeof v !== 'number' || Number.isInteger(v))) ? (key as SortKey) : null;
}

/**
 * The items after `after` in sort-key order (the list is in that order already), up to `limit` of them
 * and stopping before the page's JSON would pass ANALYSIS_PAGE_LIMIT.bytes (one item always fits).
 */
export function pageOf<T>(items: T[], keyOf: (item: T) => SortKey, list: 'findings' | 'gaps', after: SortKey | null, limit: number): Page<T> {
  let start = 0;
  if (after) {
    // Binary search for the first item past the cursor.
    let high = items.length;
    while (start < high) {
      const mid = (start + high) >>> 1;
      if (compareKeys(keyOf(items[mid]), after) <= 0) start = mid + 1;
      else high = mid;
    }
  }
  const page: T[] = [];
  let bytes = 0;
  for (let i = start; i < items.length && page.length < limit; i++) {
    bytes += Buffer.byteLength(JSON.stringify(items[i])) + 1;
    if (page.length > 0 && bytes > ANALYSIS_PAGE_LIMIT.bytes) break;
    page.push(items[i]);
  }
  const more = start + page.length < items.length;
  return { items: page, matched: items.length, nextCursor: more && page.length > 0 ? encodeCursor(list, keyOf(page[page.length - 1])) : null };
}

/** What a query's `limit` and `cursor` mean, or the field errors that say why not. */
export function pagingOf(
  query: { limit?: number; cursor?: string },
  list: 'findings' | 'gaps',
  shape: Array<'number' | 'string'>,
): { limit: number; after: SortKey | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const { maximum } = ANALYSIS_PAGE_LIMIT;
  const limit = query.limit ?? ANALYSIS_PAGE_LIMIT.default;
  if (limit < 1 || limit > maximum)
    errors.push({ field: 'limit', code: 'out_of_range', params: { minimum: 1, maximum }, reason: `must be between 1 and ${maximum}` });
  const after = query.cursor === undefined ? null : decodeCursor(list, query.cursor, shape);
  if (query.cursor !== undefined && !after) errors.push({ field: 'cursor', code: 'invalid', reason: `must be a nextCursor this list answered` });
  return { limit, after, errors };
}
