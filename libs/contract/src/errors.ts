/** Machine-readable error codes the API answers with; the web maps them to messages. */
export enum ErrorCode {
  ValidationFailed = 'validation_failed',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  TooManyRequests = 'too_many_requests',
  NotFound = 'not_found',
  VersionConflict = 'version_conflict',
  /** The plan is before the board, decided or archived: nothing in it may change. */
  PlanFrozen = 'plan_frozen',
  DatabaseUnavailable = 'database_unavailable',
  Internal = 'internal_error',
}

export interface FieldError {
  /** Path of the offending field, e.g. `title` or `stages[2].name`. */
  field: string;
  /** What is wrong with it, in English. */
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
}
