// The adaptive in-flight window of decision 28, additive increase and multiplicative decrease as
// TCP's: a collector far away gets several batches at once, a struggling one fewer.

/** Requests in flight at first: enough to overlap two round trips, few enough to probe. */
export const INITIAL_WINDOW = 2;

/**
 * After a success while a backlog waits: one more request in flight, up to `max` (`maxInFlight`).
 *
 * @param size - the window now.
 */
export function widenWindow(size: number, max: number): number {
  return Math.min(max, size + 1);
}

/**
 * After pushback (429, 503, a timeout, a network error): half as many requests, at least one.
 *
 * @param size - the window now.
 */
export function narrowWindow(size: number): number {
  return Math.max(1, size >> 1);
}
