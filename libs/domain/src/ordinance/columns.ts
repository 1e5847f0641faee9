import { OrdinanceField } from './ordinance.schema';
import { SourceRow } from './source';

/** A header as compared: lower case, without spaces, dots, dashes, colons or footnote marks. */
export function normaliseHeader(text: string): string {
  return text
    .toLocaleLowerCase('sv-SE')
    .replace(/[\s.\-:/*()¹²³]+/g, '')
    .trim();
}

/** Swedish column names and their synonyms, as municipalities publish them (already normalised). */
const SYNONYMS: Record<OrdinanceField, string[]> = {
  code: ['nr', 'nummer', 'punkt', 'löpnr', 'löpnummer', 'id', 'ref', 'referens', 'kod', 'nrpunkt'],
  matter: ['ärende', 'ärenden', 'delegationensart', 'beslut', 'beslutsärende', 'ärendetyp', 'ärendegrupp', 'beslutsområde', 'beslutstyp'],
  delegate: ['delegat', 'delegater', 'beslutsfattare', 'beslutanderätt', 'delegerattill', 'beslutsrätt'],
  substitute: ['ersättare', 'ersättareförbeslutsfattare', 'ersättaredelegat'],
  onwardDelegation: ['vidaredelegering', 'fårvidaredelegeras', 'vidaredelegeringmedges', 'rättattvidaredelegera', 'vidaredelegeringtill'],
  legalBasis: ['lagrum', 'lag', 'lagstöd', 'författning', 'lagparagraf', 'lagrumförordning'],
  remark: ['anmärkning', 'anmärkningar', 'kommentar', 'kommentarer', 'villkor', 'övrigt', 'notering', 'anteckning'],
  reporting: ['anmäls', 'anmälan', 'anmälstill', 'anmälningsskyldighet', 'återrapportering', 'anmälstillnämnd'],
  limit: ['begränsning', 'beloppsgräns', 'belopp', 'beloppsbegränsning', 'gräns', 'begränsningar'],
};

const BY_NAME = new Map<string, OrdinanceField>(
  Object.entries(SYNONYMS).flatMap(([field, names]) => names.map((n) => [n, field as OrdinanceField] as const)),
);

/** Columns that are not part of the ordinance: the change mark of an exported one, a row's status. */
const IGNORED = new Set(['ändrad', 'ändring', 'ändringar', 'status']);

/** Whether a header names a column that is passed over (not kept as a remark). */
export function isIgnoredHeader(header: string): boolean {
  return IGNORED.has(normaliseHeader(header));
}

/** The field a header names, or null for a column the format does not know. */
export function fieldOfHeader(header: string): OrdinanceField | null {
  return BY_NAME.get(normaliseHeader(header)) ?? null;
}

/** Header cells that name a field: a row with two or more, one of them the matter or the delegate, is a header. */
function headerScore(row: SourceRow): number {
  const fields = new Set<OrdinanceField>();
  for (const cell of row.cells) {
    const field = cell.trim() ? fieldOfHeader(cell) : null;
    if (field) fields.add(field);
  }
  return fields.size >= 2 && (fields.has('matter') || fields.has('delegate')) ? fields.size : 0;
}

/** The index of the first header row: title rows above the table are passed over. */
export function findHeader(rows: readonly SourceRow[], line?: number): number {
  if (line !== undefined) return rows.findIndex((r) => r.line === line);
  for (let i = 0; i < rows.length; i++) if (headerScore(rows[i]) > 0) return i;
  return -1;
}

/** The same header repeated under a section (the source printed it once a page or section). */
export function isRepeatedHeader(row: SourceRow, header: SourceRow): boolean {
  let same = 0;
  for (let i = 0; i < header.cells.length; i++) {
    const h = header.cells[i]?.trim();
    if (h && normaliseHeader(row.cells[i] ?? '') === normaliseHeader(h)) same++;
  }
  return same >= 2 && same >= Math.min(header.cells.filter((c) => c.trim()).length, 3);
}

/** A column's name for a person: its header, or its letter in XLSX (number in CSV) when it has none. */
export function columnLabel(index: number, header: string, format: 'csv' | 'xlsx'): string {
  if (header.trim()) return header.trim();
  if (format === 'csv') return String(index + 1);
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
