import * as fs from 'node:fs';
import * as path from 'node:path';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { NextFunction, Request, Response } from 'express';
import { AppModule } from './app.module';
import { AppExceptionFilter } from './common/app-exception.filter';
import { checkBody, jsonBodies } from './common/body-limits';
import { createOpenApiDocument } from './common/openapi-document';
import { createValidationPipe } from './common/validation';
import { securityHeaders } from './common/security-headers';
import { AppConfig } from './config/app-config';
import { EmbeddedPostgres } from './database/embedded-postgres';
import { assertMigrated, migrateAsOwner } from './database/migrate-as-owner';

export interface RunningApp {
  app: NestExpressApplication;
  /** Closes the app, then the embedded database if there is one. */
  close(): Promise<void>;
}

const LOG_LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug'];

export interface CreateAppOptions {
  /** Keep the embedded database in memory instead of `config.dataDir` (tests). */
  inMemory?: boolean;
}

/**
 * Starts the database (embedded unless `config.databaseUrl`), migrates it as the owner (or, with
 * `config.migrate` off, checks that someone did), then starts the Nest app, which works as the
 * application's role.
 */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<RunningApp> {
  const embedded = config.databaseUrl ? undefined : await EmbeddedPostgres.start(options.inMemory ? undefined : config.dataDir);
  try {
    const databaseUrl = config.databaseUrl ?? (embedded as EmbeddedPostgres).url;
    if (config.migrate || embedded) await migrateAsOwner(databaseUrl, !config.databaseUrl);
    else await assertMigrated(databaseUrl);
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
      logger: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.logLevel) + 1),
      abortOnError: false,
      // configureApp registers the JSON parser with a limit per route; Nest's own (100 kB for all) stays off.
      bodyParser: false,
    });
    configureApp(app, config);
    await app.init();
    return {
      app,
      close: async () => {
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}

export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.setGlobalPrefix('api');
  app.disable('x-powered-by');
  // Behind a reverse proxy that terminates TLS, its X-Forwarded-* headers say the client's address and
  // scheme (login limits, HSTS); only when the installation says which proxies to trust.
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AppExceptionFilter());
  app.use(jsonBodies());
  app.use(checkBody);

  SwaggerModule.setup('api/docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });

  serveWeb(app, config.webDir);
}

/** Serves the built web app, with index.html for every non-API path (client-side routes). */
function serveWeb(app: NestExpressApplication, webDir: string): void {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) return;
  app.useStaticAssets(webDir, { index: false });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path === '/api' || req.path.startsWith('/api/')) return next();
    res.sendFile(index);
  });
}
