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
