import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, FieldErrorCode } from '@tillit/contract';
import { zodPlanErrors } from '@tillit/domain';
import { z } from 'zod';
import { AppError } from './app-error';

// class-validator messages start with the property name ("title must be…", "property x should not exist").
function withoutSubject(reason: string, property: string): string {
  for (const prefix of [`${property} `, `property ${property} `]) {
    if (reason.startsWith(prefix)) return reason.slice(prefix.length);
  }
  return reason;
}

/** A JSON path (`$.actors[1].kind`) as an error's field (`actors[1].kind`); the document itself is `root`. */
export function fieldOfPath(path: string, root = 'body'): string {
  return path.replace(/^\$\.?/, '') || root;
}

/**
 * A class-validator constraint as a field error code. Its limits are in its message only ("must not be
 * less than 0", "must be 1 to 200 characters"), so they are read back from there.
 */
function codeOfConstraint(constraint: string, message: string): { code: FieldErrorCode; params?: Record<string, unknown> } {
  const [first, second] = (message.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  switch (constraint) {
    case 'whitelistValidation':
      return { code: 'unknown_field' };
    case 'isDefined':
      return { code: 'required' };
    case 'isString':
      return { code: 'invalid_type', params: { expected: 'string' } };
    case 'isObject':
      return { code: 'invalid_type', params: { expected: 'object' } };
    case 'isInt':
      return { code: 'not_integer' };
    case 'isEmail':
      return { code: 'invalid_format', params: { format: 'email' } };
    case 'isUuid':
      return { code: 'invalid_format', params: { format: 'uuid' } };
    case 'isIso8601':
      return { code: 'invalid_format', params: { format: 'date' } };
    case 'isIn':
      return { code: 'invalid_value' };
    case 'min':
      return { code: 'too_small', params: { minimum: first } };
    case 'max':
      return { code: 'too_big', params: { maximum: first } };
    case 'minLength':
      return { code: 'too_short', params: { minimum: first } };
    case 'maxLength':
      return { code: 'too_long', params: { maximum: first } };
    case 'isLength':
      return { code: 'length', params: { minimum: first, maximum: second } };
    default:
      return { code: 'invalid' };
  }
}

/** Flattens class-validator's nested errors into `a.b[2].c`-style field paths. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = /^\d+$/.test(e.property) ? `${parent}[${e.property}]` : parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, reason]) => ({
      field,
      ...codeOfConstraint(constraint, reason),
      reason: withoutSubject(reason, e.property),
    }));
    return [...own, ...toFieldErrors(e.children ?? [], field)];
  });
}

/** A zod error on a request body as field errors (`root` names the body itself). */
export function zodFieldErrors(error: z.ZodError, input: unknown, root = 'body'): FieldError[] {
  return zodPlanErrors(error, input).map(({ path, code, params, message }) => ({
    field: fieldOfPath(path, root),
    code,
    ...(params && { params }),
    reason: message,
  }));
}

/** Parses a request body with a zod schema, or throws a 400 naming every field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, root = 'body'): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw AppError.validation(zodFieldErrors(parsed.error, body, root));
  return parsed.data;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => AppError.validation(toFieldErrors(errors)),
  });
}
