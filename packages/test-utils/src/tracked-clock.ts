import type { Clock } from '@floe/core';
import type { TimerHandle } from '@floe/core/internal';

/** A clock that counts its scheduled timers (for the I6 check). */
export interface TrackedClock extends Clock {
  readonly activeTimers: number;
}

/**
 * Wraps a clock so tests can see how many of its timers are still scheduled: an emitter must
 * leave none behind after `shutdown()`, and Node's resource list does not show unref'd ones.
 *
 * @param base - the clock to wrap, e.g. `createSystemClock()`.
 */
export function createTrackedClock(base: Clock): TrackedClock {
  const live = new Set<TimerHandle>();
  return {
    now: () => base.now(),
    monotonic: () => base.monotonic(),
    setTimeout(callback, ms) {
      const handle = base.setTimeout(() => {
        live.delete(handle);
        callback();
      }, ms);
      live.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      live.delete(handle);
      base.clearTimeout(handle);
    },
    get activeTimers() {
      return live.size;
    },
  };
}
