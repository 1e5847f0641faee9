import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createApp } from './app.factory';
import { createOpenApiDocument, OPENAPI_DOCUMENT_PATH, serializeOpenApiDocument } from './common/openapi-document';
import { loadConfig } from './config/app-config';

/**
 * `npm run openapi`: boots the app on an in-memory embedded database (no port, no data folder) and
 * writes its OpenAPI document to docs/openapi.json, or to the path given.
 */
async function main(): Promise<void> {
  const target = path.resolve(process.argv[2] ?? OPENAPI_DOCUMENT_PATH);
  const running = await createApp(loadConfig({ TILLIT_DEMO: 'false', LOG_LEVEL: 'error' }), { inMemory: true });
  try {
    fs.writeFileSync(target, serializeOpenApiDocument(createOpenApiDocument(running.app)));
    console.log(`Wrote ${path.relative(process.cwd(), target)}`);
  } finally {
    await running.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
