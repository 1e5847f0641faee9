import { Logger } from '@nestjs/common';
import { migrations } from '@tillit/migrations';
import { DataSourceOptions } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PlanEntity } from '../plans/plan.entity';
import { EMBEDDED_POOL_SIZE } from './embedded-postgres';

export const entities = [OrganisationEntity, PlanEntity];

const poolLogger = new Logger('DatabasePool');

/** One definition of how the app talks to PostgreSQL, for the server and the embedded database alike. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    installExtensions: false,
    logging: false,
    connectTimeoutMS: 5000,
    // A connection dropped by a database restart must not crash the process; the pool reconnects.
    poolErrorHandler: (err: Error) => poolLogger.warn(`Database connection lost: ${err.message}`),
    extra: { max: EMBEDDED_POOL_SIZE, idleTimeoutMillis: 30000 },
  };
}
