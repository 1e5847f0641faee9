import { ACTOR_KINDS, LEGAL_ROLES, LIMIT_UNITS } from '@tillit/domain';
import { ORDINANCE_FIELDS, ORDINANCE_PROBLEM_CODES, ordinanceMappingSchema } from '@tillit/domain/ordinance';
import { json } from '../plans/lists/list-schemas';

/** OpenAPI schemas of the ordinance routes: the multipart bodies and the preview, from the domain's types. */
const str = { type: 'string' };
const int = { type: 'integer' };
const strings = { type: 'array', items: str };
const field = { type: 'string', enum: [...ORDINANCE_FIELDS] };

const file = {
  type: 'string',
  format: 'binary',
  description: 'The ordinance as CSV (UTF-8 or Windows-1252; ";", "," or tab) or XLSX, at most 20 MB',
};
const mapping = {
  type: 'string',
  description:
    'JSON (schema in contentSchema): the choices made in the preview: encoding, separator, sheet, header row, columns, glossary, actors, fixed rows',
  contentMediaType: 'application/json',
  contentSchema: json(ordinanceMappingSchema),
};

export const PREVIEW_BODY: Record<string, unknown> = { type: 'object', required: ['file'], properties: { file, mapping } };
export const IMPORT_BODY: Record<string, unknown> = {
  type: 'object',
  required: ['version'],
  description: 'The file, or `previewId` (a stored preview of this plan) instead of it',
  properties: {
    file,
    previewId: { type: 'string', format: 'uuid', description: 'A preview’s id (from the preview, until its expiresAt) instead of the file' },
    mapping,
    version: { type: 'string', pattern: '^[0-9]+$', description: 'The plan version last read' },
  },
};

const problem = {
  type: 'object',
  required: ['code', 'severity', 'params', 'reason'],
  properties: {
    code: { type: 'string', enum: [...ORDINANCE_PROBLEM_CODES] },
    severity: { type: 'string', enum: ['error', 'warning'] },
    line: { ...int, description: 'The CSV line or the XLSX row' },
    sheet: str,
    column: { ...str, description: 'The column’s header, or its letter (XLSX) or number (CSV) when it has none' },
    field,
    params: { type: 'object', additionalProperties: true },
    reason: { ...str, description: 'In English for developers; clients show their own text for `code`' },
  },
};

const item = {
  type: 'object',
  required: ['line', 'code', 'matter', 'sections', 'kind', 'nonDelegable', 'reporting', 'onwardDelegation', 'inherited'],
  properties: {
    line: int,
    code: str,
    matter: str,
    sections: strings,
    delegate: str,
    substitute: str,
    legalBasis: str,
    remark: str,
    limit: {
      type: 'object',
      required: ['text'],
      properties: {
        text: str,
        value: {
          type: 'object',
          properties: {
            amount: { type: 'number' },
            unit: { type: 'string', enum: [...LIMIT_UNITS] },
            year: int,
            priceBaseAmountSek: { type: 'number' },
          },
        },
      },
    },
    kind: { type: 'string', enum: ['formal', 'execution'] },
    nonDelegable: { type: 'boolean' },
    restrictedTo: { type: 'array', items: { type: 'string', enum: ['working_committee', 'member', 'employee'] } },
    reporting: { type: 'string', enum: ['yes', 'no', 'unspecified'] },
    onwardDelegation: { type: 'boolean' },
    inherited: { type: 'array', items: field },
    part: {
      type: 'object',
      description: 'One of the matters a row was split into (mapping.rows[].split), one per title of its delegate cell',
      required: ['index', 'of'],
      properties: { index: int, of: int },
    },
  },
};

const actor = {
  type: 'object',
  required: ['key', 'written', 'name', 'kind', 'match', 'confirmed', 'rows', 'relative'],
  properties: {
    key: str,
    written: strings,
    name: str,
    kind: { type: 'string', enum: [...ACTOR_KINDS] },
    legalRole: { type: 'string', enum: [...LEGAL_ROLES] },
    match: { type: 'string', enum: ['exact', 'abbreviation', 'fuzzy', 'new'] },
    actorId: str,
    confirmed: { type: 'boolean' },
    rows: int,
    relative: { type: 'boolean' },
  },
};

export const PREVIEW_RESPONSE_SCHEMA: Record<string, unknown> = {
  type: 'object',
  required: ['planVersion', 'target', 'preview', 'previewId', 'expiresAt'],
  properties: {
    planVersion: int,
    previewId: { type: 'string', format: 'uuid', description: 'The stored preview: the import takes it instead of the file' },
    expiresAt: { type: 'string', format: 'date-time', description: 'Until when the stored preview is kept' },
    target: {
      type: 'string',
      enum: ['baseline', 'stage'],
      description: 'baseline: the plan is empty; stage: the file becomes a new stage of changes',
    },
    preview: {
      type: 'object',
      required: ['format', 'headerRow', 'columns', 'governingBody', 'glossary', 'sections', 'items', 'actors', 'problems', 'counts'],
      properties: {
        format: { type: 'string', enum: ['csv', 'xlsx'] },
        encoding: { type: 'string', enum: ['utf-8', 'windows-1252'] },
        separator: str,
        sheets: strings,
        sheet: str,
        headerRow: int,
        columns: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              index: int,
              header: str,
              field: { type: ['string', 'null'], enum: [...ORDINANCE_FIELDS, 'ignore', null] },
              manual: { type: 'boolean' },
            },
          },
        },
        governingBody: str,
        glossary: {
          type: 'array',
          items: { type: 'object', properties: { abbreviation: str, title: str, source: { type: 'string', enum: ['file', 'mapping', 'builtin'] } } },
        },
        sections: { type: 'array', items: { type: 'object', properties: { title: str, level: int, line: int } } },
        items: { type: 'array', items: item },
        actors: { type: 'array', items: actor },
        problems: { type: 'array', items: problem },
        counts: {
          type: 'object',
          properties: { rows: int, items: int, sections: int, skippedHeaders: int, errors: int, warnings: int },
        },
      },
    },
  },
};

export const IMPORT_RESULT_SCHEMA: Record<string, unknown> = {
  type: 'object',
  required: ['version', 'target', 'actors', 'decisionAreas', 'stageId', 'changes', 'unchanged'],
  properties: {
    version: { ...int, description: 'The plan’s new version' },
    target: { type: 'string', enum: ['baseline', 'stage'] },
    actors: { ...int, description: 'Actors added' },
    decisionAreas: { ...int, description: 'Decision areas added' },
    stageId: { type: ['string', 'null'], description: 'The new stage (an updated ordinance), else null' },
    changes: { ...int, description: 'Changes in the new stage' },
    unchanged: {
      type: 'array',
      description: 'Matters whose title, lagrum, section or kind differ from the plan’s: the plan format has no change for that',
      items: { type: 'object', properties: { decisionAreaId: str, code: str, fields: strings } },
    },
  },
};
