import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import { URL } from 'node:url';
import {
  type Transport,
  TransportError,
  type TransportRequest,
  type TransportResponse,
} from '@floe/core';
import { toTransportError } from './to-transport-error';

/** TLS settings passed to the `https` agent. */
export type NodeTlsOptions = Pick<
  https.AgentOptions,
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

/** Options of {@link makeNodeHttpTransport}. */
export interface NodeHttpTransportOptions {
  /** Reuse connections between requests. Default true. */
  readonly keepAlive?: boolean;
  /** Sockets per host at most. Default 10 (an emitter sends one request at a time). */
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
  readonly http: http.Agent;
  readonly https: https.Agent;
  readonly lookup: LookupFunction | undefined;
  readonly maxResponseBytes: number;
}

/** A collector URL, parsed once into what `http.request` needs. */
interface Target {
  readonly text: string;
  readonly url: URL;
  readonly secure: boolean;
  readonly options: http.RequestOptions;
}

function resolveTarget(ctx: Context, text: string): Target {
  if (ctx.lastTarget?.text === text) return ctx.lastTarget;
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(url.protocol);
  const secure = url.protocol === 'https:';
  const target: Target = {
    text,
    url,
    secure,
    // Plain options rather than the URL object: http.request would convert the URL every time.
    options: {
      protocol: url.protocol,
      hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      port: url.port === '' ? undefined : Number(url.port),
      path: `${url.pathname}${url.search}`,
      agent: secure ? ctx.https : ctx.http,
      ...(url.username || url.password
        ? { auth: `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` }
        : {}),
      ...(ctx.lookup ? { lookup: ctx.lookup } : {}),
    },
  };
  ctx.lastTarget = target;
  return target;
}

function headersOf(res: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
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
    const { url, secure } = target;
    const label = `${request.method} ${url.origin}`;
    const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    const headers: Record<string, string> = { ...request.headers };
    if (body) headers['content-length'] = String(body.length);
    let response: TransportResponse | undefined;
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const fail = (error: TransportError) => {
      req.destroy();
      // Once a status has arrived it decides the outcome (a reset mid-body after a 200 is fine).
      finish(() => (response ? resolve(response) : reject(error)));
    };
    const onAbort = () =>
      fail(new TransportError(`${label}: request aborted`, { causeCode: 'ABORT_ERR' }));
    const req = (secure ? https : http).request({
      ...target.options,
      method: request.method,
      headers,
    });
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
    request.signal?.addEventListener('abort', onAbort, { once: true });
    if (request.signal?.aborted) onAbort();
    req.on('error', (error) => fail(toTransportError(error, label)));
    if (request.onSent) req.once('finish', request.onSent);
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if ((status === 307 || status === 308) && !redirected && location) {
        res.destroy();
        let next: string;
        try {
          next = new URL(location, url).href;
        } catch {
          finish(() => resolve({ status, headers: headersOf(res) }));
          return;
        }
        finish(() => resolve(send(ctx, { ...request, url: next }, deadline, true)));
        return;
      }
      // Copied now: a lazy copy would keep the whole response (and its request) alive.
      response = { status, headers: headersOf(res) };
      let read = 0;
      const done = () => finish(() => resolve(response!));
      res.on('data', (chunk: Buffer) => {
        // Chunks are counted and dropped, never kept; past the cap the connection is cut.
        read += chunk.length;
        if (read >= ctx.maxResponseBytes) {
          res.destroy();
          done();
        }
      });
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
    });
    req.end(body);
  });
}

/**
 * Makes a {@link Transport} over `node:http` and `node:https` with keep-alive agents. Requests
 * time out (and are aborted) after `timeoutMs`; a 307/308 is followed once with the same method
 * and body; at most 64 KiB of a response body is read. Errors reject with core's `TransportError`,
 * whose `causeCode` is the system code (`ECONNRESET`, `ECONNREFUSED`, `ENOTFOUND`, TLS codes…).
 * Idle pooled sockets never keep the process alive; `close()` destroys them.
 *
 * @param options - keep-alive, socket limit, TLS settings and a DNS lookup seam.
 * @returns the transport.
 * @example
 * const transport = makeNodeHttpTransport({ tls: { ca: readFileSync('ca.pem') } });
 * const tracker = createNodeTracker({ endpoint, namespace: 'api', transport });
 */
export function makeNodeHttpTransport(options: NodeHttpTransportOptions = {}): Transport {
  const agentOptions = {
    keepAlive: options.keepAlive ?? true,
    maxSockets: options.maxSockets ?? 10,
  };
  const ctx: Context = {
    lastTarget: undefined,
    http: new http.Agent(agentOptions),
    https: new https.Agent({ ...agentOptions, ...options.tls }),
    lookup: options.lookup,
    maxResponseBytes: options.maxResponseBytes ?? 64 * 1024,
  };
  let closed = false;
  return {
    reportsSent: true,
    makeRequest(request) {
      if (closed)
        return Promise.reject(
          new TransportError('transport is closed', { causeCode: 'ERR_CLOSED' }),
        );
      return send(ctx, request, performance.now() + request.timeoutMs, false);
    },
    close() {
      closed = true;
      ctx.http.destroy();
      ctx.https.destroy();
    },
  };
}
