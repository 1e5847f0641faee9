import 'reflect-metadata';
import { isEmail } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditRepository } from './audit/audit.repository';
import { AuthRepository } from './auth/auth.repository';
import { AuthService } from './auth/auth.service';
import { InstallationError, InstallationService } from './auth/installation.service';
import { InvitationsRepository } from './auth/invitations.repository';
import { InvitationsService } from './auth/invitations.service';
import { PasswordResetsRepository } from './auth/password-resets.repository';
import { PasswordsService } from './auth/passwords.service';
import { AppError } from './common/app-error';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { appDataSourceOptions } from './database/data-source-options';
import { DataDirLockedError } from './database/data-dir-lock';
import { EmbeddedPostgres } from './database/embedded-postgres';
import { migrateAsOwner } from './database/migrate-as-owner';

export const DEFAULT_PUBLIC_URL = 'http://localhost:3000';

const USAGE = `Usage:
  tillit org create --name <name> --admin-email <e-mail> [--public-url <url>]
      a new organisation; prints a one-time invitation link for its first admin (valid 7 days)
  tillit org list
      every organisation with its members, admins and pending invitations
  tillit user disable --email <e-mail>
      the account can no longer log in anywhere; its sessions end
  tillit user reset-password --email <e-mail> [--public-url <url>]
      prints a one-time link (valid 24 hours) that sets a new password for the account

The link starts with --public-url, else TILLIT_PUBLIC_URL, else ${DEFAULT_PUBLIC_URL}.
Reads DATABASE_URL, else the embedded database in TILLIT_DATA_DIR (default ./.data; stop the app first).
Exit code: 0 done, 1 refused (the message says why), 2 bad usage or no database.`;

/** What the commands need from the outside: the installation's operations and where the links point. */
export interface AccountsCliContext {
  installation: InstallationService;
  publicUrl: string | undefined;
  out: (text: string) => void;
  err: (text: string) => void;
}

class UsageError extends Error {}

/** `--name x --email y` → { name: 'x', email: 'y' }, refusing anything not in `allowed`. */
function options(args: string[], allowed: string[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const key = /^--([a-z-]+)$/.exec(args[i])?.[1];
    if (!key || !allowed.includes(key)) throw new UsageError(`Unknown argument "${args[i]}".`);
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${key} needs a value.`);
    if (key in found) throw new UsageError(`--${key} is given twice.`);
    found[key] = value;
    i++;
  }
  return found;
}

function required(found: Record<string, string>, key: string): string {
  const value = found[key]?.trim();
  if (!value) throw new UsageError(`--${key} is required.`);
  return value;
}

function email(found: Record<string, string>, key: string): string {
  const value = required(found, key);
  if (!isEmail(value) || value.length > 320) throw new UsageError(`--${key} "${value}" is not an e-mail address.`);
  return value.toLowerCase();
}

/** The base of the links: an http(s) URL without a trailing slash. */
export function publicUrlOf(option: string | undefined, env: string | undefined): string {
  const raw = option ?? (env || DEFAULT_PUBLIC_URL);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`The public URL "${raw}" is not a URL (give it as http://host:port or https://host).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`The public URL "${raw}" must start with http:// or https://.`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

const when = (date: Date | string) => `${new Date(date).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Runs one command; answers the exit code. */
export async function runAccountsCli(args: string[], ctx: AccountsCliContext): Promise<number> {
  const [noun, verb, ...rest] = args;
  try {
    if (noun === 'org' && verb === 'create') {
      const found = options(rest, ['name', 'admin-email', 'public-url']);
      const name = required(found, 'name');
      if (name.length > 200) throw new UsageError('--name must be at most 200 characters.');
      const adminEmail = email(found, 'admin-email');
      const base = publicUrlOf(found['public-url'], ctx.publicUrl);
      const { organisationId, invitation } = await ctx.installation.createOrganisation(name, adminEmail);
      ctx.out(`Created the organisation "${name}" (${organisationId}).`);
      ctx.out(`Send this link to ${adminEmail}; it makes them the organisation's admin, works once and until ${when(invitation.expiresAt)}:`);
      ctx.out(`  ${base}/#/invitation/${invitation.token}`);
      return 0;
    }
    if (noun === 'org' && verb === 'list') {
      options(rest, []);
      const organisations = await ctx.installation.listOrganisations();
      if (organisations.length === 0) ctx.out('No organisations yet: tillit org create --name … --admin-email …');
      for (const o of organisations)
        ctx.out(
          `${o.id}  ${o.name}  ${o.members} members, ${o.admins} admins, ${o.pendingInvitations} pending invitations, created ${when(o.createdAt)}`,
        );
      return 0;
    }
    if (noun === 'user' && verb === 'disable') {
      const found = options(rest, ['email']);
      const address = email(found, 'email');
      const changed = await ctx.installation.disableUser(address);
      ctx.out(changed ? `Disabled ${address}: it can no longer log in, and its sessions have ended.` : `${address} was disabled already.`);
      return 0;
    }
    if (noun === 'user' && verb === 'reset-password') {
      const found = options(rest, ['email', 'public-url']);
      const address = email(found, 'email');
      const base = publicUrlOf(found['public-url'], ctx.publicUrl);
      const reset = await ctx.installation.issuePasswordReset(address);
      ctx.out(`Send this link to ${reset.email}; it sets a new password, works once and until ${when(reset.expiresAt)}:`);
      ctx.out(`  ${base}/#/reset-password/${reset.token}`);
      return 0;
    }
    ctx.err(noun === undefined ? USAGE : `Unknown command "${[noun, verb].filter(Boolean).join(' ')}".\n${USAGE}`);
    return 2;
  } catch (e) {
    if (e instanceof UsageError) {
      ctx.err(`${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof InstallationError) {
      ctx.err(e.message);
      return 1;
    }
    if (e instanceof AppError && e.details.errors?.length) {
      ctx.err(e.details.errors.map((f) => `${f.field} ${f.reason}`).join('\n'));
      return 1;
    }
    throw e;
  }
}

/** The installation's services on a data source of their own, without the HTTP app. */
function installationOn(dataSource: DataSource, config: AppConfig): InstallationService {
  const accounts = new AuthRepository(dataSource);
  const audit = new AuditRepository(dataSource);
  const auth = new AuthService(accounts, audit, config);
  const invitations = new InvitationsService(dataSource, new InvitationsRepository(dataSource), accounts, auth, audit);
  const passwords = new PasswordsService(dataSource, accounts, auth, new PasswordResetsRepository(dataSource), audit);
  return new InstallationService(dataSource, accounts, invitations, passwords, audit);
}

/** `npx tillit org …` / `user …`: migrates as the owner, then works as the app's role, as the app does. */
export function accountsCliMain(): void {
  main().then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof ConfigError || e instanceof DataDirLockedError ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  // Bad usage is answered before any database is opened.
  if (args.length < 2 || args.includes('--help')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig(process.env);
  const embedded = config.databaseUrl ? undefined : await EmbeddedPostgres.start(config.dataDir);
  try {
    const url = config.databaseUrl ?? (embedded as EmbeddedPostgres).url;
    await migrateAsOwner(url, !config.databaseUrl);
    const dataSource = new DataSource(appDataSourceOptions(url, !config.databaseUrl));
    await dataSource.initialize();
    try {
      return await runAccountsCli(args, {
        installation: installationOn(dataSource, config),
        publicUrl: process.env.TILLIT_PUBLIC_URL,
        out: (t) => process.stdout.write(`${t}\n`),
        err: (t) => process.stderr.write(`${t}\n`),
      });
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await embedded?.stop();
  }
}
