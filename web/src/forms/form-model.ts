import { FieldError } from '@tillit/contract';
import { z } from 'zod';

/**
 * Forms over the plan format: the fields a form shows, its values as the inputs hold them, the entity
 * those values make, and the errors of that entity on the fields. Pure; the components only render.
 */
export type FieldKind = 'text' | 'textarea' | 'integer' | 'number' | 'date' | 'select' | 'checkbox' | 'multi' | 'lines' | 'levels';

export interface FieldSpec {
  /** The entity's property, dotted for nested ones (`reporting.toId`). */
  name: string;
  label: string;
  kind: FieldKind;
  /** select, multi and levels: [value, text]. */
  options?: ReadonlyArray<readonly [string, string]>;
  /** select: an empty first option with this text; choosing it leaves the property out (or null, see `nullable`). */
  empty?: string;
  /** An empty select or text is `null` in the entity instead of being left out. */
  nullable?: boolean;
  /** select and multi: the values are numbers. */
  numeric?: boolean;
  hint?: string;
  /** Shown, but not editable (e.g. an id once created). */
  readOnly?: boolean;
}

export type FieldValue = string | boolean | string[] | Record<string, string>;
export type FormValues = Record<string, FieldValue>;

function getPath(entity: unknown, name: string): unknown {
  let value: unknown = entity;
  for (const part of name.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

function setPath(target: Record<string, unknown>, name: string, value: unknown): void {
  const parts = name.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!node[part] || typeof node[part] !== 'object') node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

/** The inputs' values for an entity (or for a new one, from `defaults`). */
export function valuesOf(fields: readonly FieldSpec[], entity: unknown): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    const v = getPath(entity, f.name);
    switch (f.kind) {
      case 'checkbox':
        values[f.name] = v === true;
        break;
      case 'multi':
        values[f.name] = Array.isArray(v) ? v.map(String) : [];
        break;
      case 'lines':
        values[f.name] = Array.isArray(v) ? v.join('\n') : '';
        break;
      case 'levels': {
        const levels: Record<string, string> = {};
        if (Array.isArray(v)) for (const r of v as Array<{ competenceId: string; level: number }>) levels[r.competenceId] = String(r.level);
        values[f.name] = levels;
        break;
      }
      case 'text':
      case 'textarea':
      case 'integer':
      case 'number':
      case 'date':
      case 'select':
        values[f.name] = v === undefined || v === null ? '' : String(v);
    }
  }
  return values;
}

/**
 * The entity the values make, merged over `base` (what the form does not show is kept). Numbers that do
 * not parse stay text, so that the schema names the field instead of the form guessing.
 */
export function entityOf(fields: readonly FieldSpec[], values: FormValues, base: object = {}): Record<string, unknown> {
  const entity = structuredClone(base) as Record<string, unknown>;
  for (const f of fields) {
    if (f.readOnly) continue;
    const raw = values[f.name];
    let value: unknown;
    switch (f.kind) {
      case 'checkbox':
        value = raw === true;
        break;
      case 'multi':
        value = (raw as string[]).map((x) => (f.numeric ? Number(x) : x));
        break;
      case 'lines':
        value = String(raw)
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        break;
      case 'levels':
        value = Object.entries(raw as Record<string, string>)
          .filter(([, level]) => level !== '')
          .map(([competenceId, level]) => ({ competenceId, level: Number(level) }));
        break;
      case 'integer':
      case 'number': {
        const text = String(raw).trim().replace(',', '.');
        value = text === '' ? undefined : Number.isFinite(Number(text)) ? Number(text) : text;
        break;
      }
      case 'text':
      case 'textarea':
      case 'date':
      case 'select': {
        const text = String(raw).trim();
        value = text === '' && f.kind !== 'textarea' ? undefined : f.numeric ? Number(text) : text;
      }
    }
    if (value === undefined) {
      if (f.nullable) setPath(entity, f.name, null);
      else deletePath(entity, f.name);
    } else {
      setPath(entity, f.name, value);
    }
  }
  return entity;
}

