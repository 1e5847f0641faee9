import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import { Client } from 'pg';
import { EmbeddedPostgres } from './embedded-postgres';

/** A startup message as a client sends it (protocol 3.0). */
function startup(params: Record<string, string>): Buffer {
  const body = Buffer.from(
    `${Object.entries(params)
      .flatMap(([k, v]) => [k, v])
      .join('\0')}\0\0`,
    'utf8',
  );
  const head = Buffer.alloc(8);
  head.writeInt32BE(body.length + 8, 0);
  head.writeInt32BE(196608, 4);
  return Buffer.concat([head, body]);
}

/** A simple-protocol query message. */
function query(sql: string): Buffer {
  const body = Buffer.from(`${sql}\0`, 'utf8');
  const head = Buffer.alloc(5);
  head.write('Q', 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

/** Sends `chunks` in turn (each once the server has answered the one before) and collects all it answers until it closes. */
async function exchange(port: number, chunks: Buffer[]): Promise<{ answers: Buffer[]; closed: boolean }> {
  const socket = net.connect(port, '127.0.0.1');
  const answers: Buffer[] = [];
  return new Promise((resolve, reject) => {
    let next = 0;
    const send = () => (next < chunks.length ? socket.write(chunks[next++]) : undefined);
    socket.on('connect', send);
    socket.on('data', (data) => {
      answers.push(data);
      send();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve({ answers, closed: true }));
  });
}

/** The SQLSTATE of an ErrorResponse among the answers. */
const errorCode = (answers: Buffer[]) => /\0C([0-9A-Z]{5})\0/.exec(Buffer.concat(answers).toString('latin1'))?.[1];

describe(EmbeddedPostgres.name, () => {
  let embedded: EmbeddedPostgres;
  let dataDir: string;
  const port = () => Number(new URL(embedded.url).port);

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(`${os.tmpdir()}/tillit-embedded-`);
    embedded = await EmbeddedPostgres.start(dataDir);
  });
  afterAll(async () => {
    await embedded?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function run<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  const withPassword = (password: string | undefined, user = 'postgres') => {
    const url = new URL(embedded.url);
    url.username = user;
    url.password = password ?? '';
    return url.toString();
  };

  it('lets in the process that knows this start’s password, on loopback only', async () => {
    expect(new URL(embedded.url).hostname).toBe('127.0.0.1');
    expect(new URL(embedded.url).password.length).toBeGreaterThanOrEqual(40);
    const rows = await run(embedded.url, async (c) => (await c.query(`SELECT current_user AS who, 1 + 1 AS two`)).rows);
    expect(rows).toEqual([{ who: 'postgres', two: 2 }]);
  });

  it('refuses a wrong password, and the right one for another user', async () => {
    await expect(run(withPassword('gissat-lösenord'), () => Promise.resolve())).rejects.toMatchObject({ code: '28P01' });
    await expect(run(withPassword(new URL(embedded.url).password, 'admin'), () => Promise.resolve())).rejects.toMatchObject({ code: '28P01' });
  });

  it('asks a client without a password for one, and lets none of its statements reach the database', async () => {
    // As `psql -h 127.0.0.1 -U postgres` with trust would: the startup, then straight to a query.
    const { answers, closed } = await exchange(port(), [
      startup({ user: 'postgres', database: 'postgres' }),
      query('CREATE TABLE intruder (id int)'),
    ]);
    // AuthenticationSASL (R, code 10, SCRAM-SHA-256), then a FATAL error and the connection closed.
    expect(answers[0][0]).toBe('R'.charCodeAt(0));
    expect(answers[0].readInt32BE(5)).toBe(10);
    expect(answers[0].toString('latin1')).toContain('SCRAM-SHA-256');
    expect(errorCode(answers)).toBe('28000');
    expect(closed).toBe(true);
    const tables = await run(embedded.url, async (c) => (await c.query(`SELECT to_regclass('public.intruder') AS t`)).rows);
    expect(tables).toEqual([{ t: null }]);
  });

  it('closes a connection that skips the startup, answering nothing the database said', async () => {
    const { answers, closed } = await exchange(port(), [query('CREATE TABLE intruder (id int)')]);
    expect(closed).toBe(true);
    expect(Buffer.concat(answers).toString('latin1')).not.toContain('CREATE TABLE');
    const tables = await run(embedded.url, async (c) => (await c.query(`SELECT to_regclass('public.intruder') AS t`)).rows);
    expect(tables).toEqual([{ t: null }]);
  });

  it('keeps its own socket in a folder only this OS user may enter', () => {
    if (process.platform === 'win32') return expect(embedded.socketDir).toBeUndefined();
    expect(fs.statSync(embedded.socketDir as string).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(embedded.socketDir as string)).toEqual(['.s.PGSQL.5432']);
  });

  it('writes its password nowhere in the data folder', () => {
    const password = new URL(embedded.url).password;
    const files = fs.readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(fs.readFileSync(`${f.parentPath}/${f.name}`).includes(password)).toBe(false);
  });
});
