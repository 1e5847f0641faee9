import { json, NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError } from './app-error';

/** The largest body the API reads: a whole plan (2,000 actors and 50,000 changes is ~15 MB). */
export const MAX_BODY = '20mb';
/** Any other write to a plan: one entity, or one list (a stage's changes, the holdings) of a large plan. */
export const PLAN_WRITE_BODY = '5mb';
/** Signing in, managing accounts: a few short fields. */
export const ACCOUNT_BODY = '16kb';

/** Routes whose body is a whole plan. */
const WHOLE_PLAN = /^\/api\/plans\/(import|[^/]+\/content)$/;
/** Routes whose body is a few fields about an account. */
const ACCOUNTS = /^\/api\/(auth|users)(\/|$)/;

/** The body limit a route takes, so that no route reads more than its largest honest body. */
export function bodyLimitOf(path: string): string {
  return WHOLE_PLAN.test(path) ? MAX_BODY : ACCOUNTS.test(path) ? ACCOUNT_BODY : PLAN_WRITE_BODY;
}
/** Deeper JSON than any plan needs (a plan is about 6 levels deep) is refused before it is parsed. */
export const MAX_JSON_DEPTH = 64;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The nesting depth of a JSON text, read from its bytes without parsing it (so that neither the parser
 * nor any validator recurses into a hostile body). Brackets inside strings do not count.
 */
export function jsonDepth(bytes: Uint8Array, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) depth--;
  }
  return deepest;
}

/**
 * The JSON body parser, with a limit per route (bodyLimitOf): a larger body is 413 before it is read
 * whole, and over-deep JSON is 400 before it is parsed.
 */
export function jsonBodies(): RequestHandler {
  const parsers = new Map([MAX_BODY, PLAN_WRITE_BODY, ACCOUNT_BODY].map((limit) => [limit, json({ limit, verify: verifyJsonDepth })] as const));
  return (req, res, next) => (parsers.get(bodyLimitOf(req.path)) as RequestHandler)(req, res, next);
}

/** body-parser's `verify`: refuses over-deep JSON before it is parsed. */
export function verifyJsonDepth(_req: Request, _res: Response, buf: Buffer): void {
  if (jsonDepth(buf, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw AppError.validation([
      { field: 'body', code: 'too_deep', params: { maximum: MAX_JSON_DEPTH }, reason: `is nested deeper than ${MAX_JSON_DEPTH} levels` },
    ]);
  }
}

/** A value met while walking a body, with how it was reached (its path is spelt only when needed). */
interface Step {
  value: unknown;
  parent: Step | null;
  key: string | number;
}

/** The field path of a step: `stages[3].changes[0].payload`. */
function pathOf(step: Step): string {
  const keys: Array<string | number> = [];
  for (let at: Step | null = step; at?.parent; at = at.parent) keys.unshift(at.key);
  return keys.reduce<string>((path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key), '');
}

/**
 * The first string (key or value) in a parsed body that the database cannot store as text: a lone UTF-16
 * surrogate (not Unicode) or a NUL character. Walks iteratively; answers its field path, or null.
 */
export function unstorableText(body: unknown): { field: string; code: 'invalid_unicode' | 'invalid_character' } | null {
  const problemIn = (s: string): 'invalid_unicode' | 'invalid_character' | null =>
    LONE_SURROGATE.test(s) ? 'invalid_unicode' : s.includes('\u0000') ? 'invalid_character' : null;
  const stack: Step[] = [{ value: body, parent: null, key: '' }];
  while (stack.length) {
    const step = stack.pop() as Step;
    const { value } = step;
    if (typeof value === 'string') {
      const code = problemIn(value);
      if (code) return { field: pathOf(step) || 'body', code };
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], parent: step, key: i });
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        const code = problemIn(key);
        if (code) return { field: pathOf(step) || 'body', code };
        stack.push({ value: (value as Record<string, unknown>)[key], parent: step, key });
      }
    }
  }
  return null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes that take a file upload (multipart/form-data) instead of JSON: their own interceptor reads it. */
const UPLOAD_ROUTES = /^\/api\/plans\/[^/]+\/ordinance\/(preview|import)$/;

/** After parsing: a write with a body that is not JSON is 415; text the database cannot store is 400. */
export function checkBody(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  const upload = req.method === 'POST' && UPLOAD_ROUTES.test(req.path) && req.is('multipart/form-data');
  if (WRITE_METHODS.has(req.method) && hasBody && !req.is('application/json') && !upload) {
    return next(AppError.unsupportedMediaType(req.headers['content-type'] ?? ''));
  }
  const problem = unstorableText(req.body);
  if (problem) {
    const reason = problem.code === 'invalid_unicode' ? 'contains text that is not valid Unicode' : 'contains a NUL character';
    return next(AppError.validation([{ field: problem.field, code: problem.code, reason }]));
  }
  next();
}
