import type { TimerHandle } from '../platform/clock';

interface RefableTimer {
  ref?: () => void;
  unref?: () => void;
}

/**
 * Makes a timer keep a Node process alive (`ref`) or not (`unref`). Other runtimes return plain
 * numbers and have nothing to do. The emitter's timers are unref'd while idle, and ref'd only while
 * a caller awaits `flush()` or `shutdown()`, so an awaited flush is never cut short by the process
 * exiting and an idle emitter never holds the process open.
 *
 * @param handle - a timer handle from a `Clock` or the global `setTimeout`.
 * @param keepAlive - true to ref, false to unref.
 */
export function setTimerRef(handle: TimerHandle, keepAlive: boolean): void {
  if (typeof handle !== 'object' || handle === null) return;
  const timer = handle as RefableTimer;
  if (keepAlive) timer.ref?.();
  else timer.unref?.();
}
