import type * as net from 'node:net';
import type { LookupFunction } from 'node:net';
import { URL } from 'node:url';
import {
  type Transport,
  TransportError,
  type TransportRequest,
  type TransportResponse,
} from '@floe/core';
import {
  ConnectionPool,
  type Origin,
  type PoolTlsOptions,
  type SocketUser,
} from './http1/connection-pool';
import { requestHead } from './http1/request-head';
import { ResponseParser } from './http1/response-parser';
import { toTransportError } from './to-transport-error';

/** TLS settings of connections to `https:` collectors (`tls.connect` options). */
export type NodeTlsOptions = PoolTlsOptions;

/** Options of {@link makeNodeHttpTransport}. */
export interface NodeHttpTransportOptions {
  /** Reuse connections between requests. Default true. */
  readonly keepAlive?: boolean;
  /** Connections per origin at most. Default 10 (an emitter sends one request at a time). */
  readonly maxSockets?: number;
  /** TLS settings: a private CA, client certificates, `rejectUnauthorized`… */
  readonly tls?: NodeTlsOptions;
  /** DNS lookup used to resolve the collector's host (default `dns.lookup`). */
  readonly lookup?: LookupFunction;
  /** Response body bytes read at most; the rest is discarded unread. Default 64 KiB. */
  readonly maxResponseBytes?: number;
}

interface Context {
  /** The last URL resolved: an emitter sends to one URL over and over. */
  lastTarget: Target | undefined;
  readonly pool: ConnectionPool;
  readonly keepAlive: boolean;
  readonly maxResponseBytes: number;
}

/** A collector URL, parsed once into what a request needs. */
interface Target {
  readonly text: string;
  readonly url: URL;
  readonly origin: Origin;
  /** Path and query. */
  readonly path: string;
  /** The `Authorization` header for credentials in the URL. */
  readonly authorization: string | undefined;
}

function resolveTarget(ctx: Context, text: string): Target {
  if (ctx.lastTarget?.text === text) return ctx.lastTarget;
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(url.protocol);
  const secure = url.protocol === 'https:';
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const port = url.port === '' ? (secure ? 443 : 80) : Number(url.port);
  const credentials =
    url.username || url.password
      ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
      : undefined;
  const target: Target = {
    text,
    url,
    origin: { key: `${url.protocol}//${host}:${port}`, secure, host, port },
    path: `${url.pathname}${url.search}`,
    authorization: credentials && `Basic ${Buffer.from(credentials).toString('base64')}`,
  };
  ctx.lastTarget = target;
  return target;
}

/** Node reports a connection closed before the answer as `socket hang up`, ECONNRESET. */
function hangUp(): Error {
  return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
}

/**
 * One attempt: resolves with the status once the body is read (at most `maxResponseBytes`, never
 * kept) or cut; rejects with a TransportError when no status arrived. A 307/308 is followed once
 * with the same method and body; every other status, 301/302/303 included, is reported as is.
 */
