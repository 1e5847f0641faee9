import 'reflect-metadata';
import * as path from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import { PASSWORD_MAX, PASSWORD_MIN } from '@tillit/contract';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidationError, validateSync } from 'class-validator';

/** The environment variables the app reads; validated once at start. */
export class EnvironmentVariables {
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 65535' })
  @Max(65535, { message: 'must be between 1 and 65535' })
  PORT?: number;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  TILLIT_DATA_DIR?: string;

  @IsOptional()
  @IsString()
  TILLIT_WEB_DIR?: string;

  @IsOptional()
  @IsIn(['error', 'warn', 'log', 'debug'], { message: 'must be one of error, warn, log, debug' })
  LOG_LEVEL?: 'error' | 'warn' | 'log' | 'debug';

  @IsOptional()
  @IsIn(['true', 'false', '1', '0'], { message: 'must be true or false' })
  TILLIT_DEMO?: string;

  @IsOptional()
  @IsIn(['true', 'false', '1', '0'], { message: 'must be true or false' })
  TILLIT_MIGRATE?: string;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 10000' })
  @Max(10000, { message: 'must be between 1 and 10000' })
  TILLIT_LOGIN_ATTEMPTS_PER_MINUTE?: number;

  @IsOptional()
  @Matches(/^(true|loopback|linklocal|uniquelocal|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, {
    message: 'must be true, loopback, linklocal, uniquelocal, a number of hops, or addresses/subnets separated by commas',
  })
  TILLIT_TRUST_PROXY?: string;

  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  TILLIT_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters` })
  TILLIT_ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  TILLIT_ADMIN_ORGANISATION?: string;
}

export interface AppConfig {
  port: number;
  /** Set: use this PostgreSQL server. Unset: embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  webDir: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /**
   * Apply pending migrations at start (as the URL's user, the schema's owner). False: someone else
   * migrates (`npm run migrate` as the owner) and the app, connected as a login that owns nothing, only
   * checks that none is pending. The embedded database always migrates.
   */
  migrate: boolean;
  /** On a first start (no users yet): a demo organisation with the example plan and a user per role. */
  demo: boolean;
  /** Login attempts one client may make in a minute; the next gets 429. */
  loginAttemptsPerMinute: number;
  /** Express's `trust proxy`: which reverse proxies' X-Forwarded-For/-Proto to believe (unset: none). */
  trustProxy?: boolean | number | string;
  /** On a first start: this administrator, in an organisation of its own. */
  admin?: { email: string; password: string; organisation: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Built layout: dist/api/api/src/config/ → dist/web/
const DEFAULT_WEB_DIR = path.resolve(__dirname, '../../../../web');

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): AppConfig {
  const vars = plainToInstance(EnvironmentVariables, { ...env }, { excludeExtraneousValues: false });
  const errors: ValidationError[] = validateSync(vars, { stopAtFirstError: true });
  if (!!env.TILLIT_ADMIN_EMAIL !== !!env.TILLIT_ADMIN_PASSWORD) {
    const missing = env.TILLIT_ADMIN_EMAIL ? 'TILLIT_ADMIN_PASSWORD' : 'TILLIT_ADMIN_EMAIL';
    errors.push(
      Object.assign(new ValidationError(), {
        property: missing,
        constraints: { pair: 'must be set together with the other TILLIT_ADMIN_ variable' },
      }),
    );
  }
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map(
        (e) =>
          `${e.property}=${/PASSWORD/.test(e.property) ? '(hidden)' : JSON.stringify(env[e.property])} ${Object.values(e.constraints ?? {}).join('; ')}`,
      ),
    );
  }
  return {
    port: vars.PORT ?? 3000,
    databaseUrl: vars.DATABASE_URL || undefined,
    dataDir: path.resolve(cwd, vars.TILLIT_DATA_DIR ?? '.data'),
    webDir: vars.TILLIT_WEB_DIR ? path.resolve(cwd, vars.TILLIT_WEB_DIR) : DEFAULT_WEB_DIR,
    logLevel: vars.LOG_LEVEL ?? 'log',
    loginAttemptsPerMinute: vars.TILLIT_LOGIN_ATTEMPTS_PER_MINUTE ?? 10,
    trustProxy: trustProxyOf(vars.TILLIT_TRUST_PROXY),
    migrate: vars.TILLIT_MIGRATE === undefined || vars.TILLIT_MIGRATE === 'true' || vars.TILLIT_MIGRATE === '1',
    demo: vars.TILLIT_DEMO === undefined || vars.TILLIT_DEMO === 'true' || vars.TILLIT_DEMO === '1',
    admin:
      vars.TILLIT_ADMIN_EMAIL && vars.TILLIT_ADMIN_PASSWORD
        ? { email: vars.TILLIT_ADMIN_EMAIL, password: vars.TILLIT_ADMIN_PASSWORD, organisation: vars.TILLIT_ADMIN_ORGANISATION ?? 'Min organisation' }
        : undefined,
  };
}

/** TILLIT_TRUST_PROXY as Express takes it: true, a hop count, or a list of names, addresses and subnets. */
function trustProxyOf(value: string | undefined): boolean | number | string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}
