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
}

/**
 * How long a free connection stays open. Shorter than the 5 s keep-alive timeout of Node's HTTP
 * server, the shortest common default, so a connection is rarely reused just as the server drops
 * it (that race surfaces as ECONNRESET and costs a retry).
 */
export const FREE_SOCKET_TIMEOUT_MS = 4_000;

interface OriginSockets {
  /** Open connections: in use, free or connecting. */
  open: number;
  readonly free: net.Socket[];
  readonly waiting: ((socket: net.Socket) => void)[];
}

/**
 * Keep-alive connections per origin, for the HTTP/1.1 transport. A request takes a free
 * connection or opens one (up to `maxSockets`, then it waits) and gives it back once its
 * response is read whole. Free connections never keep the process alive, close after
 * {@link FREE_SOCKET_TIMEOUT_MS}, and are dropped when the server closes them.
 */
export class ConnectionPool {
  private readonly origins = new Map<string, OriginSockets>();
  private readonly sockets = new Set<net.Socket>();
  /** For each free connection, what undoes its free-state listeners. */
  private readonly wakers = new Map<net.Socket, () => void>();

  constructor(private readonly options: ConnectionPoolOptions) {}

  /**
   * Calls `use` with a connection to `origin`: a free one, a new one (still connecting: writes
   * are queued until it is up, and a failure to connect is its `error` event), or the next one
   * given back when `maxSockets` are open.
   *
   * @returns a function that withdraws the request while it is still waiting.
   */
  acquire(origin: Origin, use: (socket: net.Socket) => void): () => void {
    const entry = this.entry(origin.key);
    const free = entry.free.pop();
    if (free) {
      this.wake(free);
      use(free);
      return () => {};
    }
    if (entry.open < this.options.maxSockets) {
      use(this.open(origin, entry));
      return () => {};
    }
    const waiter = (socket: net.Socket) => use(socket);
    entry.waiting.push(waiter);
    return () => {
      const at = entry.waiting.indexOf(waiter);
      if (at >= 0) entry.waiting.splice(at, 1);
    };
  }

  /**
   * Gives a connection back after a response. One that may carry another request goes to the
   * next waiting request or is kept free; any other is destroyed.
   */
  release(origin: Origin, socket: net.Socket, reusable: boolean): void {
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
    this.sleep(entry, socket);
  }

  /** Destroys every connection, in use or free. */
  close(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    this.wakers.clear();
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
    const common = { host: origin.host, port: origin.port, ...(lookup ? { lookup } : {}) };
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
    // Errors reach the request using the socket; this keeps one that comes after the request
    // settled (or between requests) from being an unhandled 'error' event.
    socket.on('error', () => {});
    if (this.options.keepAlive) socket.setKeepAlive(true, 1_000);
    entry.open++;
    this.sockets.add(socket);
    socket.once('close', () => {
      entry.open--;
      this.sockets.delete(socket);
      const at = entry.free.indexOf(socket);
      if (at >= 0) entry.free.splice(at, 1);
      this.wakers.delete(socket);
      // A slot opened: a waiting request gets a new connection.
      const next = entry.waiting.shift();
      if (next) next(this.open(origin, entry));
    });
    return socket;
  }

  // A free connection: unref'd, closed on idle timeout, dropped on any sign from the server.
  private sleep(entry: OriginSockets, socket: net.Socket): void {
    const drop = () => socket.destroy();
    socket.on('data', drop);
    socket.on('end', drop);
    socket.on('error', drop);
    socket.on('timeout', drop);
    socket.setTimeout(FREE_SOCKET_TIMEOUT_MS);
    socket.unref();
    this.wakers.set(socket, () => {
      socket.off('data', drop);
      socket.off('end', drop);
      socket.off('error', drop);
      socket.off('timeout', drop);
      socket.setTimeout(0);
      socket.ref();
    });
    entry.free.push(socket);
  }

  private wake(socket: net.Socket): void {
    this.wakers.get(socket)?.();
    this.wakers.delete(socket);
  }
}
