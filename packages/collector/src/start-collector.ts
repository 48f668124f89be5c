import { createServer, type Server } from 'node:http';
import { isIP } from 'node:net';
import { type CollectorApp, createCollectorApp } from './collector-app';
import { CollectorError } from './collector-error';
import type { CollectorOptions } from './collector-options';
import { createClientErrorHandler } from './http/client-error';

/** A running collector: its address, the inspection API in-process, and `close`. */
export interface Collector extends Omit<CollectorApp, 'close' | 'listener'> {
  /** Base URL, e.g. `http://127.0.0.1:9090` (use it as the tracker endpoint). */
  readonly url: string;
  /** The web UI, `<url>/micro/ui`. */
  readonly uiUrl: string;
  readonly host: string;
  /** The bound port (the real one when `port: 0` was asked for). */
  readonly port: number;
  /** The Node server, for advanced use. */
  readonly server: Server;
  /** Stops listening, drops open connections and closes the storage. */
  close(): Promise<void>;
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function urlHost(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

/**
 * Starts the local collector: Snowplow tracker-protocol routes with pipeline-grade validation,
 * a Micro-compatible inspection API and a web UI at `/micro/ui`. Results are committed before
 * each response, so tests can assert right after a tracker's request completes.
 *
 * @param options - see `CollectorOptions`; defaults: `127.0.0.1:9090`, memory storage
 * @example
 * const collector = await startCollector({ port: 0, schemaDirs: ['schemas'] });
 * // point a tracker at collector.url, send events, then:
 * expect(collector.all()).toEqual({ total: 1, good: 1, bad: 0 });
 * await collector.close();
 */
export async function startCollector(options: CollectorOptions = {}): Promise<Collector> {
  const app = await createCollectorApp(options);
  const { options: resolved } = app;
  // Room for the longest allowed request line plus headers; the listener checks each limit.
  const maxHeaderSize = resolved.maxRequestLineLength + resolved.maxHeadersLength + 1024;
  const server = createServer({ maxHeaderSize }, app.listener);
  server.keepAliveTimeout = resolved.idleTimeoutMs;
  server.on('clientError', createClientErrorHandler(resolved.maxRequestLineLength));
  // `Expect: 100-continue`: refuse an announced oversize body before the client uploads it.
  server.on('checkContinue', (req, res) => {
    if (Number(req.headers['content-length']) > resolved.dropPayloadSize) {
      res.writeHead(413, { 'Content-Type': 'text/plain', Connection: 'close' });
      res.end('payload too large');
      return;
    }
    res.writeContinue();
    app.listener(req, res);
  });
  if (!resolved.hostExplicit) {
    // Defence in depth: without an explicit host only loopback peers are served.
    server.on('connection', (socket) => {
      if (!isLoopback(socket.remoteAddress)) socket.destroy();
    });
  }
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(resolved.port, resolved.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    app.close();
    const inUse = (error as { code?: unknown }).code === 'EADDRINUSE';
    const why = inUse
      ? `port ${resolved.port} is in use (port: 0 picks a free one)`
      : (error as Error).message;
    const message = `Cannot listen on ${resolved.host}:${resolved.port}: ${why}`;
    throw new CollectorError('listen_failed', message, { cause: error });
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : resolved.port;
  const url = `http://${urlHost(resolved.host)}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    options: resolved,
    schemaRoots: app.schemaRoots,
    ingest: app.ingest,
    all: app.all,
    good: app.good,
    bad: app.bad,
    reset: app.reset,
    schema: app.schema,
    specs: app.specs,
    reloadSchemas: app.reloadSchemas,
    evicted: app.evicted,
    url,
    uiUrl: `${url}/micro/ui`,
    host: resolved.host,
    port,
    server,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          app.close();
          resolve();
        });
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
