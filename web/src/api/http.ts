import { ErrorCode, ErrorResponse, FieldError, MembershipResponse } from '@tillit/contract';
import { session } from '../auth/session';
import { i18n } from '../i18n/i18n';
import { errorCodeText, fieldErrorText, whereText } from './error-text';

/** A field error as the web shows it: `reason` in the user's language, `where` what it lies in, by name. */
export type ShownFieldError = FieldError & { where?: string };

/** An API answer other than 2xx, with the server's code and field errors (in the user's language). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: ShownFieldError[] = [],
    readonly currentVersion?: number,
    /** With 409 organisation_required: the organisations to log in to. */
    readonly memberships?: MembershipResponse[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  fieldError(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === field)?.reason;
  }
}

/** Why a request failed, for a sentence: the API's reasons when it named fields, else the message. */
export function reasonOf(err: unknown): string {
  return err instanceof ApiError && err.fieldErrors.length
    ? err.fieldErrors.map((e) => (e.where ? `${e.where}: ${e.reason}` : e.reason)).join(' ')
    : (err as Error).message;
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const token = session.get()?.token;
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`/api${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  // A session that ended (logout elsewhere, expiry) sends the user back to the login page.
  if (res.status === 401 && token) session.set(null);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw apiErrorOf(res.status, body);
  return body as T;
}

/** The API's error answer as an ApiError in the user's words (for calls that do not go through `api`). */
export function apiErrorOf(status: number, body: unknown): ApiError {
  const error = (body ?? {}) as Partial<ErrorResponse>;
  const code = error.code ?? ErrorCode.Internal;
  const t = i18n.t.bind(i18n);
  const shown = (error.errors ?? []).map((e) => {
    const where = whereText(t, e);
    return { ...e, reason: fieldErrorText(t, e), ...(where && { where }) };
  });
  return new ApiError(status, code, errorCodeText(t, code), shown, error.currentVersion, error.memberships);
}
