import { DataSource, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../database/data-source-options';

/**
 * Runs `fn` on one of the app's connections switched back to the schema's owner (the session user), as
 * a migration or an operator would act, then back to the app's role. On PGlite every connection shares
 * one session, so this holds the app's only connection for the duration.
 */
export async function asOwner<T>(dataSource: DataSource, fn: (owner: QueryRunner) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('RESET ROLE');
    return await fn(runner);
  } finally {
    await runner.query(`SET ROLE ${APP_ROLE}`);
    await runner.release();
  }
}
