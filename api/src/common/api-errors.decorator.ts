import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ERROR_SCHEMA } from './openapi-schemas';

/** Documents the error answers a route can give, all in the ErrorResponse shape. */
export function ApiErrors(...statuses: Array<400 | 404 | 409 | 503>) {
  const descriptions: Record<number, string> = {
    400: 'Invalid input: `errors` lists each field and the reason',
    404: 'No such resource in your organisation',
    409: 'Stale version: `currentVersion` is the stored one',
    503: 'The database is unavailable',
  };
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: descriptions[status], schema: ERROR_SCHEMA })));
}
