import type { Clock } from '@floe/core';
import type { TimerHandle } from '@floe/core/internal';

interface Timer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

/** A manual clock: time moves only when a test advances it. */
export interface FakeClock extends Clock {
  /** Timers still scheduled. */
  readonly activeTimers: number;
  /** Runs every timer due within `ms`, in order, letting promises settle after each one. */
  advance(ms: number): Promise<void>;
  /** Advances to the next timer (if any, and within `limitMs`) and runs it; returns whether one ran. */
  next(limitMs?: number): Promise<boolean>;
  /** Moves the wall clock only (a clock jump); monotonic time and timers are unaffected. */
  jumpWall(ms: number): void;
  /** Lets pending promise callbacks run without moving time. */
  settle(): Promise<void>;
}

/**
 * Lets queued microtasks and their follow-ups run: two macrotask turns, so work an emitter defers
 * to the next turn (its books, kept after the next request is on the wire) settles too.
 */
async function turn(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}

/**
 * A deterministic clock for production-scale tests (reliability.md §4): hours of backoff and
 * Retry-After run in milliseconds, and the wall clock (`now`, for dtm/stm) can jump without moving
 * the monotonic clock that timers use.
 *
 * @param startWall - the wall clock's start, ms since the epoch.
 * @example
 * const clock = createFakeClock();
 * const emitter = createEmitter({ endpoint, clock, transport });
 * await clock.advance(60_000);
 */
export function createFakeClock(startWall = Date.UTC(2026, 0, 1)): FakeClock {
  let mono = 0;
  let wallOffset = startWall;
  let nextId = 1;
  const timers = new Map<number, Timer>();
  const due = (limit: number): Timer | undefined => {
    let first: Timer | undefined;
    for (const timer of timers.values()) {
      if (
        timer.at <= limit &&
        (!first || timer.at < first.at || (timer.at === first.at && timer.id < first.id))
      ) {
        first = timer;
      }
    }
    return first;
  };
  const clock: FakeClock = {
    now: () => Math.floor(wallOffset + mono),
    monotonic: () => mono,
    setTimeout(callback: () => void, ms: number): TimerHandle {
      const timer = { id: nextId++, at: mono + Math.max(0, ms), callback };
      timers.set(timer.id, timer);
      return timer.id;
    },
    clearTimeout(handle: TimerHandle) {
      timers.delete(handle as number);
    },
    get activeTimers() {
      return timers.size;
    },
    async advance(ms: number) {
      const target = mono + ms;
      await turn();
      for (;;) {
        const timer = due(target);
        if (!timer) break;
        timers.delete(timer.id);
        mono = Math.max(mono, timer.at);
        timer.callback();
        await turn();
      }
      mono = target;
      await turn();
    },
    async next(limitMs = Number.POSITIVE_INFINITY) {
      await turn();
      const timer = due(mono + limitMs);
      if (!timer) return false;
      timers.delete(timer.id);
      mono = Math.max(mono, timer.at);
      timer.callback();
      await turn();
      return true;
    },
    jumpWall(ms: number) {
      wallOffset += ms;
    },
    settle: turn,
  };
  return clock;
}
