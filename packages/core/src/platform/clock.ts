/** Opaque handle of a scheduled timer. */
export type TimerHandle = unknown;

/**
 * Time as Floe sees it. Timestamps (`dtm`, `stm`) come from `now()`, the wall clock; backoff and
 * timeouts use `monotonic()` and the timer functions, so a wall-clock jump neither stalls nor
 * speeds up retries. Tests inject their own clock.
 */
export interface Clock {
  /** Wall-clock milliseconds since the Unix epoch. */
  now(): number;
  /** Milliseconds from an arbitrary origin that never goes backwards. */
  monotonic(): number;
  /** Schedules `callback`; the timer never keeps a Node process alive. */
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/**
 * A reading of {@link Clock.now} and the clock it came from. A tracker hands the reading it took
 * for an event's `dtm` to its emitters, and an emitter on the same clock takes it as the time it
 * queued the event instead of reading the clock again: a wall-clock read costs ~60 ns in Node,
 * ~5 % of a `track()` call.
 */
export interface ClockReading {
  readonly clock: Pick<Clock, 'now'>;
  /** What `clock.now()` returned. */
  readonly now: number;
}
