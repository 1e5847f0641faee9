import { DataSource, Migration } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

const ATTEMPTS = 4;
const RETRY_DELAY_MS = 1000;

/**
 * Applies pending migrations as the schema's owner, on a connection of its own that is closed afterwards;
 * the app then connects as its role (`appDataSourceOptions`). A server that is not up yet gets a few
 * more tries, as the app's own connection does.
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
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
  }
}
