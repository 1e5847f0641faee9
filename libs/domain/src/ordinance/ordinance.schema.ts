import { z } from 'zod';
import { ACTOR_KINDS, LEGAL_ROLES, LIMIT_UNITS } from '../model/plan.schema';

export * from './price-base-amount';

/**
 * Reading a delegation ordinance (delegationsordning) from CSV or XLSX into a preview, and the choices a
 * user makes about it (the mapping). The preview's problems carry stable codes; the web words them.
 */

/** The columns an ordinance has, as the plan format needs them. */
export const ORDINANCE_FIELDS = [
  'code',
  'matter',
  'delegate',
  'substitute',
  'onwardDelegation',
  'legalBasis',
  'remark',
  'reporting',
  'limit',
] as const;
export type OrdinanceField = (typeof ORDINANCE_FIELDS)[number];

export const ENCODINGS = ['utf-8', 'windows-1252'] as const;
export type OrdinanceEncoding = (typeof ENCODINGS)[number];

export const SEPARATORS = [';', ',', '\t'] as const;

/** Row-level problems of a preview. Errors stop an import; warnings are for the user to look at. */
export const ORDINANCE_PROBLEM_CODES = [
  'two_delegates',
  'missing_delegate',
  'missing_matter',
  'missing_code',
  'duplicate_code',
  'non_delegable_delegated',
  'restricted_delegate',
  'headerless_value',
  'relative_delegate',
  'limit_not_parsed',
  'too_long',
] as const;
export type OrdinanceProblemCode = (typeof ORDINANCE_PROBLEM_CODES)[number];

const ERRORS: ReadonlySet<OrdinanceProblemCode> = new Set([
  'two_delegates',
  'missing_delegate',
  'missing_matter',
  'duplicate_code',
  'non_delegable_delegated',
  'restricted_delegate',
  'too_long',
]);

export function problemSeverity(code: OrdinanceProblemCode): 'error' | 'warning' {
  return ERRORS.has(code) ? 'error' : 'warning';
}

const cellText = z.string().max(2000);
const actorKey = z.string().min(1).max(500).describe('A delegate as written in the file (after glossary and footnote marks)');

/** What the user decides in the wizard; every part is optional. */
export const ordinanceMappingSchema = z
  .object({
    encoding: z.enum(ENCODINGS).optional().describe('A CSV file’s encoding; absent: detected'),
    separator: z.enum(SEPARATORS).optional().describe('A CSV file’s separator; absent: detected'),
    sheet: z.string().min(1).max(200).optional().describe('The XLSX sheet to read; absent: the first with an ordinance header'),
    headerRow: z.int().min(1).max(1_000_000).optional().describe('The header’s line (CSV) or row (XLSX); absent: found by its words'),
    columns: z
      .array(
        z
          .object({
            column: z.int().min(0).max(200).describe('0-based column index'),
            field: z.enum([...ORDINANCE_FIELDS, 'ignore']),
          })
          .strict(),
      )
      .max(200)
      .optional()
      .describe('Columns mapped by hand, over what their headers say'),
    glossary: z
      .record(z.string().min(1).max(100), z.string().min(1).max(200))
      .optional()
      .describe('Abbreviations and their full titles, over the file’s own glossary'),
    governingBody: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('The nämnd or styrelse whose ordinance it is; absent: read from the title rows, else “Nämnden”'),
    actors: z
      .record(
        actorKey,
        z.union([
          z.object({ actorId: z.string().min(1).max(100) }).strict(),
          z
            .object({
              name: z.string().min(1).max(200).optional(),
              kind: z.enum(ACTOR_KINDS).optional(),
              legalRole: z.enum(LEGAL_ROLES).nullable().optional(),
            })
            .strict(),
        ]),
      )
      .optional()
      .describe('Per delegate: the plan’s actor it is (a confirmed match), or the name and kind of a new one'),
    rows: z
      .array(
        z
          .object({
            line: z.int().min(1).describe('The line (CSV) or row (XLSX) of the preview'),
            values: z.partialRecord(z.enum(ORDINANCE_FIELDS), cellText).describe('Cell values that replace the file’s'),
            split: z
              .boolean()
              .optional()
              .describe('A delegate cell naming two or more titles becomes one matter per title (numbered a, b, …), not a problem'),
          })
          .strict(),
      )
      .max(100_000)
      .optional()
      .describe('Rows fixed in the preview'),
    priceBaseAmount: z
      .object({ year: z.int().min(1990).max(2200), sek: z.number().min(0).max(1e7) })
      .strict()
      .optional()
      .describe('The prisbasbelopp that limits in prisbasbelopp refer to'),
    stageName: z.string().min(1).max(200).optional().describe('Name of the stage an updated ordinance becomes'),
  })
  .strict();
