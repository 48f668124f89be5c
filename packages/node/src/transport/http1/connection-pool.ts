import * as net from 'node:net';
import * as tls from 'node:tls';

/** TLS settings for connections to `https:` collectors. */
export type PoolTlsOptions = Pick<
  tls.ConnectionOptions,
  | 'ca'
  | 'cert'
  | 'key'
  | 'pfx'
  | 'passphrase'
  | 'rejectUnauthorized'
  | 'servername'
  | 'minVersion'
  | 'ciphers'
>;

/** Where a connection goes. */
export interface Origin {
  /** Pool key: scheme, host and port. */
  readonly key: string;
  readonly secure: boolean;
  /** Host name or address to connect to (IPv6 without brackets). */
  readonly host: string;
  readonly port: number;
}

/** Options of a {@link ConnectionPool}. */
export interface ConnectionPoolOptions {
  readonly keepAlive: boolean;
  /** Connections per origin at most; requests past it wait for one to be free. */
  readonly maxSockets: number;
  readonly tls?: PoolTlsOptions;
  readonly lookup?: net.LookupFunction;
  /** How long a free connection stays open. Default {@link FREE_SOCKET_TIMEOUT_MS}. */
  readonly freeSocketTimeoutMs?: number;
}

/**
 * How long a free connection stays open. Shorter than the 5 s keep-alive timeout of Node's HTTP
 * server, the shortest common default, so a connection is rarely reused just as the server drops
 * it (that race surfaces as ECONNRESET and costs a retry).
 */
export const FREE_SOCKET_TIMEOUT_MS = 4_000;

/** Bytes one read of a connection delivers at most, into the buffer its pool reuses. */
export const READ_BUFFER_BYTES = 16 * 1024;

/** The request using a connection: it gets the connection's events while it has it. */
export interface SocketUser {
  /** Bytes read. The chunk is the pool's read buffer: valid only during the call, copy to keep. */
  onData(chunk: Buffer): void;
  onEnd(): void;
  onClose(): void;
  onError(error: Error): void;
}

interface OriginSockets {
  /** Open connections: in use, free or connecting. */
  open: number;
  /** Free connections, the most recently used last. */
  readonly free: net.Socket[];
  readonly waiting: ((socket: net.Socket) => void)[];
}

/**
 * Keep-alive connections per origin, for the HTTP/1.1 transport. A request takes a free
 * connection or opens one (up to `maxSockets`, then it waits) and gives it back once its
 * response is read whole. Free connections never keep the process alive, close after
 * {@link FREE_SOCKET_TIMEOUT_MS}, and are dropped when the server closes them or sends anything.
 *
 * Each connection's listeners are installed once and pass its events to the request using it,
 * so taking and giving back a connection adds and removes no listeners: an emitter sends its next
 * request right after an answer, and that is the path it waits on.
 */
