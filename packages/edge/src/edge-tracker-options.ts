import type { EmitterOptions, TrackerOptions } from '@floe/core';

/** Options of {@link createEdgeTracker}. */
export interface EdgeTrackerOptions
  extends Omit<TrackerOptions, 'emitters' | 'platform' | 'adapter'>,
    Pick<
      EmitterOptions,
      | 'endpoint'
      | 'method'
      | 'transport'
      | 'maxBatchEvents'
      | 'maxPostBytes'
      | 'timeoutMs'
      | 'maxInFlight'
      | 'retry'
      | 'backoff'
      | 'maxAttempts'
      | 'headers'
      | 'onSuccess'
      | 'onFailure'
    > {
  /** Platform (`p`) of every event. Default `srv`: the events come from a server, about a request. */
  readonly platform?: TrackerOptions['platform'];
}

/** Options of {@link EdgeTracker.trackerFor}. */
export interface RequestTrackerOptions {
  /**
   * The runtime's `waitUntil` (`ctx.waitUntil` in Workers, `event.waitUntil` in Next.js
   * middleware). Given it, every track call on the request's tracker keeps the isolate alive until
   * that event is sent, so nothing waits for the next request.
   */
  readonly waitUntil?: (promise: Promise<unknown>) => void;
}
