import type { Clock, TimerHandle } from '../platform/clock';
import { setTimerRef } from '../platform/timer-ref';

/** The emitter's pause and flush-interval timers; see {@link createEmitterTimers}. */
export interface EmitterTimers {
  /** True while a backoff or Retry-After pause runs. */
  readonly paused: boolean;
  /** Pauses sending for `ms`; pauses only grow, so a short backoff never cuts a long wait short. */
  pause(ms: number): void;
  /** Arms the flush interval unless it is armed already or switched off (0). */
  armInterval(): void;
  /** Whether a caller awaits a flush: the pause timer then holds the process open. */
  setKeepAlive(keepAlive: boolean): void;
  /** Cancels the flush interval (no more periodic sends). */
  stopInterval(): void;
  /** Cancels both timers. */
  clear(): void;
}

/**
 * The emitter's two timers, both on its clock: the pause (backoff or Retry-After, which stops the
 * whole emitter) and the flush interval. At most one of each exists, both are unref'd unless a
 * caller awaits a flush, and `clear()` releases them for shutdown.
 */
export function createEmitterTimers(
  clock: Clock,
  intervalMs: number,
  onWake: () => void,
  onInterval: () => void,
): EmitterTimers {
  let wake: TimerHandle | undefined;
  let interval: TimerHandle | undefined;
  let pausedUntil = 0;
  let keepAlive = false;

  const timers: EmitterTimers = {
    get paused() {
      return wake !== undefined;
    },
    pause(ms) {
      const until = clock.monotonic() + ms;
      if (wake !== undefined && until <= pausedUntil) return;
      clock.clearTimeout(wake);
      pausedUntil = until;
      // The timer, not a comparison with monotonic(), ends the pause: timers may fire a hair early.
      wake = clock.setTimeout(() => {
        wake = undefined;
        onWake();
      }, ms);
      setTimerRef(wake, keepAlive);
    },
    armInterval() {
      if (interval !== undefined || intervalMs <= 0) return;
      interval = clock.setTimeout(() => {
        interval = undefined;
        onInterval();
      }, intervalMs);
      setTimerRef(interval, false);
    },
    setKeepAlive(value) {
      keepAlive = value;
      if (wake !== undefined) setTimerRef(wake, value);
    },
    stopInterval() {
      clock.clearTimeout(interval);
      interval = undefined;
    },
    clear() {
      timers.stopInterval();
      clock.clearTimeout(wake);
      wake = undefined;
    },
  };
  return timers;
}
