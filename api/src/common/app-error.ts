import { ErrorCode, FieldError, MembershipResponse } from '@tillit/contract';

/** The one error type services throw; AppExceptionFilter turns its code into an HTTP answer. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: {
      errors?: FieldError[];
      currentVersion?: number;
      status?: string;
      retryAfter?: number;
      memberships?: MembershipResponse[];
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  static unauthenticated(message = 'Log in first: send your session token as "Authorization: Bearer <token>"'): AppError {
    return new AppError(ErrorCode.Unauthenticated, message);
  }

  static forbidden(message = 'Your role does not allow this'): AppError {
    return new AppError(ErrorCode.Forbidden, message);
  }

  static tooManyRequests(message: string, retryAfter?: number): AppError {
    return new AppError(ErrorCode.TooManyRequests, message, retryAfter === undefined ? {} : { retryAfter });
  }

  static notFound(what: string): AppError {
    return new AppError(ErrorCode.NotFound, `${what} not found`);
  }

  static validation(errors: FieldError[]): AppError {
    const summary = errors.map((e) => `${e.field}: ${e.reason}`).join('; ');
    return new AppError(ErrorCode.ValidationFailed, `Invalid input: ${summary}`, { errors });
  }

  static organisationRequired(memberships: MembershipResponse[]): AppError {
    return new AppError(
      ErrorCode.OrganisationRequired,
      'The account belongs to several organisations: log in again with one of them as organisationId',
      {
        memberships,
      },
    );
  }

  static payloadTooLarge(limit: string): AppError {
    return new AppError(ErrorCode.PayloadTooLarge, `The request body is larger than ${limit}`);
  }

  static unsupportedMediaType(contentType: string): AppError {
    return new AppError(ErrorCode.UnsupportedMediaType, `Send the body as application/json in UTF-8 (got ${contentType || 'no content type'})`);
  }

  static planFrozen(status: string): AppError {
    return new AppError(ErrorCode.PlanFrozen, `The plan is ${status} and cannot be changed; make a new draft first`, { status });
  }

  static versionConflict(what: string, currentVersion: number): AppError {
    return new AppError(
      ErrorCode.VersionConflict,
      `${what} was changed by someone else (now at version ${currentVersion}); reload and apply your change again`,
      { currentVersion },
    );
  }
}
