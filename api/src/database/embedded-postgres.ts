import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { DataDirLock } from './data-dir-lock';

/** Connections the socket server accepts (the app uses one; `npm run migrate` and tools may add some). */
export const EMBEDDED_MAX_CONNECTIONS = 8;

/**
 * Embedded PostgreSQL (PGlite) behind a loopback socket, so the app talks to it with the ordinary
 * `pg` driver exactly as to a server. `dataDir` undefined means in memory (tests only).
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly lock: DataDirLock | undefined,
  ) {}

  static async start(dataDir: string | undefined): Promise<EmbeddedPostgres> {
    const lock = dataDir ? DataDirLock.acquire(dataDir) : undefined;
    try {
      const db = await PGlite.create(dataDir);
      const server = new PGLiteSocketServer({
        db,
        host: '127.0.0.1',
        port: 0,
        maxConnections: EMBEDDED_MAX_CONNECTIONS,
      });
      await server.start();
      return new EmbeddedPostgres(db, server, lock);
    } catch (err) {
      lock?.release();
      throw err;
    }
  }

  get url(): string {
    return `postgres://postgres@${this.server.getServerConn()}/postgres`;
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    this.lock?.release();
  }
}
