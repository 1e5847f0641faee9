import { Logger } from '@nestjs/common';
import { migrations } from '@tillit/migrations';
import { DataSourceOptions } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PlanEntity } from '../plans/plan.entity';


export const entities = [OrganisationEntity, PlanEntity];

const poolLogger = new Logger('DatabasePool');

/** Connections to a PostgreSQL server per app instance. */
export const SERVER_POOL_SIZE = 10;

/**
 * One definition of how the app talks to PostgreSQL, for the server and the embedded database alike.
 * The embedded database gets one connection: PGlite runs one statement at a time, and its socket server
 * can interleave two connections' extended-protocol messages (a Bind of one meeting the Parse of the
 * other) when requests arrive together.
 */
export function dataSourceOptions(url: string, embedded = false): DataSourceOptions {
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
    extra: { max: embedded ? 1 : SERVER_POOL_SIZE, idleTimeoutMillis: 30000 },
  };
}
