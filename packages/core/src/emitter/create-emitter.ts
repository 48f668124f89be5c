import type { Emitter } from './emitter';
import { EmitterEngine } from './emitter-engine';
import type { EmitterOptions } from './emitter-options';

/**
 * Creates an emitter that queues events, batches them by count and exact bytes, sends them to a
 * Snowplow-protocol collector, retries with backoff and Retry-After, and reports every event it
 * gives up on through `onDrop`. Defaults follow reliability.md §1: POST batches of 10 events and at
 * most 40,000 B, a 5 s unref'd flush timer, a 5 s request timeout, one request in flight, a 64 MiB
 * memory queue and the fetch transport.
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
  return new EmitterEngine(options);
}
