import type { Clock, TimerHandle } from '../platform/clock';

/** The timer that sends what waits every `flushIntervalMs`. */
export interface FlushInterval {
  /** Starts the timer unless it runs already (or the interval is 0). */
  arm(): void;
  clear(): void;
}

/**
 * Creates the flush interval. It is a timeout armed again after each tick, not an interval, so
 * it exists only while events wait: an idle emitter has no timer at all. The clock's timers are
 * unref'd, so it never keeps Node alive.
 *
 * @param ms - `flushIntervalMs`; `0` turns the timer off (edge runtimes).
 * @param onTick - sends what waits; returns false when nothing waits, and the timer stops.
 */
export function createFlushInterval(
  clock: Clock,
  ms: number,
  onTick: () => boolean,
): FlushInterval {
  let timer: TimerHandle | undefined;
  const arm = (): void => {
    if (timer !== undefined || ms <= 0) return;
    timer = clock.setTimeout(() => {
      timer = undefined;
      if (onTick()) arm();
    }, ms);
  };
  return {
    arm,
    clear: () => clock.clearTimeout(timer),
  };
}
