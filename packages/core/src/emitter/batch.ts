import type { QueuedEvent } from '../store/event-store';

/** Events sent together, with the attempts they have made so far. */
export interface Batch {
  events: readonly QueuedEvent[];
  /** Counted attempts (a Retry-After wait is not counted). */
  attempts: number;
  /** Every attempt, for the memory store's safety cap. */
  totalAttempts: number;
}

/** A new batch that has not been tried yet. */
export function createBatch(events: readonly QueuedEvent[]): Batch {
  return { events, attempts: 0, totalAttempts: 0 };
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
export function eidsOf(events: readonly QueuedEvent[]): string[] {
  return events.map((event) => event.eid);
}

/** The sum of `bytes` over events. */
export function bytesOf(events: readonly QueuedEvent[]): number {
  let bytes = 0;
  for (const event of events) bytes += event.bytes;
  return bytes;
}
