import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ErrorCode, ErrorResponse } from '@tillit/contract';
import { Response } from 'express';
import { AppError } from './app-error';

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.ValidationFailed:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.Unauthenticated:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.Forbidden:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.TooManyRequests:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.VersionConflict:
    case ErrorCode.PlanFrozen:
      return HttpStatus.CONFLICT;
    case ErrorCode.DatabaseUnavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case ErrorCode.Internal:
      return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}

function codeOfStatus(status: number): ErrorCode {
  if (status === 401) return ErrorCode.Unauthenticated;
  if (status === 403) return ErrorCode.Forbidden;
  if (status === 429) return ErrorCode.TooManyRequests;
  if (status === 404) return ErrorCode.NotFound;
  if (status === 409) return ErrorCode.VersionConflict;
  if (status === 503) return ErrorCode.DatabaseUnavailable;
  if (status >= 400 && status < 500) return ErrorCode.ValidationFailed;
  return ErrorCode.Internal;
}

/** Errors whose cause is a lost database connection, not a bug. */
function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  const message = err instanceof Error ? err.message : '';
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === '57P01' ||
    code === '57P03' ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(message)
  );
}

/**
 * PostgreSQL's own refusals of a value (class 22: data exceptions, such as a NUL character in text or a
 * number out of range; class 23: a constraint) mean the input was bad, not the server: answer 400.
 */
function isBadValue(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}

/** The single place where errors become HTTP answers. */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(AppExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    res.status(this.statusFor(exception)).json(this.bodyFor(exception));
  }

  private statusFor(exception: unknown): number {
    if (exception instanceof AppError) return statusOf(exception.code);
    if (exception instanceof HttpException) return exception.getStatus();
    if (isConnectionError(exception)) return HttpStatus.SERVICE_UNAVAILABLE;
    if (isBadValue(exception)) return HttpStatus.BAD_REQUEST;
    return HttpStatus.INTERNAL_SERVER_ERROR;
  }

  private bodyFor(exception: unknown): ErrorResponse {
    if (exception instanceof AppError) {
      return { statusCode: statusOf(exception.code), code: exception.code, message: exception.message, ...exception.details };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
      // The only 400 Nest raises itself is an unparsable body (our own validation throws AppError).
      const errors = status === 400 ? [{ field: 'body', reason: message }] : undefined;
      return { statusCode: status, code: codeOfStatus(status), message, ...(errors && { errors }) };
    }
    if (isConnectionError(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: ErrorCode.DatabaseUnavailable,
        message: 'The database is not reachable right now; try again shortly',
      };
    }
    if (isBadValue(exception)) {
      const detail = exception instanceof Error ? exception.message : 'a value the database cannot store';
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        code: ErrorCode.ValidationFailed,
        message: `Invalid input: ${detail}`,
        errors: [{ field: 'body', reason: `contains a value that cannot be stored (${detail})` }],
      };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { statusCode: 500, code: ErrorCode.Internal, message: 'Internal server error' };
  }
}
