import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { handleControl } from './control-routes';
import { Exchange } from './exchange';
import type { FaultAction } from './fault-action';
import { FaultScript, isEventRoute } from './fault-script';
import { parseGet, parsePost } from './parse-events';
import { validatePayloadData } from './payload-data-validator';
import { committedEids, type DeliveryLog, type RequestLogEntry } from './request-log';
import { answerNormally, type FaultActionContext, runFaultAction } from './run-fault-action';

/** Options of {@link startFaultServer}. */
export interface FaultServerOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  readonly port?: number;
  /** Serve HTTPS with this certificate (see `tlsFixture()`). */
  readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer };
  /**
   * Model stale keep-alive sockets (decision 25): a request arriving on a connection that already
   * served one is reset before it is read, as when a server closes an idle socket just as the
   * client reuses it.
   */
  readonly staleKeepAlive?: boolean;
  /** Arrival-time clock in ms; `performance.now()` by default. */
  readonly clock?: () => number;
}

/** A bad row the pipeline would record instead of the request's events. */
export interface BadRow {
  readonly seq: number;
  readonly reason: string;
}

/** A scriptable loopback collector (local-collector.md §10, reliability.md §3). */
export interface FaultServer extends DeliveryLog {
  readonly url: string;
  readonly port: number;
  /** Replaces the fault script. */
  script(actions: readonly FaultAction[]): void;
  /** Appends to the fault script. */
  push(...actions: readonly FaultAction[]): void;
  /** Script actions not used up. */
  readonly pendingActions: number;
  readonly badRows: readonly BadRow[];
  /** Eids of every committed event, one per copy. */
  receivedEids(): string[];
  /** Requests whose events were stored although the client got no 2xx. */
  ambiguousCount(): number;
  /** Clears the log, bad rows and script. */
  reset(): void;
  setStaleKeepAlive(on: boolean): void;
  /** Stops listening (new connections are refused) and drops open connections. */
  stopListening(forMs?: number): Promise<void>;
  /** Listens again on the same port. */
  reopen(): Promise<void>;
  /** Stops for good: every socket and timer released. */
  close(): Promise<void>;
}

/**
 * Starts a real HTTP(S) server on 127.0.0.1 that behaves as a Snowplow collector (tp2 POST, GET
 * `/i`, size rules: a body over 1,048,576 B is a size-violation bad row with 200, over
 * 2,097,152 B a 413) and follows a fault script: `respond`, `delay`, `hang`, `resetBeforeRead`,
 * `resetAfterCommit`, `partialRead`, `headersThenDestroy`, `close`. Every request is logged with
 * its events, their `stm`, what was committed and whether the attempt was ambiguous. POST bodies
 * are checked as the pipeline does (Content-Type, UTF-8, `payload_data` 1-0-4).
 *
 * @example
 * const server = await startFaultServer();
 * server.script([{ type: 'respond', status: 503, times: 3 }]);
 * // … point an emitter at server.url …
 * await server.close();
 */
