import { z } from 'zod';

/** Why a value was refused, stable for clients (the API's field error codes include these). */
export type PlanErrorCode =
  | 'required'
  | 'invalid_type'
  | 'too_short'
  | 'too_long'
  | 'too_small'
  | 'too_big'
  | 'not_integer'
  | 'invalid_value'
  | 'invalid_format'
  | 'unknown_field'
  | 'duplicate'
  | 'unknown_reference'
  | 'date_before'
  | 'invalid_json'
  | 'invalid';

const CUSTOM_CODES: ReadonlySet<PlanErrorCode> = new Set<PlanErrorCode>(['date_before']);

export interface IssueError {
  /** Path segments of the offending value. */
  path: Array<string | number>;
  code: PlanErrorCode;
  params?: Record<string, unknown>;
  /** In English, for logs, the CLI and API clients. */
  message: string;
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = input;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

const segments = (path: ReadonlyArray<PropertyKey>): Array<string | number> => path.map((s) => (typeof s === 'number' ? s : String(s)));

/**
 * A zod issue as coded errors (one per unknown key), given the input it was raised on: a missing value is
 * `required`, not zod's "expected string, received undefined".
 */
export function issueErrors(issue: z.core.$ZodIssue, input: unknown): IssueError[] {
  const path = segments(issue.path);
  const one = (code: PlanErrorCode, message: string, params?: Record<string, unknown>): IssueError[] => [
    { path, code, message, ...(params && { params }) },
  ];
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return one('required', 'is required');
      if (issue.expected === 'int') return one('not_integer', 'must be a whole number');
      return one('invalid_type', `must be of type ${issue.expected}`, { expected: issue.expected });
    case 'too_small':
      if (issue.origin === 'string')
        return one('too_short', `must be at least ${String(issue.minimum)} characters`, { minimum: Number(issue.minimum) });
      return one('too_small', `must be at least ${String(issue.minimum)}`, { minimum: Number(issue.minimum), origin: issue.origin });
    case 'too_big':
      if (issue.origin === 'string')
        return one('too_long', `must be at most ${String(issue.maximum)} characters`, { maximum: Number(issue.maximum) });
      return one('too_big', `must be at most ${String(issue.maximum)}`, { maximum: Number(issue.maximum), origin: issue.origin });
    case 'invalid_format':
      return one('invalid_format', `must be a valid ${issue.format}`, { format: issue.format });
    case 'invalid_value':
      return one('invalid_value', `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`, { values: issue.values });
    case 'invalid_union':
      return one('invalid_value', 'is not one of the allowed kinds');
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], code: 'unknown_field' as const, message: 'is not a known field' }));
    case 'not_multiple_of':
    case 'invalid_key':
    case 'invalid_element':
      return one('invalid', issue.message);
    case 'custom': {
      // A refinement may name its code (e.g. `date_before` with `other`), as the plan's own checks do.
      const { code, ...params } = issue.params ?? {};
      return CUSTOM_CODES.has(code as PlanErrorCode) ? one(code as PlanErrorCode, issue.message, params) : one('invalid', issue.message);
    }
  }
}
