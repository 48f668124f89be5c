/** Requests the window allows at first: enough to overlap two round trips, small enough to probe. */
export const INITIAL_WINDOW = 2;

/** How many requests an emitter may have in flight now; see {@link createSendWindow}. */
export interface SendWindow {
  readonly size: number;
  /** After a success while a backlog waits: one more, up to the cap. */
  grow(): void;
  /** After pushback (429, 503, a timeout, a network error): half as many, at least one. */
  shrink(): void;
}

/**
 * The adaptive in-flight window (decision 28), additive increase and multiplicative decrease as
 * TCP's: it starts at 2 (or the cap, if smaller), grows by one after each success while events
 * wait, up to `max`, and halves on pushback. A collector far away thus gets several batches at
 * once, and a struggling one fewer. `max: 1` keeps strictly one request in flight.
 *
 * @param max - `maxInFlight`.
 */
export function createSendWindow(max: number): SendWindow {
  let size = Math.min(INITIAL_WINDOW, max);
  return {
    get size() {
      return size;
    },
    grow() {
      size = Math.min(max, size + 1);
    },
    shrink() {
      size = Math.max(1, size >> 1);
    },
  };
}
