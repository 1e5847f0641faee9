import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '@tillit/contract';
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

/** Flattens class-validator's nested errors into `a.b[2].c`-style field paths. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = /^\d+$/.test(e.property) ? `${parent}[${e.property}]` : parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((reason) => ({ field, reason: withoutSubject(reason, e.property) }));
    return [...own, ...toFieldErrors(e.children ?? [], field)];
  });
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
