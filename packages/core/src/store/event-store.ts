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
  /**
   * The compact JSON text of `payload` (what `bytes` measures), computed once by the emitter so a
   * send never serializes an event again. A store that loses it (e.g. after a restart) may omit it.
   */
  readonly json?: string;
  /**
   * The emitter's sequence number for this event, so a `flush()` knows which events were queued
   * before it. A store hands back the objects it was given (or copies keeping `seq`); events
   * restored from an earlier process have none and count as older than every flush.
   */
  readonly seq?: number;
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
   *
   * `maxBytes` is a hint: a store may stop before the sum of `bytes` would pass it (it always
   * returns at least one event when any is available). The emitter cuts batches exactly itself and
   * releases what does not fit.
   */
  take(limit: number, maxBytes?: number): readonly QueuedEvent[] | Promise<readonly QueuedEvent[]>;
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
