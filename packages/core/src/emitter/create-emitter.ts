import { createMemoryStore } from '../store/memory-store';
import { makeFetchTransport } from '../transport/fetch-transport';
import { createAdapterEmitter } from './create-adapter-emitter';
import type { Emitter } from './emitter';
import type { EmitterOptions } from './emitter-options';

/**
 * Creates an emitter that queues events, batches them by count and exact bytes, sends them to a
 * Snowplow-protocol collector with an adaptive number of requests in flight, retries with backoff
 * and Retry-After, and reports every event it gives up on through `onDrop`. Defaults follow
 * reliability.md §1: POST batches of at most 40,000 B, a send at 10 queued events or every 5 s
 * (an unref'd timer), a 5 s request timeout, 2 to 8 requests in flight, a 64 MiB memory queue,
 * the fetch transport.
 *
 * @param options - the collector `endpoint` and optional settings; see {@link EmitterOptions}.
 * @returns an {@link Emitter}; `add()` is synchronous and never throws.
 * @throws FloeError with code `invalid_config` for impossible options (a missing endpoint, a
 *   `flushAt` of 0…).
 * @example
 * const emitter = createEmitter({
 *   endpoint: 'https://collector.example.com',
 *   onDrop: (report) => console.warn(`dropped ${report.eids.length}: ${report.reason}`),
 * });
 * const tracker = createTracker({ namespace: 'app', platform: 'srv', emitters: [emitter] });
 * // …
 * await emitter.shutdown({ timeoutMs: 5000 });
 */
export function createEmitter(options: EmitterOptions): Emitter {
  // The defaults live here, not in the engine, so adapters with their own store and transport
  // (createAdapterEmitter) do not bundle these two.
  return createAdapterEmitter({
    ...options,
    store: options.store ?? createMemoryStore(),
    transport: options.transport ?? makeFetchTransport(),
  });
}
