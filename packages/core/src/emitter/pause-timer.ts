import type { Clock, TimerHandle } from '../platform/clock';
import { setTimerRef } from '../platform/timer-ref';

/** The pause after a failure (backoff or Retry-After): nothing is sent while it runs. */
export interface PauseTimer {
  /** Whether a pause runs now. */
  readonly paused: boolean;
  /** Pauses sending for `ms`; pauses only grow, so a short backoff never cuts a long wait short. */
  pause(ms: number): void;
  /**
   * Whether the pause keeps the process alive: only while a caller awaits a flush, so the retry
   * it waits for happens; an idle emitter never holds the process open.
   */
  hold(held: boolean): void;
  /** Cancels the pause for good (shutdown); sending stays stopped. */
  clear(): void;
}

/**
 * Creates the emitter's pause timer.
 *
 * @param onEnd - called when a pause ends (the emitter drains again).
 */
export function createPauseTimer(clock: Clock, onEnd: () => void): PauseTimer {
  let timer: TimerHandle | undefined;
  let pausedUntil = 0;
  let held = false;
  return {
    get paused() {
      return timer !== undefined;
    },
    pause(ms) {
      const until = clock.monotonic() + ms;
      if (timer !== undefined && until <= pausedUntil) return;
      clock.clearTimeout(timer);
      pausedUntil = until;
      // The timer, not a comparison with monotonic(), ends the pause: timers may fire a hair early.
      timer = clock.setTimeout(() => {
        timer = undefined;
        onEnd();
      }, ms);
      setTimerRef(timer, held);
    },
    hold(keepAlive) {
      held = keepAlive;
      setTimerRef(timer, held);
    },
    clear() {
      clock.clearTimeout(timer);
    },
  };
}
