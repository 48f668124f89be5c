import type { Clock, TimerHandle } from './clock';

/** A Node timer has `unref`; other runtimes return a number and have nothing to unref. */
interface MaybeUnrefTimer {
  unref?: () => void;
}

/**
 * The runtime's clock: `Date.now()` for timestamps, `performance.now()` for backoff and timeouts,
 * and the global timer functions. Timers are unref'd where the runtime supports it, so a pending
 * retry never keeps a Node process alive.
 *
 * @returns a {@link Clock} backed by the runtime's globals (one shared, frozen object).
 * @example
 * const clock = createSystemClock();
 * const dtm = clock.now();
 */
export function createSystemClock(): Clock {
  return systemClock;
}

// One object for every caller: a tracker and an emitter left on the default clock share it, so
// the emitter can take the tracker's readings (see ClockReading).
const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setTimeout(callback: () => void, ms: number): TimerHandle {
    const handle = setTimeout(callback, ms);
    if (typeof handle === 'object' && handle !== null) {
      (handle as MaybeUnrefTimer).unref?.();
    }
    return handle;
  },
  clearTimeout(handle: TimerHandle): void {
    // The handle came from setTimeout above; its type differs between runtimes' typings.
    clearTimeout(handle as Parameters<typeof clearTimeout>[0]);
  },
});
