import { migrations } from '@tillit/migrations';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../testing/test-app';
import { dataSourceOptions } from './data-source-options';
import { EmbeddedPostgres } from './embedded-postgres';

async function tables(dataSource: DataSource): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
  );
  return rows.map((r) => r.table_name);
}

describe('migrations', () => {
  let dataSource: DataSource;
  let embedded: EmbeddedPostgres | undefined;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    embedded = database.config.databaseUrl ? undefined : await EmbeddedPostgres.start(database.config.dataDir);
    const url = database.config.databaseUrl ?? (embedded as EmbeddedPostgres).url;
    dataSource = await new DataSource({ ...dataSourceOptions(url, !database.config.databaseUrl), migrationsRun: false }).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await embedded?.stop();
    await drop();
  });

  it('applies from scratch, undo completely, and apply again', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => new m().name));
    expect(await tables(dataSource)).toEqual(
      expect.arrayContaining(['organisation', 'plan', 'actor', 'decision_area', 'decision_right', 'stage', 'plan_change']),
    );

    for (let i = 0; i < migrations.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables(dataSource)).toEqual([]);

    await dataSource.runMigrations({ transaction: 'each' });
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('stores every timestamp as timestamptz', async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await tables(dataSource)).not.toEqual([]);
    const rows: Array<{ table_name: string; column_name: string }> = await dataSource.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'`,
    );
    expect(rows).toEqual([]);
  });
});
