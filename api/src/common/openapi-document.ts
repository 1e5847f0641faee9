import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { NAMED_SCHEMAS } from './openapi-schemas';

/** Where the committed document lives, from the repository root; `npm run openapi` writes it. */
export const OPENAPI_DOCUMENT_PATH = 'docs/openapi.json';

/**
 * The API's OpenAPI 3.1 document. 3.1 because its schemas are JSON Schema 2020-12, which is what zod
 * emits for the plan format (`const`, `type: 'null'`, type arrays).
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Tillit API')
    .setDescription(
      'Staged rollout planner for trust-based governance. Every route but health and login needs a session: ' +
        '`POST /api/auth/login` answers a token, sent as `Authorization: Bearer <token>`. ' +
        'Errors have the shape `ErrorResponse`.',
    )
    .setVersion('0.1.0')
    .addServer('/', 'The server that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'The token from POST /api/auth/login' }, 'bearer')
    .build();
  // As package.json says: no licence is granted, so there is no URL or SPDX identifier to name.
  config.info.license = { name: 'UNLICENSED' };
  delete config.info.contact; // DocumentBuilder's default is an empty object
  const document = SwaggerModule.createDocument(app, config);
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...NAMED_SCHEMAS } };
  return withoutSchemaDialect(document);
}

/** Drops `$schema` from the embedded JSON Schemas: an OpenAPI 3.1 document sets the dialect once for all. */
function withoutSchemaDialect<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutSchemaDialect) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '$schema')
      .map(([key, v]) => [key, withoutSchemaDialect(v)]),
  ) as T;
}

const TOP_LEVEL_ORDER = ['openapi', 'info', 'servers', 'tags', 'security', 'paths', 'components'];

/**
 * The document as committed: pretty-printed, with keys sorted at every level (the top level in the
 * order OpenAPI lists them), so the same API always gives the same bytes and a change reads as a
 * small diff. Arrays keep their order: it means something (enums, `required`, parameters).
 */
export function serializeOpenApiDocument(document: object): string {
  const sorted = sortKeys(document) as Record<string, unknown>;
  const rank = (key: string) => (TOP_LEVEL_ORDER.includes(key) ? TOP_LEVEL_ORDER.indexOf(key) : TOP_LEVEL_ORDER.length);
  const top = Object.keys(sorted).sort((a, b) => rank(a) - rank(b) || compareKeys(a, b));
  return `${JSON.stringify(Object.fromEntries(top.map((key) => [key, sorted[key]])), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort(compareKeys)
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/** Code-point order, not locale order: the same on every machine. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
