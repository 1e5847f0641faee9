import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { DataDirLockedError } from './database/data-dir-lock';
import { EmbeddedPostgres } from './database/embedded-postgres';
import { migrateAsOwner } from './database/migrate-as-owner';

/** `npm run migrate`: applies pending migrations to the configured database and exits. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const embedded = config.databaseUrl ? undefined : await EmbeddedPostgres.start(config.dataDir);
  try {
    const applied = await migrateAsOwner(config.databaseUrl ?? (embedded as EmbeddedPostgres).url, !config.databaseUrl);
    console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'The database is up to date');
  } finally {
    await embedded?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError || err instanceof DataDirLockedError ? err.message : err);
  process.exit(1);
});
