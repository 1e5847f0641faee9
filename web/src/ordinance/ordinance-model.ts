import { MAX_ORDINANCE_BYTES } from '@tillit/contract';
import type {
  OrdinanceField,
  OrdinanceMapping,
  OrdinancePreview,
  OrdinanceProblem,
  PreviewActor,
  PreviewItem,
  PreviewLimit,
  PreviewSection,
} from '@tillit/domain/ordinance-schema';
import type { TFunction } from 'i18next';

/** Why a chosen file is not sent at all. */
export type FileProblem = 'too_large' | 'empty';

export function fileProblem(file: Pick<File, 'size'>): FileProblem | null {
  if (file.size === 0) return 'empty';
  if (file.size > MAX_ORDINANCE_BYTES) return 'too_large';
  return null;
}

/** Bytes for a person: "1,4 MB", "820 kB". */
export function bytesText(bytes: number, language: string): string {
  const mb = bytes / (1024 * 1024);
  const format = (n: number) => n.toLocaleString(language, { maximumFractionDigits: 1 });
  return mb >= 1 ? `${format(mb)} MB` : `${format(Math.max(bytes / 1024, 0.1))} kB`;
}

const list = (t: TFunction, values: readonly string[]) =>
  values.length > 1 ? `${values.slice(0, -1).join(', ')} ${t('ordinance.problem.or')} ${values.at(-1)}` : (values[0] ?? '');

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

/** A row problem in the user's words, from its code and params (never the API's English `reason`). */
export function problemText(t: TFunction, p: Pick<OrdinanceProblem, 'code' | 'params' | 'field'>): string {
  const params = p.params;
  switch (p.code) {
    case 'two_delegates':
      return t(p.field === 'substitute' ? 'ordinance.problem.two_substitutes' : 'ordinance.problem.two_delegates', {
        options: list(t, strings(params.options)),
      });
    case 'missing_delegate':
    case 'missing_matter':
      return t(`ordinance.problem.${p.code}`);
    case 'missing_code':
      return t('ordinance.problem.missing_code', { code: str(params.code) });
    case 'duplicate_code':
      return t('ordinance.problem.duplicate_code', { code: str(params.code), firstLine: str(params.firstLine) });
    case 'non_delegable_delegated':
      return t('ordinance.problem.non_delegable_delegated', { delegate: str(params.delegate) });
    case 'restricted_delegate':
      return t('ordinance.problem.restricted_delegate', {
        delegate: str(params.delegate),
        allowed: list(
          t,
          strings(params.allowed).map((a) => t(`ordinance.category.${a}`, { defaultValue: a })),
        ),
      });
    case 'headerless_value':
      return t('ordinance.problem.headerless_value', { value: str(params.value) });
    case 'relative_delegate':
      return t('ordinance.problem.relative_delegate', { delegate: str(params.delegate) });
    case 'limit_not_parsed':
      return t('ordinance.problem.limit_not_parsed', { text: str(params.text) });
    case 'too_long':
      return t('ordinance.problem.too_long', { maximum: str(params.maximum) });
  }
}

/** Where a problem is: "Rad 12, kolumn Delegat" (and the sheet of an XLSX file). */
export function whereText(t: TFunction, p: Pick<OrdinanceProblem, 'line' | 'column' | 'sheet'>): string {
  const parts: string[] = [];
  if (p.sheet) parts.push(t('ordinance.where.sheet', { sheet: p.sheet }));
  if (p.line !== undefined) parts.push(t(parts.length ? 'ordinance.where.lineLower' : 'ordinance.where.line', { line: p.line }));
  if (p.column) parts.push(t(parts.length ? 'ordinance.where.columnLower' : 'ordinance.where.column', { column: p.column }));
  return parts.length ? parts.join(', ') : t('ordinance.where.file');
}

export function limitValueText(t: TFunction, limit: PreviewLimit, language: string): string | null {
  const v = limit.value;
  if (!v) return null;
  const amount = v.amount.toLocaleString(language);
  const unit = t(`limitUnits.${v.unit}`);
  if (v.unit === 'prisbasbelopp' && v.year && v.priceBaseAmountSek !== undefined) {
    const sek = Math.round(v.amount * v.priceBaseAmountSek).toLocaleString(language);
    return t('ordinance.preview.limitInPriceBase', { amount, unit, year: v.year, sek });
  }
  return v.year ? `${amount} ${unit} (${v.year})` : `${amount} ${unit}`;
}

