import type { QueuedPayload } from '../store/event-store';

/** Events sent together, with the attempts they have made so far. */
export interface Batch {
  events: readonly QueuedPayload[];
  /** Counted attempts (a Retry-After wait is not counted). */
  attempts: number;
  /** Every attempt, for the memory store's safety cap. */
  total: number;
  /**
   * The emitter's failure round when this batch was last sent. Requests that fail together (the
   * collector went down under several of them) grow the backoff and shrink the window once, not
   * once each.
   */
  round: number;
}

/** Splits a batch in two halves that keep its attempt counts (413 handling). */
export function bisectBatch(batch: Batch): [Batch, Batch] {
  const middle = Math.ceil(batch.events.length / 2);
  return [
    { ...batch, events: batch.events.slice(0, middle) },
    { ...batch, events: batch.events.slice(middle) },
  ];
}

/** The ids of a batch's events. */
export function eidsOf(events: readonly QueuedPayload[]): string[] {
  return events.map((event) => event.eid);
}

/** The sum of `bytes` over events. */
export function bytesOf(events: readonly QueuedPayload[]): number {
  let bytes = 0;
  for (const event of events) bytes += event.bytes;
  return bytes;
}
