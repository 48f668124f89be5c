import type { IgluUri } from '../protocol/iglu-uri';
import type { SelfDescribingJson } from '../protocol/self-describing-json';
import type { TrackOptions } from '../tracker/track-options';
import type { Tracker } from '../tracker/tracker';

/**
 * Tracks a self-describing event (`e=ue`, tracker protocol §2.4). Generated `trackX` functions of
 * `@floe/events` call exactly this (docs/api.md).
 *
 * @param tracker - from `createTracker`.
 * @param event - the event as `{ schema, data }`; the data is serialised once, as JSON.
 * @param options - entities, true timestamp, per-event subject.
 * @returns the event id. Never throws: an invalid URI or data that is not JSON (a cycle, BigInt,
 *   NaN, a function) is reported to `onDrop` as `invalid`.
 * @example
 * trackSelfDescribingEvent(tracker, {
 *   schema: 'iglu:com.acme/checkout/jsonschema/1-0-0',
 *   data: { orderId: 'o-1', total: 35 },
 * });
 */
export function trackSelfDescribingEvent<TData, TUri extends IgluUri>(
  tracker: Tracker,
  event: SelfDescribingJson<TData, TUri>,
  options?: TrackOptions,
): string {
  return tracker.track([{ e: 'ue', selfDescribing: event }], options)[0]!;
}

/**
 * The Snowplow name of {@link trackSelfDescribingEvent}.
 *
 * @deprecated Use `trackSelfDescribingEvent`.
 */
export const trackUnstructEvent: typeof trackSelfDescribingEvent = trackSelfDescribingEvent;