export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  const clock = options.clock ?? (() => performance.now());
  // Compile the payload_data validator now: compiling on the first request takes longer than the
  // 200 ms test-scale timeout and would turn it into a spurious retry.
  validatePayloadData([]);
  const script = new FaultScript();
  let log: RequestLogEntry[] = [];
  let badRows: BadRow[] = [];
  let staleKeepAlive = options.staleKeepAlive ?? false;
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  const served = new WeakMap<Socket, number>();
  let listening = false;
  let closed = false;
  let reopenTimer: NodeJS.Timeout | undefined;

  const later = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const commit = (ex: Exchange, body: Buffer | undefined): boolean => {
    if (ex.clientGone) {
      ex.entry.status = 'client_aborted';
      return false;
    }
    const { entry } = ex;
    if (entry.bytes > 1_048_576) {
      entry.badRow = 'size violation';
      badRows.push({ seq: entry.seq, reason: entry.badRow });
      return true;
    }
    const parsed =
      entry.method === 'POST' && body ? parsePost(ex.req.headers, body) : parseGet(entry.query);
    entry.events = parsed.events;
    if (parsed.badRow) {
      entry.badRow = parsed.badRow;
      badRows.push({ seq: entry.seq, reason: parsed.badRow });
      return true;
    }
    entry.committed = entry.events.length > 0;
    return true;
  };

  // Parses without storing, so the log shows what an uncommitted attempt carried (and its stm).
  const inspect = (ex: Exchange, body: Buffer | undefined): void => {
    const { entry } = ex;
    if (entry.bytes > 1_048_576) return;
    const parsed =
      entry.method === 'POST' && body ? parsePost(ex.req.headers, body) : parseGet(entry.query);
    entry.events = parsed.events;
  };

  const actionContext: FaultActionContext = {
    commit,
    inspect,
    later,
    stopListening: (forMs) => server.stopListening(forMs),
  };

  const handleNormally = async (ex: Exchange): Promise<void> => {
    const body = ex.entry.method === 'POST' ? await ex.readBody() : undefined;
    if (ex.entry.bytes > 2_097_152) {
      ex.send(413, { 'content-type': 'text/plain' }, 'payload too large');
      return;
    }
    if (commit(ex, body)) answerNormally(ex);
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const entry: RequestLogEntry = {
      seq: log.length + 1,
      arrivedAt: clock(),
      method,
      path: url.pathname,
      query: url.search.slice(1),
      headers: { ...req.headers },
      bytes: 0,
      contentType: req.headers['content-type'],
      action: 'normal',
      status: 'none',
      events: [],
      committed: false,
      ambiguous: false,
      responseBytes: 0,
    };
    log.push(entry);
    const ex = new Exchange(req, res, entry);
    const socket = req.socket;
    const count = served.get(socket) ?? 0;
    served.set(socket, count + 1);
    if (staleKeepAlive && count > 0) {
      entry.action = 'staleKeepAlive';
      ex.reset();
      return;
    }
    if (url.pathname.startsWith('/_floe/')) {
      void handleControl(ex, server, script);
      return;
    }
    const action = script.take(method, url.pathname);
    if (action) {
      void runFaultAction(ex, action, actionContext);
    } else if (isEventRoute(method, url.pathname)) {
      void handleNormally(ex);
    } else if (method === 'OPTIONS') {
      ex.send(200, { 'access-control-allow-origin': '*' });
    } else {
      ex.send(url.pathname === '/health' ? 200 : 404, { 'content-type': 'text/plain' }, '');
    }
  };

  const http = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, onRequest)
    : createHttpServer(onRequest);
  http.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  http.on('tlsClientError', () => undefined);

  const listen = (port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      http.once('error', reject);
      http.listen(port, '127.0.0.1', () => {
        http.off('error', reject);
        listening = true;
        const address = http.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });

  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (!listening) {
        resolve();
        return;
      }
      listening = false;
      http.close(() => resolve());
      http.closeAllConnections();
      for (const socket of sockets) socket.destroy();
    });

  const port = await listen(options.port ?? 0);
  const scheme = options.tls ? 'https' : 'http';

  const server: FaultServer = {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    get requests() {
      return log;
    },
    get badRows() {
      return badRows;
    },
    get pendingActions() {
      return script.pending;
    },
    script: (actions) => script.set(actions),
    push: (...actions) => script.push(actions),
    receivedEids: () => committedEids(server),
    ambiguousCount: () => log.filter((entry) => entry.ambiguous).length,
    reset() {
      log = [];
      badRows = [];
      script.set([]);
    },
    setStaleKeepAlive(on) {
      staleKeepAlive = on;
    },
    async stopListening(forMs) {
      await stop();
      if (forMs !== undefined && !closed) {
        clearTimeout(reopenTimer);
        reopenTimer = setTimeout(() => void server.reopen(), forMs);
      }
    },
    async reopen() {
      clearTimeout(reopenTimer);
      if (listening || closed) return;
      await listen(port);
    },
    async close() {
      closed = true;
      clearTimeout(reopenTimer);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await stop();
    },
  };
  return server;
}
