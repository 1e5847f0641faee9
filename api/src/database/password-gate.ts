import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import * as net from 'node:net';

/** PostgreSQL wire-protocol codes of the messages a connection may send before it is authenticated. */
const PROTOCOL_3 = 196608;
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
/** Nothing a client legitimately sends before it is authenticated comes near this. */
const MAX_PRE_AUTH_MESSAGE = 10_000;
/** A connection that has not authenticated by then is closed. */
const AUTH_TIMEOUT_MS = 10_000;
const ITERATIONS = 4096;
const MECHANISM = 'SCRAM-SHA-256';

const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest();
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();

/** A backend message: type byte, length, body. */
function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

function authentication(code: number, data: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(4);
  head.writeInt32BE(code, 0);
  return message('R', Buffer.concat([head, data]));
}

function fatal(code: string, text: string): Buffer {
  const field = (name: string, value: string) => Buffer.concat([Buffer.from(name, 'latin1'), Buffer.from(value, 'utf8'), Buffer.alloc(1)]);
  return message('E', Buffer.concat([field('S', 'FATAL'), field('V', 'FATAL'), field('C', code), field('M', text), Buffer.alloc(1)]));
}

/** `a=1,b=2` → { a: '1', b: '2' } (values may contain '='). */
function attributes(text: string): Record<string, string> {
  return Object.fromEntries(text.split(',').map((part) => [part.slice(0, 1), part.slice(2)]));
}

class Refused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A password in front of a PostgreSQL wire-protocol server that has none (PGlite's socket server, which
 * accepts any startup as the superuser): a loopback TCP listener that authenticates each connection
 * with SCRAM-SHA-256 (RFC 5802/7677, as PostgreSQL itself does, so the password never crosses the socket)
 * and only then connects it to `upstream`, replaying the client's startup message. Nothing a client sends
 * before it has proved the password reaches the database.
 */
export class PasswordGate {
  private readonly sockets = new Set<net.Socket>();
  private readonly salt = randomBytes(16);
  private readonly storedKey: Buffer;
  private readonly serverKey: Buffer;

  private constructor(
    private readonly server: net.Server,
    private readonly upstream: string,
    readonly user: string,
    password: string,
  ) {
    const salted = pbkdf2Sync(password, this.salt, ITERATIONS, 32, 'sha256');
    this.storedKey = sha256(hmac(salted, 'Client Key'));
    this.serverKey = hmac(salted, 'Server Key');
  }

  /** Listens on 127.0.0.1 (a free port) and forwards authenticated connections to the socket `upstream`. */
  static async start(upstream: string, user: string, password: string): Promise<PasswordGate> {
    const server = net.createServer();
    const gate = new PasswordGate(server, upstream, user, password);
    server.on('connection', (socket) => gate.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return gate;
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => client.destroy());
    client.setTimeout(AUTH_TIMEOUT_MS, () => client.destroy());
    let buffer = Buffer.alloc(0);
    let startup: Buffer | undefined;
    let step: 'startup' | 'initial' | 'final' = 'startup';
    let scram: { clientFirstBare: string; serverFirst: string; nonce: string; gs2: string } | undefined;

    const refuse = (err: Refused) => {
      client.removeAllListeners('data');
      client.end(fatal(err.code, err.message));
    };

    /** One complete message off the buffer, or undefined until it has arrived. */
    const take = (typed: boolean): Buffer | undefined => {
      const head = typed ? 5 : 4;
      if (buffer.length < head) return undefined;
      const length = buffer.readInt32BE(typed ? 1 : 0) + (typed ? 1 : 0);
      if (length < head || length > MAX_PRE_AUTH_MESSAGE) throw new Refused('08P01', 'invalid message length');
      if (buffer.length < length) return undefined;
      const whole = buffer.subarray(0, length);
      buffer = buffer.subarray(length);
      return whole;
    };

    const onStartup = (whole: Buffer): void => {
      const code = whole.readInt32BE(4);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
        client.write('N');
        return;
      }
      if (code === CANCEL_REQUEST) throw new Refused('08P01', 'cancel requests are not supported');
      if (code !== PROTOCOL_3) throw new Refused('08P01', 'unsupported frontend protocol');
      const parts = whole.subarray(8).toString('utf8').split('\0');
      const params = new Map<string, string>();
      for (let i = 0; i + 1 < parts.length && parts[i]; i += 2) params.set(parts[i], parts[i + 1]);
      if (params.get('user') !== this.user) throw new Refused('28P01', `password authentication failed for user "${params.get('user') ?? ''}"`);
      startup = Buffer.from(whole);
      step = 'initial';
      client.write(authentication(10, Buffer.from(`${MECHANISM}\0\0`, 'latin1')));
    };

