import type { CoreEvent } from './core-event';
import type { EventType, Payload } from './payload';

/**
 * An event while the tracker builds it, as plugins, context generators and context filters see it.
 * Read-only: callbacks decide (filter, add entities), they do not edit.
 */
export interface TrackedEvent {
  /** The event type code (`e`). */
  readonly eventType: EventType;
  /** The event id (`eid`) the track call returns. */
  readonly eid: string;
  /** The Iglu URI of a self-describing event; `undefined` for the other types. */
  readonly eventSchema: string | undefined;
  /** The event as the track function handed it to the tracker. */
  readonly event: CoreEvent;
  /**
   * The payload being built. While a hook runs it holds every key but the entities (`co`/`cx`),
   * which are added after the hooks; it is the same object the emitters get, so do not keep it.
   */
  readonly payload: Payload;
}
