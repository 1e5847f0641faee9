import { ErrorCode } from '@tillit/contract';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/http';

/** The largest plan file the API reads (its whole-plan body limit). */
export const MAX_PLAN_FILE_BYTES = 20 * 1024 * 1024;

/** Why a chosen file is not a plan document before anything is sent: too large, or not JSON. */
export type PlanFileProblem = 'too_large' | 'not_json' | 'not_object';

export type PlanFileRead = { ok: true; document: unknown } | { ok: false; problem: PlanFileProblem };

/** Reads a chosen file as a plan document: its size checked first, then its text parsed as JSON. */
export async function readPlanFile(file: Pick<File, 'size' | 'text'>): Promise<PlanFileRead> {
  if (file.size > MAX_PLAN_FILE_BYTES) return { ok: false, problem: 'too_large' };
  let document: unknown;
  try {
    // A byte-order mark is not part of the JSON.
    document = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: 'not_json' };
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return { ok: false, problem: 'not_object' };
  return { ok: true, document };
}

/** The errors of a refused upload as sentences a user reads: the API's field errors in words, at most `max`. */
export function uploadErrorLines(t: TFunction, err: unknown, max = 10): string[] {
  if (!(err instanceof ApiError)) return [t('planJson.failed', { message: (err as Error).message })];
  if (err.code === ErrorCode.ValidationFailed && err.fieldErrors.length) {
    const lines = err.fieldErrors.slice(0, max).map((e) => (e.where ? `${e.where}: ${e.reason}` : e.reason));
    if (err.fieldErrors.length > max) lines.push(t('planJson.moreErrors', { count: err.fieldErrors.length - max }));
    return lines;
  }
  return [err.message];
}