    const onInitial = (whole: Buffer): void => {
      if (whole[0] !== 0x70) throw new Refused('28000', 'authentication required');
      const body = whole.subarray(5);
      const end = body.indexOf(0);
      if (end < 0 || body.subarray(0, end).toString('latin1') !== MECHANISM) throw new Refused('28000', `only ${MECHANISM} is supported`);
      const length = body.readInt32BE(end + 1);
      const text = body.subarray(end + 5, end + 5 + length).toString('utf8');
      // gs2 header: no channel binding ("n") or a client that could but sees the server cannot ("y").
      const match = /^([ny]),,(.*)$/.exec(text);
      if (!match) throw new Refused('28000', 'unsupported SCRAM channel binding');
      const clientFirstBare = match[2];
      const clientNonce = attributes(clientFirstBare).r;
      if (!clientNonce) throw new Refused('08P01', 'malformed SCRAM message');
      const nonce = clientNonce + randomBytes(18).toString('base64');
      const serverFirst = `r=${nonce},s=${this.salt.toString('base64')},i=${ITERATIONS}`;
      scram = { clientFirstBare, serverFirst, nonce, gs2: `${match[1]},,` };
      step = 'final';
      client.write(authentication(11, Buffer.from(serverFirst, 'utf8')));
    };

    const onFinal = (whole: Buffer): void => {
      if (whole[0] !== 0x70 || !scram) throw new Refused('28000', 'authentication required');
      const clientFinal = whole.subarray(5).toString('utf8');
      const withoutProof = clientFinal.replace(/,p=[^,]*$/, '');
      const fields = attributes(clientFinal);
      const proof = Buffer.from(fields.p ?? '', 'base64');
      const authMessage = `${scram.clientFirstBare},${scram.serverFirst},${withoutProof}`;
      const signature = hmac(this.storedKey, authMessage);
      const proven =
        fields.c === Buffer.from(scram.gs2).toString('base64') &&
        fields.r === scram.nonce &&
        proof.length === signature.length &&
        timingSafeEqual(sha256(Buffer.from(proof.map((byte, i) => byte ^ signature[i]))), this.storedKey);
      if (!proven) throw new Refused('28P01', `password authentication failed for user "${this.user}"`);
      client.removeAllListeners('data');
      client.setTimeout(0);
      client.write(authentication(12, Buffer.from(`v=${hmac(this.serverKey, authMessage).toString('base64')}`, 'utf8')));
      this.connect(client, Buffer.concat([startup as Buffer, buffer]));
    };

    client.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      try {
        for (;;) {
          const whole = take(step !== 'startup');
          if (!whole) return;
          if (step === 'startup') onStartup(whole);
          else if (step === 'initial') onInitial(whole);
          else return onFinal(whole);
        }
      } catch (err) {
        if (err instanceof Refused) refuse(err);
        else client.destroy();
      }
    });
  }

  /** Hands an authenticated client to the database: its startup message first, then both ways. */
  private connect(client: net.Socket, first: Buffer): void {
    client.pause();
    const upstream = net.connect(this.upstream);
    this.sockets.add(upstream);
    upstream.on('close', () => {
      this.sockets.delete(upstream);
      client.destroy();
    });
    client.on('close', () => upstream.destroy());
    upstream.on('error', () => upstream.destroy());
    upstream.once('connect', () => {
      upstream.write(first);
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  }
}
