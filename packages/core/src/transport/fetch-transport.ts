import { setTimerRef } from '../emitter/timer-ref';
import { readCappedBody } from './read-capped-body';
import { type FetchFunction, type FetchInit, runtimeGlobals } from './runtime-globals';
import type { Transport, TransportRequest, TransportResponse } from './transport';
import { TransportError } from './transport-error';
import { findErrorCode } from './transport-error-code';

/** Options of {@link makeFetchTransport}. */
export interface FetchTransportOptions {
  /** The fetch to use; the runtime's global `fetch` (looked up per request) by default. */
  readonly fetch?: FetchFunction;
}

/**
 * A {@link Transport} on `fetch`, for every runtime that has it (Node 20+, Bun, Deno, browsers,
 * workers). It sets no `credentials` field (some Workers runtimes reject it), uses
 * `redirect: 'manual'` so a 301/302/303 is never replayed as a GET without its body, passes
 * `keepalive` through, aborts at the request's timeout, and reads at most 64 KB of any answer.
 *
 * @param options - an optional `fetch` to use instead of the global one.
 * @returns the transport; it rejects only with a {@link TransportError}.
 * @example
 * const emitter = createEmitter({
 *   endpoint: 'https://collector.example.com',
 *   transport: makeFetchTransport(),
 * });
 */
export function makeFetchTransport(options: FetchTransportOptions = {}): Transport {
  return {
    makeRequest: (request) => fetchRequest(options.fetch ?? runtimeGlobals.fetch, request),
  };
}

async function fetchRequest(
  fetchFn: FetchFunction | undefined,
  request: TransportRequest,
): Promise<TransportResponse> {
  if (!fetchFn) {
    throw new TransportError(
      'this runtime has no global fetch; pass makeFetchTransport({ fetch })',
    );
  }
  const controller = new runtimeGlobals.AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  setTimerRef(timer, false);
  const outer = request.signal;
  const onAbort = (): void => controller.abort();
  outer?.addEventListener('abort', onAbort, { once: true });
  if (outer?.aborted) controller.abort();
  try {
    const init: FetchInit = {
      method: request.method,
      headers: { ...request.headers },
      signal: controller.signal,
      redirect: 'manual',
    };
    if (request.body !== undefined) init.body = request.body;
    if (request.keepalive) init.keepalive = true;
    const response = await fetchFn(request.url, init);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    await readCappedBody(response.body);
    return { status: response.status, headers };
  } catch (error) {
    if (timedOut) {
      throw new TransportError(`request timed out after ${request.timeoutMs} ms`, {
        timeout: true,
        causeCode: 'ETIMEDOUT',
        cause: error,
      });
    }
    if (outer?.aborted) {
      throw new TransportError('request aborted', { causeCode: 'ABORTED', cause: error });
    }
    const code = findErrorCode(error);
    const detail = code ?? (error instanceof Error ? error.message : String(error));
    throw new TransportError(`request to ${request.url} failed: ${detail}`, {
      causeCode: code,
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}