export type OrdinanceMapping = z.output<typeof ordinanceMappingSchema>;

/** A problem of one row, or of the file (line absent). */
export interface OrdinanceProblem {
  code: OrdinanceProblemCode;
  severity: 'error' | 'warning';
  /** The CSV line or the XLSX row (1-based). */
  line?: number;
  sheet?: string;
  /** The column's header as written, or its letter (XLSX) / number (CSV) when it has none. */
  column?: string;
  field?: OrdinanceField;
  params: Record<string, string | number | string[]>;
  /** In English, for logs and API clients; never shown to a user. */
  reason: string;
}

export type ActorMatch = 'exact' | 'abbreviation' | 'fuzzy' | 'new';

export interface PreviewActor {
  /** The delegate as written (after the glossary and footnote marks are applied). */
  key: string;
  /** As written in the file, before the glossary. */
  written: string[];
  name: string;
  kind: (typeof ACTOR_KINDS)[number];
  legalRole?: (typeof LEGAL_ROLES)[number];
  match: ActorMatch;
  /** The plan's actor it matches (confirmed, exact or by abbreviation), or the fuzzy candidate. */
  actorId?: string;
  confirmed: boolean;
  /** How many rows name it, as delegate or substitute. */
  rows: number;
  relative: boolean;
}

export interface PreviewLimit {
  text: string;
  value?: { amount: number; unit: (typeof LIMIT_UNITS)[number]; year?: number; priceBaseAmountSek?: number };
}

export interface PreviewItem {
  line: number;
  code: string;
  matter: string;
  /** Titles of the sections it is under, outermost first. */
  sections: string[];
  delegate?: string;
  substitute?: string;
  legalBasis?: string;
  remark?: string;
  limit?: PreviewLimit;
  kind: 'formal' | 'execution';
  nonDelegable: boolean;
  /** Only to an utskott or a member (e.g. "kan endast delegeras till utskott"). */
  restrictedTo?: Array<'working_committee' | 'member' | 'employee'>;
  reporting: 'yes' | 'no' | 'unspecified';
  onwardDelegation: boolean;
  /** Fields whose value came from the row above (a merged or blank cell). */
  inherited: OrdinanceField[];
  /** One of the matters a row was split into, one per title of its delegate cell (1-based). */
  part?: { index: number; of: number };
}

export interface PreviewSection {
  title: string;
  level: number;
  line: number;
}

export interface OrdinancePreview {
  format: 'csv' | 'xlsx';
  encoding?: OrdinanceEncoding;
  separator?: string;
  sheets?: string[];
  sheet?: string;
  headerRow: number;
  /** Each column: its header as written, the field it maps to (null: kept as a remark) and whether mapped by hand. */
  columns: Array<{ index: number; header: string; field: OrdinanceField | 'ignore' | null; manual: boolean }>;
  governingBody: string;
  glossary: Array<{ abbreviation: string; title: string; source: 'file' | 'mapping' | 'builtin' }>;
  sections: PreviewSection[];
  items: PreviewItem[];
  actors: PreviewActor[];
  problems: OrdinanceProblem[];
  counts: { rows: number; items: number; sections: number; skippedHeaders: number; errors: number; warnings: number };
}
