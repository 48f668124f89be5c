import type { Clock } from './clock';
import { setTimerRef } from './timer-ref';

// One frozen object for every caller: trackers and emitters left on the default clock share it.
const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setTimeout(callback: () => void, ms: number) {
    const handle = setTimeout(callback, ms);
    setTimerRef(handle, false);
    return handle;
  },
  // The handle is whatever this runtime's setTimeout returned; its own type differs per runtime.
  clearTimeout: (handle: unknown) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
});

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
