import type { MembershipResponse } from './auth';

/** Machine-readable error codes the API answers with; the web maps them to messages. */
export enum ErrorCode {
  ValidationFailed = 'validation_failed',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  TooManyRequests = 'too_many_requests',
  NotFound = 'not_found',
  /** It existed once and has expired (a stored ordinance preview). */
  Gone = 'gone',
  VersionConflict = 'version_conflict',
  /** The plan is before the board, decided or archived: nothing in it may change. */
  PlanFrozen = 'plan_frozen',
  /** The account belongs to several organisations: log in again naming one of `memberships`. */
  OrganisationRequired = 'organisation_required',
  PayloadTooLarge = 'payload_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
  DatabaseUnavailable = 'database_unavailable',
  Internal = 'internal_error',
}

/**
 * Why a field was refused, stable for clients: the web translates the code (with its params) into the
 * user's language and never shows `reason`.
 */
export const FIELD_ERROR_CODES = [
  'required',
  'invalid_type',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'not_integer',
  'invalid_value',
  'invalid_format',
  'unknown_field',
  'immutable',
  'duplicate',
  'unknown_reference',
  'in_use',
  'date_before',
  'stage_order',
  'out_of_range',
  'length',
  'already_member',
  'last_admin',
  'ambiguous',
  'invalid_json',
  'too_deep',
  'invalid_unicode',
  'invalid_character',
  'not_storable',
  'invalid',
  'definition_not_agreed',
  'unjustified_blocker',
  'not_a_blocker',
  'not_board_member',
  'no_quorum',
  'not_seated',
  'vote_per_seat',
  'reservation_without_nej',
  'formal_motion_first',
  'no_majority',
  'outcome_unmoved',
  'not_before_board',
  'not_approved',
  'ordinance_errors',
  'empty_file',
  'damaged_file',
  'no_header',
  'account_exists',
  'password_common',
  'password_contains_email',
  'wrong_password',
  'shared_account',
  'own_account',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** Something that refers to an entity, named for a person: its kind and a label made of names, never ids. */
export interface Referrer {
  kind:
    | 'actor'
    | 'decisionArea'
    | 'decisionRight'
    | 'requirement'
    | 'stage'
    | 'change'
    | 'holding'
    | 'developmentAction'
    | 'clarity'
    | 'consequence'
    | 'consultation'
    | 'comment'
    | 'principle';
  label: string;
}

export interface FieldError {
  /** Path of the offending field, e.g. `title` or `stages[2].name`. */
  field: string;
  code: FieldErrorCode;
  /** What the code needs to be put in words, e.g. `{ minimum: 1 }`, `{ other: 'startDate' }`, `{ by: Referrer[] }`. */
  params?: Record<string, unknown>;
  /** What is wrong, in English, for API clients and logs. */
  reason: string;
}

export interface ErrorResponse {
  statusCode: number;
  code: ErrorCode;
  message: string;
  errors?: FieldError[];
  /** Present on a version conflict: the version the server holds now. */
  currentVersion?: number;
  /** Present when the plan is frozen: its status. */
  status?: string;
  /** Present on 429: seconds to wait before trying again (also sent as Retry-After). */
  retryAfter?: number;
  /** Present on 409 organisation_required: the organisations the account may log in to. */
  memberships?: MembershipResponse[];
}
