import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { DataDirLock } from './data-dir-lock';
import { PasswordGate } from './password-gate';

/** Connections the socket server accepts (the app uses one; `npm run migrate` and tools may add some). */
export const EMBEDDED_MAX_CONNECTIONS = 8;

/** PGlite's single user; the password in front of it is this process's own. */
const USER = 'postgres';

/**
 * Embedded PostgreSQL (PGlite) behind a socket, so the app talks to it with the ordinary `pg` driver
 * exactly as to a server. `dataDir` undefined means in memory (tests only).
 *
 * PGlite's socket server takes any connection as the superuser, without a password. So it listens only
 * on a Unix socket in a folder of its own that only this OS user may enter (0700; a named pipe with a
 * random name on Windows), and the only TCP listener is a `PasswordGate` on 127.0.0.1 that demands a
 * password drawn afresh at every start and kept in this process's memory (never written anywhere): other
 * local processes, also of the same user, cannot use the database through a port.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly gate: PasswordGate,
    private readonly password: string,
    /** The folder of PGlite's own socket (undefined on Windows). */
    readonly socketDir: string | undefined,
    private readonly lock: DataDirLock | undefined,
  ) {}

  static async start(dataDir: string | undefined): Promise<EmbeddedPostgres> {
    const lock = dataDir ? DataDirLock.acquire(dataDir) : undefined;
    let socketDir: string | undefined;
    let db: PGlite | undefined;
    let server: PGLiteSocketServer | undefined;
    try {
      db = await PGlite.create(dataDir);
      let socket: string;
      if (process.platform === 'win32') {
        socket = `\\\\.\\pipe\\tillit-pglite-${randomUUID()}`;
      } else {
        socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-pglite-'));
        fs.chmodSync(socketDir, 0o700);
        socket = path.join(socketDir, '.s.PGSQL.5432');
      }
      server = new PGLiteSocketServer({ db, path: socket, maxConnections: EMBEDDED_MAX_CONNECTIONS });
      await server.start();
      const password = randomBytes(32).toString('base64url');
      const gate = await PasswordGate.start(socket, USER, password);
      return new EmbeddedPostgres(db, server, gate, password, socketDir, lock);
    } catch (err) {
      await server?.stop();
      await db?.close();
      if (socketDir) fs.rmSync(socketDir, { recursive: true, force: true });
      lock?.release();
      throw err;
    }
  }

  /** How this process connects: the gate's port and this start's password. */
  get url(): string {
    return `postgres://${USER}:${this.password}@127.0.0.1:${this.gate.port}/postgres`;
  }

  async stop(): Promise<void> {
    await this.gate.stop();
    await this.server.stop();
    await this.db.close();
    if (this.socketDir) fs.rmSync(this.socketDir, { recursive: true, force: true });
    this.lock?.release();
  }
}
