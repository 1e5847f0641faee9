import { migrations } from '@tillit/migrations';
import { Client } from 'pg';
import { DataSource, Migration } from 'typeorm';
import { APP_ROLE, dataSourceOptions } from './data-source-options';

const ATTEMPTS = 4;
const RETRY_DELAY_MS = 1000;
/** Arbitrary, fixed: serialises the migrations of instances that start at once on one server database. */
const MIGRATION_LOCK = 7_303_118;

/**
 * Applies pending migrations as the schema's owner, on a connection of its own that is closed afterwards;
 * the app then connects as its role (`appDataSourceOptions`). A server that is not up yet gets a few
 * more tries, as the app's own connection does.
 *
 * On a server, several instances may start at once on one database (replicas behind a load balancer):
 * a session-level advisory lock, held on a connection of its own while the migrations run on another,
 * lets one migrate while the others wait and then find nothing pending. The embedded database has one
 * connection and one process (the data folder's lock), so it needs none.
 */
export async function migrateAsOwner(url: string, embedded: boolean): Promise<Migration[]> {
  for (let attempt = 1; ; attempt++) {
    const dataSource = new DataSource({ ...dataSourceOptions(url, embedded), migrationsRun: false });
    try {
      await dataSource.initialize();
    } catch (err) {
      if (attempt >= ATTEMPTS) throw err;
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      continue;
    }
    try {
      if (embedded) return await dataSource.runMigrations({ transaction: 'each' });
      const lock = dataSource.createQueryRunner();
      try {
        await lock.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK]);
        return await dataSource.runMigrations({ transaction: 'each' });
      } finally {
        await lock.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK]).catch(() => undefined);
        await lock.release();
      }
    } finally {
      await dataSource.destroy();
    }
  }
}

export class SchemaNotMigratedError extends Error {
  constructor(detail: string) {
    super(
      `The database is not migrated to this version of Tillit (${detail}). Run \`npm run migrate\` as the schema's owner, or start with TILLIT_MIGRATE=true.`,
    );
    this.name = 'SchemaNotMigratedError';
  }
}

/**
 * For an instance that does not migrate (`TILLIT_MIGRATE=false`): checks, as the application's role,
 * that every migration this code knows has been applied, and throws SchemaNotMigratedError otherwise.
 */
export async function assertMigrated(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    let applied: Set<string>;
    try {
      await client.query(`SET ROLE ${APP_ROLE}`);
      applied = new Set((await client.query<{ name: string }>(`SELECT name FROM migrations`)).rows.map((r) => r.name));
    } catch (err) {
      throw new SchemaNotMigratedError((err as Error).message);
    }
    const pending = migrations.map((m) => new m().name as string).filter((name) => !applied.has(name));
    if (pending.length) throw new SchemaNotMigratedError(`${pending.length} pending, the first ${pending[0]}`);
  } finally {
    await client.end();
  }
}
