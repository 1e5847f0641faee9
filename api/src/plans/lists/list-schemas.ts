import { ParseIntPipe } from '@nestjs/common';
import { z } from 'zod';
import { AppError } from '../../common/app-error';

/** OpenAPI schemas of the plan-wide lists and their rows, from the plan format's zod schemas. */
export const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
/** The `version` property of a write: the version last read. */
export const version = { type: 'integer', minimum: 1, description: 'The version last read' };

/** A list written whole: the version last read and every item. */
export const listOf = (field: string, item: z.ZodType) => ({
  type: 'object',
  required: ['version', field],
  properties: { version, [field]: { type: 'array', items: json(item) } },
});

/** A list as read: also each row's own version, in the same order (for a write of one row). */
export const rowsOf = (field: string, item: z.ZodType) => ({
  type: 'object',
  required: ['version', field, 'versions'],
  properties: {
    version,
    [field]: { type: 'array', items: json(item) },
    versions: { type: 'array', items: { type: 'integer' }, description: 'Each row’s version, in the order of the list' },
  },
});

export const newVersion = { schema: { type: 'object', properties: { version: { type: 'integer', description: 'The new version' } } } };

/** A row's body: its fields (the key comes from the path) and the version last read, absent to create. */
export const rowBody = (schema: z.ZodType, versionDescription = 'The version last read; leave out to create the row') => ({
  allOf: [json(schema), { type: 'object', properties: { version: { type: 'integer', minimum: 1, description: versionDescription } } }],
});

export const versioned = (schema: z.ZodType) => ({
  allOf: [
    json(schema),
    { type: 'object', required: ['version'], properties: { version: { type: 'integer', description: 'The version the row now has' } } },
  ],
});

/** `?version=` of a delete. */
export const versionPipe = new ParseIntPipe({
  exceptionFactory: () =>
    AppError.validation([{ field: 'version', code: 'invalid', reason: 'must be a whole number from 1 (the version last read)' }]),
});
