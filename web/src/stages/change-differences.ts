import { FieldSpec, valuesOf } from '../forms/form-model';

/** One field of a change that differs between two versions, as the change's form names and shows it. */
export interface FieldDifference {
  label: string;
  before: string;
  after: string;
}

/** A field's value as its form shows it: option texts rather than ids, `empty` for nothing chosen. */
function shown(field: FieldSpec, value: unknown): string {
  const label = (v: string) => field.options?.find(([option]) => option === v)?.[1] ?? v;
  if (Array.isArray(value)) return value.length ? value.map(label).join(', ') : '–';
  if (typeof value === 'boolean') return value ? '✓' : '–';
  if (typeof value !== 'string' || value === '') return field.empty ?? '–';
  return field.kind === 'select' ? label(value) : value;
}

/**
 * The fields of a change's form that differ between two versions of it, so that two versions whose
 * one-line descriptions read the same (a new rationale, other reporting hours) can still be told apart.
 */
export function changeDifferences(fields: readonly FieldSpec[], before: object, after: object): FieldDifference[] {
  const old = valuesOf(fields, before);
  const now = valuesOf(fields, after);
  return fields.flatMap((f) => {
    const [from, to] = [shown(f, old[f.name]), shown(f, now[f.name])];
    return from === to ? [] : [{ label: f.label, before: from, after: to }];
  });
}
