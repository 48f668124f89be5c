import { TransportError } from '../errors/transport-error';
import { type FetchFunction, runtimeGlobals } from './fetch-types';
import { toTransportError } from './to-transport-error';
import type { Transport } from './transport';

/** Response bytes read at most before the rest is cancelled (reliability.md §1, H12/H13). */
export const MAX_RESPONSE_BYTES = 64 * 1024;

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
    async send(request) {
      const fetch = options.fetch ?? runtimeGlobals.fetch;
      if (!fetch) throw new TransportError('no global fetch');
      let response: Awaited<ReturnType<FetchFunction>>;
      try {
        response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: request.signal,
          redirect: 'manual',
          ...(request.keepalive && { keepalive: true }),
        });
      } catch (error) {
        throw toTransportError(error, request.signal);
      }
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      // The status has arrived and decides the outcome, so the body is only drained, at most
      // 64 KB of it (a captive portal may send megabytes), and a failure to read it (a reset
      // after a 200) changes nothing.
      try {
        const reader = response.body?.getReader();
        for (let read = 0; reader && read < MAX_RESPONSE_BYTES; ) {
          const chunk = await reader.read();
          read += chunk.done ? MAX_RESPONSE_BYTES : (chunk.value?.byteLength ?? 0);
        }
        await reader?.cancel();
      } catch {
        // See above: the answer's status stands.
      }
      return { status: response.status, headers };
    },
    // fetch pools its connections itself; there is nothing of ours to release.
    close() {},
  };
}