/** The preview in the order of the file: each section's heading, then its matters. */
export type PreviewBlock = { kind: 'heading'; section: PreviewSection } | { kind: 'items'; key: string; items: PreviewItem[] };

export function previewBlocks(preview: Pick<OrdinancePreview, 'sections' | 'items'>, shown?: (item: PreviewItem) => boolean): PreviewBlock[] {
  const blocks: PreviewBlock[] = [];
  const sections = [...preview.sections].sort((a, b) => a.line - b.line);
  let s = 0;
  let current: PreviewItem[] | null = null;
  for (const item of preview.items) {
    while (s < sections.length && sections[s].line < item.line) {
      blocks.push({ kind: 'heading', section: sections[s++] });
      current = null;
    }
    if (shown && !shown(item)) continue;
    if (!current) {
      current = [];
      blocks.push({ kind: 'items', key: `items-${item.line}`, items: current });
    }
    current.push(item);
  }
  while (s < sections.length) blocks.push({ kind: 'heading', section: sections[s++] });
  // With a filter, headings with nothing under them (down to the next heading of their level) are left out.
  if (!shown) return blocks;
  return blocks.filter((b, i) => {
    if (b.kind === 'items') return true;
    for (let j = i + 1; j < blocks.length; j++) {
      const next = blocks[j];
      if (next.kind === 'items') return true;
      if (next.section.level <= b.section.level) return false;
    }
    return false;
  });
}

/** The blocks up to `max` rows in all (headings after the last shown row left out), and how many rows are not shown. */
export function limitBlocks(blocks: readonly PreviewBlock[], max: number): { shown: PreviewBlock[]; hidden: number } {
  const shown: PreviewBlock[] = [];
  let budget = max;
  let hidden = 0;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      if (budget > 0) shown.push(block);
      continue;
    }
    const items = block.items.slice(0, Math.max(0, budget));
    hidden += block.items.length - items.length;
    budget -= items.length;
    if (items.length) shown.push(items.length === block.items.length ? block : { ...block, items });
  }
  return { shown, hidden };
}

export function problemsByLine(problems: readonly OrdinanceProblem[]): Map<number, OrdinanceProblem[]> {
  const byLine = new Map<number, OrdinanceProblem[]>();
  for (const p of problems) {
    if (p.line === undefined) continue;
    const at = byLine.get(p.line);
    if (at) at.push(p);
    else byLine.set(p.line, [p]);
  }
  return byLine;
}

/** What a user may change in a row of the preview. */
export const FIXABLE_FIELDS = ['code', 'matter', 'delegate', 'substitute', 'legalBasis', 'limit'] as const satisfies readonly OrdinanceField[];
export type FixableField = (typeof FIXABLE_FIELDS)[number];

/** The values a row's fix form starts with: what the preview read (or the user already wrote). */
export function rowValues(item: PreviewItem, mapping: OrdinanceMapping): Record<FixableField, string> {
  const own = mapping.rows?.find((r) => r.line === item.line)?.values ?? {};
  return {
    code: own.code ?? (/^r\d+$/.test(item.code) ? '' : item.code),
    matter: own.matter ?? item.matter,
    delegate: own.delegate ?? item.delegate ?? '',
    substitute: own.substitute ?? item.substitute ?? '',
    legalBasis: own.legalBasis ?? item.legalBasis ?? '',
    limit: own.limit ?? item.limit?.text ?? '',
  };
}

