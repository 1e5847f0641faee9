import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';
import { DataDirLockedError } from './database/data-dir-lock';
import { SchemaNotMigratedError } from './database/migrate-as-owner';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const running = await createApp(config);
  await running.app.listen(config.port);
  const logger = new Logger('Tillit');
  logger.log(
    `Listening on http://localhost:${config.port} (database: ${config.databaseUrl ? 'PostgreSQL server' : `embedded in ${config.dataDir}`})`,
  );
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received, shutting down`);
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof SchemaNotMigratedError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
