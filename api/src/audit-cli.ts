import 'reflect-metadata';
import { Client } from 'pg';
import { describeChainReport, findOrganisation, Query, verifyAuditChain } from './audit/audit-chain';
import { ConfigError, loadConfig } from './config/app-config';
import { DataDirLockedError } from './database/data-dir-lock';
import { EmbeddedPostgres } from './database/embedded-postgres';
import { migrateAsOwner } from './database/migrate-as-owner';

const USAGE = `Usage: tillit audit verify [--organisation <id or name>]

Recomputes the audit log's hash chain (one per organisation) and reports the first broken link.
Reads DATABASE_URL, else the embedded database in TILLIT_DATA_DIR (default ./.data; stop the app first).
Exit code: 0 chain intact, 1 chain broken, 2 bad usage or no database.`;

/** `npx tillit audit verify`: exit 0 and "N rows, chain intact", or 1 and the first broken row. */
export async function runAuditCli(args: string[], query: Query, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const [command, ...rest] = args;
  if (command !== 'verify') {
    err(USAGE);
    return 2;
  }
  let organisation: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--organisation' && rest[i + 1]) organisation = rest[++i];
    else {
      err(`Unknown argument "${rest[i]}".\n${USAGE}`);
      return 2;
    }
  }
  let organisationId: string | undefined;
  if (organisation !== undefined) {
    const found = await findOrganisation(query, organisation);
    if ('error' in found) {
      err(found.error);
      return 2;
    }
    organisationId = found.id;
  }
  const report = await verifyAuditChain(query, organisationId);
  (report.broken ? err : out)(describeChainReport(report));
  return report.broken ? 1 : 0;
}

/** The command's process: connects as the owner (DATABASE_URL or the embedded ./.data), runs, sets the exit code. */
export function auditCliMain(): void {
  main().then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof ConfigError || e instanceof DataDirLockedError ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const embedded = config.databaseUrl ? undefined : await EmbeddedPostgres.start(config.dataDir);
  try {
    const url = config.databaseUrl ?? (embedded as EmbeddedPostgres).url;
    // The chain's functions come with a migration: bring the schema up to date first, as `npm run migrate` does.
    await migrateAsOwner(url, !config.databaseUrl);
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const query: Query = async (sql, params) => (await client.query(sql, params)).rows;
      return await runAuditCli(
        process.argv.slice(3),
        query,
        (t) => process.stdout.write(`${t}\n`),
        (t) => process.stderr.write(`${t}\n`),
      );
    } finally {
      await client.end();
    }
  } finally {
    await embedded?.stop();
  }
}
