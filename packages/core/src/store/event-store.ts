/**
 * A `Payload` as a queue holds it: its compact JSON text, written once when the emitter
 * accepts it. `stm` is not in the text; the POST body adds it before the closing brace on each
 * attempt (see `emitter/post-body.ts`).
 */
export interface QueuedPayload {
  /** The event id (`eid`), unique within a store. */
  readonly eid: string;
  /** The payload as compact JSON text, without `stm`. Always an object: it ends with `}`. */
  readonly json: string;
  /** UTF-8 bytes of {@link json}. */
  readonly bytes: number;
  /** Wall-clock ms when the emitter queued the event (for the `max_age` give-up rule). */
  readonly queuedAt: number;
  /**
   * The emitter's sequence number, so a `flush()` knows which events were queued before it. A
   * store hands back the objects it was given, or copies that keep `seq`; events restored from an
   * earlier process have none and count as older than every flush.
   */
  readonly seq?: number;
}

/**
 * Where events wait until they are delivered or dropped.
 *
 * `add` is synchronous, so an event is queued (or, for a durable store, written) before `track`
 * returns (decision 12). `take`, `ack` and `release` may be asynchronous.
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
  add(event: QueuedPayload): readonly QueuedPayload[];
  /**
   * Leases up to `limit` of the oldest events that are not already leased, without removing them.
   * Leased events stay stored until `ack`ed, or come back with `release`. `maxBytes` is a hint:
   * a store may stop before the sum of `bytes` would pass it, but returns at least one event when
   * any is available.
   */
  take(
    limit: number,
    maxBytes?: number,
  ): readonly QueuedPayload[] | Promise<readonly QueuedPayload[]>;
  /** Removes delivered or dropped events for good. */
  ack(eids: readonly string[]): void | Promise<void>;
  /** Returns leased events to the queue, in their original order. */
  release(eids: readonly string[]): void | Promise<void>;
  /** Events stored, leased ones included. */
  readonly size: number;
  /** Sum of `bytes` over the stored events. */
  readonly byteSize: number;
  /** Releases files, locks and other handles. */
  close?(): void | Promise<void>;
}
