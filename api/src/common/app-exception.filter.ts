import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ErrorCode, ErrorResponse } from '@tillit/contract';
import { Response } from 'express';
import { AppError } from './app-error';
import { MAX_BODY } from './body-limits';

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
    case ErrorCode.PayloadTooLarge:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case ErrorCode.UnsupportedMediaType:
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case ErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.Gone:
      return HttpStatus.GONE;
    case ErrorCode.VersionConflict:
    case ErrorCode.PlanFrozen:
    case ErrorCode.OrganisationRequired:
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
  if (status === 413) return ErrorCode.PayloadTooLarge;
  if (status === 415) return ErrorCode.UnsupportedMediaType;
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

/**
 * body-parser's refusals (http-errors with a `type`) as our own errors, in our words: its messages name
 * library internals ("Unexpected token } in JSON at position 5", "unsupported charset "LATIN1"").
 */
function bodyParserError(err: unknown): AppError | null {
  const type = (err as { type?: unknown } | null)?.type;
  if (typeof type !== 'string') return null;
  switch (type) {
    case 'entity.too.large':
      return AppError.payloadTooLarge(sizeOf((err as { limit?: unknown }).limit));
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return AppError.unsupportedMediaType(
        `charset ${String((err as { charset?: unknown }).charset ?? (err as { encoding?: unknown }).encoding ?? '')}`,
      );
    case 'entity.parse.failed':
      return AppError.validation([{ field: 'body', code: 'invalid_json', reason: 'is not valid JSON' }]);
    case 'parameters.too.many':
      return AppError.payloadTooLarge(sizeOf((err as { limit?: unknown }).limit));
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'stream.not.readable':
      return AppError.validation([{ field: 'body', code: 'invalid', reason: 'could not be read whole' }]);
    default:
      return null;
  }
}

/** A body limit in bytes, as people write it ("20 MB", "16 kB"). */
function sizeOf(limit: unknown): string {
  if (typeof limit !== 'number') return MAX_BODY;
  return limit >= 1024 * 1024 ? `${Math.round(limit / (1024 * 1024))} MB` : `${Math.round(limit / 1024)} kB`;
}

/** The single place where errors become HTTP answers. */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(AppExceptionFilter.name);

  catch(caught: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const exception = caught instanceof AppError ? caught : (bodyParserError(caught) ?? caught);
    if (exception instanceof AppError && exception.details.retryAfter !== undefined)
      res.setHeader('Retry-After', String(exception.details.retryAfter));
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
      const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
      // The only 400 Nest raises itself is an unparsable body (our own validation throws AppError); its
      // message is the parser's, so it is not passed on.
      if (status === 400) {
        return {
          statusCode: 400,
          code: ErrorCode.ValidationFailed,
          message: 'Invalid input: the body is not valid JSON',
          errors: [{ field: 'body', code: 'invalid_json', reason: 'is not valid JSON' }],
        };
      }
      return { statusCode: status, code: codeOfStatus(status), message };
    }
    if (isConnectionError(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: ErrorCode.DatabaseUnavailable,
        message: 'The database is not reachable right now; try again shortly',
      };
    }
    if (isBadValue(exception)) {
      // The database's own words name tables and columns: they go to the log, not to the client.
      this.logger.warn(`A value the database refused: ${exception instanceof Error ? exception.message : String(exception)}`);
      if ((exception as { code?: string }).code === '23503') {
        // A foreign key: the checks before each write name what is missing or in use; this is the backstop.
        const inUse = /still referenced/.test(exception instanceof Error ? exception.message : '');
        return {
          statusCode: HttpStatus.BAD_REQUEST,
          code: ErrorCode.ValidationFailed,
          message: inUse ? 'Invalid input: still in use' : 'Invalid input: refers to something the plan does not have',
          errors: [
            {
              field: 'body',
              code: inUse ? 'in_use' : 'unknown_reference',
              params: inUse ? { by: [] } : {},
              reason: inUse ? 'is still in use' : 'refers to something the plan does not have',
            },
          ],
        };
      }
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        code: ErrorCode.ValidationFailed,
        message: 'Invalid input: a value cannot be stored',
        errors: [{ field: 'body', code: 'not_storable', reason: 'contains a value that cannot be stored' }],
      };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { statusCode: 500, code: ErrorCode.Internal, message: 'Internal server error' };
  }
}