function deletePath(target: Record<string, unknown>, name: string): void {
  const parts = name.split('.');
  let node: unknown = target;
  for (const part of parts.slice(0, -1)) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  if (node && typeof node === 'object') delete (node as Record<string, unknown>)[parts[parts.length - 1]];
}

/** The field an error path belongs to: the longest field name that is the path or a prefix of it. */
export function fieldOfPath(fields: readonly FieldSpec[], path: string): string | undefined {
  let best: string | undefined;
  for (const f of fields) {
    const hit = path === f.name || path.startsWith(`${f.name}.`) || path.startsWith(`${f.name}[`);
    if (hit && (!best || f.name.length > best.length)) best = f.name;
  }
  return best;
}

export interface IssueText {
  /** i18n key under `form.errors`, and its values. */
  key: string;
  values?: Record<string, unknown>;
}

/** A zod issue as a translatable message. */
export function issueText(issue: z.core.$ZodIssue): IssueText {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { key: 'required' };
      if (issue.origin === 'array') return { key: 'tooFew', values: { min: Number(issue.minimum) } };
      return { key: issue.origin === 'string' ? 'tooShort' : 'tooSmall', values: { min: Number(issue.minimum) } };
    case 'too_big':
      return { key: issue.origin === 'string' ? 'tooLong' : 'tooBig', values: { max: Number(issue.maximum) } };
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return { key: 'required' };
      return { key: issue.expected === 'int' || issue.expected === 'number' ? 'notANumber' : 'invalid' };
    case 'invalid_format':
      return { key: issue.format === 'date' ? 'notADate' : 'invalid' };
    case 'invalid_value':
      return { key: 'choose' };
    case 'not_multiple_of':
    case 'unrecognized_keys':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return { key: 'invalid' };
    case 'custom':
      // A refinement of the plan format that names its code: a date before the one it follows.
      if (issue.params?.code === 'date_before' && typeof issue.params.other === 'string') return { key: `before_${issue.params.other}` };
      return { key: 'invalid' };
  }
}

export type FormErrors = Record<string, IssueText[]>;

/**
 * Checks the entity the values make against the plan format's schema: the errors by field, and `form`
 * for anything no field shows. Undefined errors when it is valid, with the parsed entity.
 */
export function checkEntity<S extends z.ZodType>(
  schema: S,
  fields: readonly FieldSpec[],
  entity: unknown,
): { ok: true; value: z.output<S> } | { ok: false; errors: FormErrors } {
  const result = schema.safeParse(entity, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    const field = fieldOfPath(fields, path) ?? 'form';
    (errors[field] ??= []).push(issueText(issue));
  }
  return { ok: false, errors };
}

/**
 * The API's field errors on the form's fields. API paths may be relative to the body (`name`) or to the
 * plan (`actors[3].reportsTo`, `decisionAreas[0].requirements[1].competenceId`): a field matches when the
 * path, or the part after an array index, starts with its name. The rest are for the whole form.
 */
export function apiErrorsOnFields(fields: readonly FieldSpec[], errors: ReadonlyArray<FieldError & { where?: string }>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const candidates = [e.field, ...[...e.field.matchAll(/\]\.(.+)/g)].map((m) => m[1])];
    const field = candidates.map((c) => fieldOfPath(fields, c)).find(Boolean) ?? 'form';
    // A path is never shown: what the error lies in is named (`where`), or the reason stands alone.
    (out[field] ??= []).push(field === 'form' && e.where ? `${e.where}: ${e.reason}` : e.reason);
  }
  return out;
}

/**
 * The latest saved values with the user's own edits on top: a field the user changed (its value differs
 * from what was loaded) keeps the user's value; every other field takes the latest saved one.
 */
export function withEdits(fields: readonly FieldSpec[], latest: FormValues, loaded: FormValues, mine: FormValues): FormValues {
  const out: FormValues = { ...latest };
  for (const f of fields) {
    if (JSON.stringify(mine[f.name]) !== JSON.stringify(loaded[f.name])) out[f.name] = mine[f.name];
  }
  return out;
}
