import type { QueuedPayload } from '../store/event-store';

/** Events sent together, with the attempts they have made so far. */
export interface Batch {
  events: readonly QueuedPayload[];
  /** Counted attempts (a Retry-After wait is not counted). */
  attempts: number;
  /** Every attempt, for the memory store's safety cap. */
  total: number;
  /**
   * The emitter's failure round when the batch was last sent. Requests that fail together (the
   * collector went down under several of them) grow the backoff and shrink the window once.
   */
  round: number;
}

/** The event ids of some queued events, in order. */
export const eidsOf = (events: readonly QueuedPayload[]): string[] =>
  events.map((event) => event.eid);

/** The sum of the queued texts' UTF-8 bytes. */
export const bytesOf = (events: readonly QueuedPayload[]): number =>
  events.reduce((sum, event) => sum + event.bytes, 0);
