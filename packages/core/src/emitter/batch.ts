import type { QueuedEvent } from '../store/event-store';
import type { PreparedBody } from './prepared-body';

/** Events sent together, with the attempts they have made so far. */
export interface Batch {
  events: readonly QueuedEvent[];
  /** Counted attempts (a Retry-After wait is not counted). */
  attempts: number;
  /** Every attempt, for the memory store's safety cap. */
  totalAttempts: number;
  /**
   * The events' JSON texts, one per event, written while the batch waited for its turn (see
   * `writeTexts`). Kept here, on the new batch, and not on the queued events: those are old by
   * then, and a new string held from an old object stays alive until the next full collection
   * even once the object is dropped, so every text would be promoted and pile up.
   */
  texts?: readonly string[] | undefined;
  /** Its POST body, written as bytes ahead of its turn for a transport that takes bytes. */
  body?: PreparedBody | undefined;
}

/** A new batch that has not been tried yet. */
export function createBatch(events: readonly QueuedEvent[]): Batch {
  return { events, attempts: 0, totalAttempts: 0 };
}

/** Splits a batch in two halves that keep its attempt counts (413 handling). */
export function bisectBatch(batch: Batch): [Batch, Batch] {
  const middle = Math.ceil(batch.events.length / 2);
  const texts = batch.texts;
  return [
    {
      ...batch,
      events: batch.events.slice(0, middle),
      texts: texts?.slice(0, middle),
      body: undefined,
    },
    { ...batch, events: batch.events.slice(middle), texts: texts?.slice(middle), body: undefined },
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
