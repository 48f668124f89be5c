import type { LookupFunction } from 'node:net';
import {
  type Transport,
  TransportError,
  type TransportRequest,
  type TransportResponse,
} from '@floe/core';
import { abortError } from './abort-error';
import { createDispatcher, type NodeProxyOption, type NodeTlsOptions } from './create-dispatcher';
import { readCappedBody } from './read-capped-body';
import { type RequestTarget, toRequestTarget } from './request-target';
import { toTransportError } from './to-transport-error';
import type { Dispatcher } from './undici';

/** Options of {@link makeNodeHttpTransport}. */
export interface NodeHttpTransportOptions {
  /** Reuse connections between requests. Default true. */
  readonly keepAlive?: boolean;
  /**
   * Connections per collector origin at most; requests past it wait for a free one. Default 16,
   * above the emitter's in-flight bound, so the emitter, not the transport, sets the pace.
   */
  readonly maxSockets?: number;
  /**
   * The proxy to send through: `'env'` honours `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY`;
   * `'http://proxy:3128'` names one; `false` connects directly. Default `false`, as Node's own
   * `fetch` and `http` do, unless `NODE_USE_ENV_PROXY=1` is set (Node 24's switch for the same
   * behaviour in its own clients), which makes it `'env'`.
   */
  readonly proxy?: NodeProxyOption;
  /** TLS settings: a private CA, client certificates, `rejectUnauthorized`… */
  readonly tls?: NodeTlsOptions;
  /** DNS lookup used to resolve the collector's host (default `dns.lookup`); unused via a proxy. */
  readonly lookup?: LookupFunction;
  /** Response body bytes read at most; then the connection is cut. Default 64 KiB. */
  readonly maxResponseBytes?: number;
}

export type { NodeProxyOption, NodeTlsOptions };

/** The proxy default: off, unless the process opted in the way Node 24 does for its own clients. */
function defaultProxy(): NodeProxyOption {
  return process.env['NODE_USE_ENV_PROXY'] === '1' ? 'env' : false;
}

/** Response headers as core wants them: lower-case names, repeated ones joined with `, `. */
function flatHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name in raw) {
    const value = raw[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * Makes a {@link Transport} on undici, Node's own HTTP client library (what its `fetch` runs on),
 * with keep-alive connections pooled per origin. One `send` is one HTTP request: redirects are
 * returned as their status, never followed (the emitter owns that policy, decision 29); the
 * request is aborted when the emitter's signal fires; at most `maxResponseBytes` of an answer
 * are read and none kept. It rejects only when no status arrived, with core's `TransportError`
 * whose `causeCode` is the system code (`ECONNRESET`, `ECONNREFUSED`, `ENOTFOUND`, TLS codes…).
 * Free connections never keep the process alive; `close()` destroys them.
 *
 * @param options - keep-alive, connection limit, proxy, TLS settings and a DNS lookup seam.
 * @returns the transport.
 * @example
 * const transport = makeNodeHttpTransport({ proxy: 'env', tls: { ca: readFileSync('ca.pem') } });
 * const tracker = createNodeTracker({ endpoint, namespace: 'api', transport });
 */
export function makeNodeHttpTransport(options: NodeHttpTransportOptions = {}): Transport {
  const dispatcher = createDispatcher({
    maxSockets: options.maxSockets ?? 16,
    proxy: options.proxy ?? defaultProxy(),
    tls: options.tls,
    lookup: options.lookup,
  });
  const reset = options.keepAlive === false;
  const maxResponseBytes = options.maxResponseBytes ?? 64 * 1024;
  let target: RequestTarget | undefined;
  let closed = false;
  return {
    async send(request) {
      if (closed) throw new TransportError('transport is closed', { causeCode: 'ERR_CLOSED' });
      // An emitter sends to one URL over and over: parse it once.
      if (target?.url !== request.url) target = toRequestTarget(request.url);
      return send(dispatcher, target, request, reset, maxResponseBytes);
    },
    async close() {
      closed = true;
      await dispatcher.destroy();
    },
  };
}

async function send(
  dispatcher: Dispatcher,
  target: RequestTarget,
  request: TransportRequest,
  reset: boolean,
  maxResponseBytes: number,
): Promise<TransportResponse> {
  const label = `${request.method} ${target.origin}`;
  if (target.invalid) {
    throw new TransportError(`invalid collector URL ${request.url}`, {
      causeCode: 'ERR_INVALID_URL',
      cause: target.invalid,
    });
  }
  const { signal } = request;
  if (signal.aborted) throw abortError(signal, label);
  let answer: Dispatcher.ResponseData;
  try {
    answer = await dispatcher.request({
      origin: target.origin,
      path: target.path,
      method: request.method,
      headers: target.headers(request.headers),
      body: request.body,
      // undici takes any object with `aborted` and `addEventListener`, as the contract's is.
      signal: signal as AbortSignal,
      reset,
    });
  } catch (error) {
    throw signal.aborted ? abortError(signal, label) : toTransportError(error, label);
  }
  // The status has arrived and decides the outcome, whatever happens to the body from here.
  await readCappedBody(answer.body, maxResponseBytes);
  return { status: answer.statusCode, headers: flatHeaders(answer.headers) };
}