export class ConnectionPool {
  private readonly origins = new Map<string, OriginSockets>();
  private readonly users = new Map<net.Socket, SocketUser | undefined>();
  /** Free connections given back this turn: they are put to sleep on the next one if unused. */
  private readonly drowsy = new Set<net.Socket>();
  /** Where every connection of the pool reads (one read at a time is ever delivered). */
  private readonly readBuffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);

  constructor(private readonly options: ConnectionPoolOptions) {}

  /**
   * Gives `user` a connection to `origin` and calls `use` with it: a free one, a new one (still
   * connecting: writes are queued until it is up, and a failure to connect reaches `onError`),
   * or the next one given back when `maxSockets` are open.
   *
   * @returns a function that withdraws the request while it is still waiting.
   */
  acquire(origin: Origin, user: SocketUser, use: (socket: net.Socket) => void): () => void {
    const entry = this.entry(origin.key);
    const give = (socket: net.Socket) => {
      this.wake(socket);
      this.users.set(socket, user);
      use(socket);
    };
    for (let free = entry.free.pop(); free; free = entry.free.pop()) {
      if (!free.destroyed && !free.readableEnded) {
        give(free);
        return () => {};
      }
      free.destroy();
    }
    if (entry.open < this.options.maxSockets) {
      give(this.open(origin, entry));
      return () => {};
    }
    entry.waiting.push(give);
    return () => {
      const at = entry.waiting.indexOf(give);
      if (at >= 0) entry.waiting.splice(at, 1);
    };
  }

  /** Stops passing the connection's events to its request (the request settled). */
  detach(socket: net.Socket): void {
    if (this.users.has(socket)) this.users.set(socket, undefined);
  }

  /**
   * Gives a connection back after a response. One that may carry another request goes to the
   * next waiting request or is kept free; any other is destroyed.
   */
  release(origin: Origin, socket: net.Socket, reusable: boolean): void {
    this.detach(socket);
    const entry = this.entry(origin.key);
    if (!reusable || !this.options.keepAlive || socket.destroyed) {
      socket.destroy();
      return;
    }
    const next = entry.waiting.shift();
    if (next) {
      next(socket);
      return;
    }
    entry.free.push(socket);
    // Most often the emitter takes it again within this turn: only then is it put to sleep.
    this.drowsy.add(socket);
    setImmediate(() => {
      if (this.drowsy.delete(socket) && !socket.destroyed) this.sleep(socket);
    });
  }

  /** Destroys every connection, in use or free. */
  close(): void {
    // Unref'd first: a destroyed handle is only released a phase of the event loop later.
    for (const socket of this.users.keys()) socket.unref().destroy();
    this.users.clear();
    this.drowsy.clear();
    for (const entry of this.origins.values()) entry.waiting.length = 0;
  }

  private entry(key: string): OriginSockets {
    let entry = this.origins.get(key);
    if (!entry) {
      entry = { open: 0, free: [], waiting: [] };
      this.origins.set(key, entry);
    }
    return entry;
  }

  private open(origin: Origin, entry: OriginSockets): net.Socket {
    const { lookup, tls: tlsOptions } = this.options;
    const deliver = (chunk: Buffer) => {
      const user = this.users.get(socket);
      if (user) user.onData(chunk);
      else socket.destroy();
    };
    // Reads land in the pool's one buffer and go straight to the request using the connection.
    // Node's readable stream would make a Buffer per read and emit it through 'data' and
    // nextTick bookkeeping: ~10 µs per answer, on the path between an answer and the next request.
    const onread = {
      buffer: this.readBuffer,
      callback: (bytes: number): boolean => {
        deliver(this.readBuffer.subarray(0, bytes));
        return true; // keep reading
      },
    };
    const common = {
      host: origin.host,
      port: origin.port,
      onread,
      ...(lookup ? { lookup } : {}),
    };
    const socket = origin.secure
      ? tls.connect({
          ...common,
          // SNI takes a host name, never an address.
          ...(net.isIP(origin.host) === 0 ? { servername: origin.host } : {}),
          ALPNProtocols: ['http/1.1'],
          ...tlsOptions,
        })
      : net.connect(common);
    socket.setNoDelay(true);
    if (this.options.keepAlive) socket.setKeepAlive(true, 1_000);
    entry.open++;
    this.users.set(socket, undefined);
    // A free connection that hears from the server (data, end, error, idle timeout) is dropped;
    // errors between requests are handled here rather than left unhandled.
    const drop = () => socket.destroy();
    // A runtime that ignored `onread` emits the bytes as 'data' events instead.
    socket.on('data', deliver);
    socket.on('end', () => (this.users.get(socket) ?? { onEnd: drop }).onEnd());
    socket.on('error', (error: Error) => this.users.get(socket)?.onError(error));
    socket.on('timeout', () => {
      if (!this.users.get(socket)) drop();
    });
    socket.once('close', () => {
      const user = this.users.get(socket);
      entry.open--;
      this.users.delete(socket);
      this.drowsy.delete(socket);
      const at = entry.free.indexOf(socket);
      if (at >= 0) entry.free.splice(at, 1);
      user?.onClose();
      // A slot opened: a waiting request gets a new connection.
      const next = entry.waiting.shift();
      if (next) next(this.open(origin, entry));
    });
    return socket;
  }

  // A free connection left unused for a turn: unref'd and closed after the idle timeout.
  private sleep(socket: net.Socket): void {
    socket.setTimeout(this.options.freeSocketTimeoutMs ?? FREE_SOCKET_TIMEOUT_MS);
    socket.unref();
  }

  private wake(socket: net.Socket): void {
    // Taken within the turn it was given back: it never slept.
    if (this.drowsy.delete(socket)) return;
    socket.setTimeout(0);
    socket.ref();
  }
}