/** The mapping with one row's values fixed: only those that differ from what the row started with. */
export function withRowFix(
  mapping: OrdinanceMapping,
  line: number,
  values: Partial<Record<FixableField, string>>,
  original: Record<FixableField, string>,
): OrdinanceMapping {
  const previous = mapping.rows?.find((r) => r.line === line)?.values ?? {};
  const next: Partial<Record<OrdinanceField, string>> = { ...previous };
  for (const field of FIXABLE_FIELDS) {
    const value = values[field];
    if (value === undefined) continue;
    if (value.trim() === original[field].trim() && previous[field] === undefined) continue;
    next[field] = value.trim();
  }
  const rows = (mapping.rows ?? []).filter((r) => r.line !== line);
  // A delegate picked by hand ends a split of the row.
  const split = next.delegate === undefined && mapping.rows?.find((r) => r.line === line)?.split;
  if (Object.keys(next).length || split) rows.push({ line, values: next, ...(split && { split: true }) });
  rows.sort((a, b) => a.line - b.line);
  const { rows: _old, ...rest } = mapping;
  return rows.length ? { ...rest, rows } : rest;
}

/** "Split the matter": a row whose delegate cell names two or more titles becomes one matter per title. */
export function withSplitRow(mapping: OrdinanceMapping, line: number): OrdinanceMapping {
  const { delegate: _picked, ...values } = mapping.rows?.find((r) => r.line === line)?.values ?? {};
  const rows = [...(mapping.rows ?? []).filter((r) => r.line !== line), { line, values, split: true }].sort((a, b) => a.line - b.line);
  return { ...mapping, rows };
}

export function withoutRowFix(mapping: OrdinanceMapping, line: number): OrdinanceMapping {
  const rows = (mapping.rows ?? []).filter((r) => r.line !== line);
  const { rows: _old, ...rest } = mapping;
  return rows.length ? { ...rest, rows } : rest;
}

export function withColumn(mapping: OrdinanceMapping, column: number, field: OrdinanceField | 'ignore' | null): OrdinanceMapping {
  const columns = (mapping.columns ?? []).filter((c) => c.column !== column);
  if (field !== null) columns.push({ column, field });
  columns.sort((a, b) => a.column - b.column);
  const { columns: _old, ...rest } = mapping;
  return columns.length ? { ...rest, columns } : rest;
}

type ActorChoice = NonNullable<OrdinanceMapping['actors']>[string];

/** The user's say about one delegate: the plan's actor it is, or the name and kind of a new one; null forgets it. */
export function withActor(mapping: OrdinanceMapping, key: string, choice: ActorChoice | null): OrdinanceMapping {
  const { [key]: _old, ...others } = mapping.actors ?? {};
  const kept = choice && (Object.fromEntries(Object.entries(choice).filter(([, v]) => v !== undefined)) as ActorChoice);
  const actors = kept && Object.keys(kept).length ? { ...others, [key]: kept } : others;
  const { actors: _was, ...rest } = mapping;
  return Object.keys(actors).length ? { ...rest, actors } : rest;
}

export function withGlossary(mapping: OrdinanceMapping, abbreviation: string, title: string | null): OrdinanceMapping {
  const { [abbreviation]: _old, ...others } = mapping.glossary ?? {};
  const glossary = title?.trim() ? { ...others, [abbreviation]: title.trim() } : others;
  const { glossary: _was, ...rest } = mapping;
  return Object.keys(glossary).length ? { ...rest, glossary } : rest;
}

/** Settings of how the file is read; a change to one of them is read anew from the file, so rows fixed by line no longer hold. */
export function withReading(
  mapping: OrdinanceMapping,
  change: Partial<Pick<OrdinanceMapping, 'encoding' | 'separator' | 'sheet' | 'headerRow'>>,
): OrdinanceMapping {
  const next: OrdinanceMapping = { ...mapping, ...change };
  for (const key of Object.keys(change) as Array<keyof typeof change>) if (next[key] === undefined) delete next[key];
  if ('sheet' in change && change.sheet !== mapping.sheet) {
    delete next.headerRow;
    delete next.columns;
    delete next.rows;
  }
  return next;
}

export const sameMapping = (a: OrdinanceMapping, b: OrdinanceMapping) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sorted(v)]),
    );
  return value;
}

/** How a delegate was matched, as the actor table says it. */
export function matchOf(actor: PreviewActor): 'exact' | 'abbreviation' | 'fuzzy' | 'confirmed' | 'new' {
  if (actor.match === 'fuzzy') return actor.confirmed ? 'confirmed' : 'fuzzy';
  return actor.match;
}