function send(
  ctx: Context,
  request: TransportRequest,
  deadline: number,
  redirected: boolean,
): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    let target: Target;
    try {
      target = resolveTarget(ctx, request.url);
    } catch (error) {
      reject(
        new TransportError(`invalid collector URL ${request.url}`, {
          causeCode: 'ERR_INVALID_URL',
          cause: error,
        }),
      );
      return;
    }
    const { url, origin } = target;
    const label = `${request.method} ${url.origin}`;
    // Bytes the emitter prepared go as they are. A string is written as it is: the socket encodes
    // it into memory it frees once written, where a Buffer made here would wait for the garbage
    // collector.
    const body = request.bodyBytes ?? request.body;
    const bodyBytes =
      body === undefined
        ? undefined
        : typeof body === 'string'
          ? Buffer.byteLength(body, 'utf8')
          : body.byteLength;
    let head: string;
    try {
      const headers =
        target.authorization === undefined || hasHeader(request.headers, 'authorization')
          ? request.headers
          : { ...request.headers, authorization: target.authorization };
      head = requestHead(
        {
          method: request.method,
          path: target.path,
          host: url.host,
          contentLength: bodyBytes,
          keepAlive: ctx.keepAlive,
        },
        headers,
      );
    } catch (error) {
      reject(toTransportError(error, label));
      return;
    }

    let socket: net.Socket | undefined;
    let response: TransportResponse | undefined;
    let settled = false;
    let read = 0;
    let sent = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      withdraw();
      if (socket) ctx.pool.detach(socket);
      outcome();
    };
    const fail = (error: TransportError) => {
      socket?.destroy();
      // Once a status has arrived it decides the outcome (a reset mid-body after a 200 is fine).
      finish(() => (response ? resolve(response) : reject(error)));
    };
    const parser = new ResponseParser({
      onHead(answer) {
        const { status, headers } = answer;
        const location = headers['location'];
        if ((status === 307 || status === 308) && !redirected && location) {
          // The rest of this answer is not needed: drop the connection rather than read it.
          socket?.destroy();
          let next: string;
          try {
            next = new URL(location, url).href;
          } catch {
            finish(() => resolve({ status, headers }));
            return;
          }
          finish(() => resolve(send(ctx, { ...request, url: next }, deadline, true)));
          return;
        }
        response = { status, headers };
      },
      onBody(bytes) {
        // Bytes are counted and dropped, never kept; past the cap the connection is cut.
        read += bytes;
        if (read >= ctx.maxResponseBytes) fail(new TransportError(`${label}: body cut`));
      },
      onComplete(reusable) {
        const used = socket;
        finish(() => resolve(response as TransportResponse));
        // A server may answer before it has read the whole body (a 413, say). The connection is
        // then dropped, not reused: what is left of the body is not sent after the answer, and
        // bytes the emitter prepared are not read after it may write the next body into them.
        if (used) ctx.pool.release(origin, used, reusable && sent);
      },
    });
    const user: SocketUser = {
      onData(chunk) {
        try {
          parser.push(chunk);
        } catch (error) {
          fail(toTransportError(error, label));
        }
      },
      onEnd() {
        parser.end();
        if (!settled) fail(toTransportError(hangUp(), label));
      },
      onClose: () => fail(toTransportError(hangUp(), label)),
      onError: (error) => fail(toTransportError(error, label)),
    };
    const onAbort = () =>
      fail(new TransportError(`${label}: request aborted`, { causeCode: 'ABORT_ERR' }));
    const timer = setTimeout(
      () =>
        fail(
          new TransportError(`${label}: no answer within ${request.timeoutMs} ms`, {
            timeout: true,
            causeCode: 'ETIMEDOUT',
          }),
        ),
      Math.max(0, deadline - performance.now()),
    );
    timer.unref();
    let withdraw: () => void = () => {};
    request.signal?.addEventListener('abort', onAbort, { once: true });
    if (request.signal?.aborted) {
      onAbort();
      return;
    }
    withdraw = ctx.pool.acquire(origin, user, (given) => {
      socket = given;
      const onSent = request.onSent;
      const written = (error?: Error | null) => {
        if (error) return;
        sent = true;
        if (!settled) onSent?.();
      };
      given.cork();
      if (body !== undefined && bodyBytes !== 0) {
        given.write(head, 'latin1');
        if (typeof body === 'string') given.write(body, 'utf8', written);
        else given.write(body, written);
      } else {
        given.write(head, 'latin1', written);
      }
      given.uncork();
    });
  });
}

function hasHeader(headers: Readonly<Record<string, string>>, name: string): boolean {
  for (const key in headers) if (key.toLowerCase() === name) return true;
  return false;
}

/**
 * Makes a {@link Transport} that speaks HTTP/1.1 itself over `node:net` and `node:tls`
 * keep-alive connections: a request is one preformatted head and the body written together, and
 * the answer is read by a small parser (status, headers, a body framed by Content-Length, chunks
 * or the end of the connection) that keeps none of the body. That costs far less per request
 * than `node:http`'s client, which matters to an emitter that sends one request at a time.
 * Requests time out (and are aborted) after `timeoutMs`; a 307/308 is followed once with the same
 * method and body; at most 64 KiB of a response body is read. Errors reject with core's
 * `TransportError`, whose `causeCode` is the system code (`ECONNRESET`, `ECONNREFUSED`,
 * `ENOTFOUND`, TLS codes…). Free connections never keep the process alive and close after 4 s;
 * `close()` destroys them.
 *
 * @param options - keep-alive, socket limit, TLS settings and a DNS lookup seam.
 * @returns the transport.
 * @example
 * const transport = makeNodeHttpTransport({ tls: { ca: readFileSync('ca.pem') } });
 * const tracker = createNodeTracker({ endpoint, namespace: 'api', transport });
 */
export function makeNodeHttpTransport(options: NodeHttpTransportOptions = {}): Transport {
  const keepAlive = options.keepAlive ?? true;
  const ctx: Context = {
    lastTarget: undefined,
    pool: new ConnectionPool({
      keepAlive,
      maxSockets: options.maxSockets ?? 10,
      tls: options.tls,
      lookup: options.lookup,
    }),
    keepAlive,
    maxResponseBytes: options.maxResponseBytes ?? 64 * 1024,
  };
  let closed = false;
  return {
    reportsSent: true,
    acceptsBytes: true,
    makeRequest(request) {
      if (closed)
        return Promise.reject(
          new TransportError('transport is closed', { causeCode: 'ERR_CLOSED' }),
        );
      return send(ctx, request, performance.now() + request.timeoutMs, false);
    },
    close() {
      closed = true;
      ctx.pool.close();
    },
  };
}
