import { TransportError } from '../errors/transport-error';
import { type FetchFunction, type FetchInit, runtimeGlobals } from './fetch-types';
import { findErrorCode } from './find-error-code';
import { readCappedBody } from './read-capped-body';
import type { Transport, TransportRequest, TransportResponse } from './transport';

/** Options of {@link makeFetchTransport}. */
export interface FetchTransportOptions {
  /** The fetch to use; the runtime's global `fetch` (looked up per request) by default. */
  readonly fetch?: FetchFunction;
}

/**
 * A {@link Transport} on `fetch`, for every runtime that has it (Node 20+, Bun, Deno, browsers,
 * workers). It sets no `credentials` field (some Workers runtimes reject it) and uses
 * `redirect: 'manual'`, so it never follows a redirect: the emitter owns that policy. (A browser
 * answers a manual redirect with an opaque status 0, a retryable failure.) It passes `keepalive`
 * through, aborts on the request's signal, and reads at most 64 KB of any answer.
 *
 * @param options - an optional `fetch` to use instead of the global one.
 * @returns the transport; `send` rejects only with a {@link TransportError}.
 * @example
 * const emitter = createEmitter({
 *   endpoint: 'https://collector.example.com',
 *   transport: makeFetchTransport(),
 * });
 */
export function makeFetchTransport(options: FetchTransportOptions = {}): Transport {
  return {
    send: (request) => fetchOnce(options.fetch ?? runtimeGlobals.fetch, request),
    // fetch pools its connections itself; there is nothing of ours to release.
    close() {},
  };
}

async function fetchOnce(
  fetchFn: FetchFunction | undefined,
  request: TransportRequest,
): Promise<TransportResponse> {
  if (!fetchFn) throw new TransportError('no global fetch; pass makeFetchTransport({ fetch })');
  const init: FetchInit = {
    method: request.method,
    headers: { ...request.headers },
    signal: request.signal,
    redirect: 'manual',
  };
  if (request.body !== undefined) init.body = request.body;
  if (request.keepalive) init.keepalive = true;
  try {
    const response = await fetchFn(request.url, init);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    await readCappedBody(response.body);
    return { status: response.status, headers };
  } catch (error) {
    if (request.signal.aborted) {
      throw new TransportError('request aborted', { causeCode: 'ABORTED', cause: error });
    }
    const code = findErrorCode(error);
    const detail = code ?? (error instanceof Error ? error.message : String(error));
    throw new TransportError(`request to ${request.url} failed: ${detail}`, {
      causeCode: code,
      cause: error,
    });
  }
}
