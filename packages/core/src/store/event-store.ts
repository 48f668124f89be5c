import type { Payload } from '../payload';

/** One event waiting in an {@link EventStore}. */
export interface QueuedEvent {
  /** The event id (`eid`), unique within a store. */
  readonly eid: string;
  /** The payload without `stm`. */
  readonly payload: Payload;
  /** UTF-8 bytes of the payload's compact JSON text, as it will appear in a POST body. */
  readonly bytes: number;
  /** Wall-clock ms when the event was queued (for the `max_age` give-up rule). */
  readonly queuedAt: number;
}

/**
 * Where events wait until they are delivered or dropped.
 *
 * `add` is synchronous, so an event is queued (or, for a durable store, written) before `track`
 * returns. `take` and `ack` may be asynchronous.
 */
export interface EventStore {
  /**
   * Whether events survive a restart. Durable stores give up on an event by age (`max_age`),
   * memory stores by attempts (`max_attempts`), as reliability.md §1 says.
   */
  readonly durable: boolean;
  /**
   * Queues an event. When the store is over its byte or count cap it evicts the oldest events and
   * returns them, so the emitter can report them as `queue_full` drops.
   */
  add(event: QueuedEvent): readonly QueuedEvent[];
  /**
   * Leases up to `limit` of the oldest events that are not already leased, without removing them.
   * Leased events stay stored until `ack`ed, or come back with `release`.
   */
  take(limit: number): readonly QueuedEvent[] | Promise<readonly QueuedEvent[]>;
  /** Removes delivered or dropped events for good. */
  ack(eids: readonly string[]): void | Promise<void>;
  /** Returns leased events to the front of the queue, in their original order. */
  release(eids: readonly string[]): void | Promise<void>;
  /** Events stored, leased ones included. */
  readonly size: number;
  /** Sum of `bytes` over the stored events. */
  readonly byteSize: number;
  /** Releases files, locks and other handles. */
  close?(): void | Promise<void>;
}
