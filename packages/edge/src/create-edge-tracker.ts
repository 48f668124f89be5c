import {
  createMemoryStore,
  createTracker,
  type FlushOptions,
  type FlushResult,
  makeFetchTransport,
  type Tracker,
} from '@floe/core';
import { createAdapterEmitter } from '@floe/core/internal';
import { version } from '../package.json';
import type { EdgeTrackerOptions, RequestTrackerOptions } from './edge-tracker-options';
import type { RequestLike } from './request-like';
import { pageFromRequest, subjectFromRequest } from './subject-from-request';
import { withSubject } from './with-subject';

/** One tracker per isolate, and a request-scoped view of it per request. */
export interface EdgeTracker {
  /** The isolate's tracker, for events that belong to no request. */
  readonly tracker: Tracker;
  /**
   * The tracker for one request: every event carries the request's subject (IP, user agent,
   * language, page URL, referrer; see {@link subjectFromRequest}), merged under the call's own.
   * With `waitUntil`, each track call hands the runtime a flush that covers it.
   */
  trackerFor(request: RequestLike, options?: RequestTrackerOptions): Tracker;
  /** Sends what is queued; pass it to `waitUntil` when not using the per-request option. */
  flush(options?: FlushOptions): Promise<FlushResult>;
}

/**
 * Creates the edge tracker of an isolate: a core tracker whose emitter holds no timer (workerd
 * forbids timers that outlive a request, decision 14) and sends with the runtime's `fetch`. Events
 * wait in memory until a flush, which `trackerFor(request, { waitUntil })` schedules after each
 * track call, so they are sent after the response without holding it up.
 *
 * @example
 * const edge = createEdgeTracker({ endpoint: 'https://collector.example.com', namespace: 'edge', appId: 'shop' });
 * export default {
 *   async fetch(request, env, ctx) {
 *     const tracker = edge.trackerFor(request, { waitUntil: (p) => ctx.waitUntil(p) });
 *     trackPageView(tracker, { pageUrl: request.url });
 *     return new Response('ok');
 *   },
 * };
 */
export function createEdgeTracker(options: EdgeTrackerOptions): EdgeTracker {
  const emitter = createAdapterEmitter({
    endpoint: options.endpoint,
    method: options.method,
    transport: options.transport ?? makeFetchTransport(),
    store: createMemoryStore(),
    // No timer: an edge isolate sends on flush, inside the request's waitUntil.
    flushIntervalMs: 0,
    // Never send from inside track(): the request's flush sends everything in few requests.
    flushAt: Number.MAX_SAFE_INTEGER,
    maxBatchEvents: options.maxBatchEvents,
    maxPostBytes: options.maxPostBytes,
    timeoutMs: options.timeoutMs,
    maxInFlight: options.maxInFlight,
    retry: options.retry,
    backoff: options.backoff,
    maxAttempts: options.maxAttempts,
    headers: options.headers,
    onSuccess: options.onSuccess,
    onFailure: options.onFailure,
    onDrop: options.onDrop,
    onError: options.onError,
  });
  const tracker = createTracker({
    ...options,
    platform: options.platform ?? 'srv',
    emitters: [emitter],
    adapter: { name: 'edge', version },
  });
  return {
    tracker,
    flush: (flushOptions) => tracker.flush(flushOptions),
    trackerFor(request, { waitUntil } = {}) {
      return withSubject(tracker, subjectFromRequest(request), pageFromRequest(request), waitUntil);
    },
  };
}
