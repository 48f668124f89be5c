import type { Clock } from '@floe/core';
import type { TimerHandle } from '@floe/core/internal';

/**
 * A clock moved by hand (decision 25): wall and monotonic time advance together unless the wall
 * clock is jumped, and timers fire only inside `advance`. `fixtures/manual-clock.mjs` is the same
 * thing for the child processes (which run plain JavaScript).
 */
export interface ManualClock {
  readonly clock: Clock;
  /** Moves both clocks forward, firing due timers in order and letting promises settle. */
  advance(ms: number): Promise<void>;
  /** Moves only the wall clock. */
  jumpWall(ms: number): void;
}

/** Creates a {@link ManualClock} starting at 2026-01-01T00:00:00Z. */
export function createManualClock(start = Date.UTC(2026, 0, 1)): ManualClock {
  let monotonic = 0;
  let wallOffset = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    clock: {
      now: () => monotonic + wallOffset,
      monotonic: () => monotonic,
      setTimeout(callback, ms): TimerHandle {
        const id = nextId++;
        timers.set(id, { at: monotonic + Math.max(0, ms), callback });
        return id;
      },
      clearTimeout(handle) {
        timers.delete(handle as number);
      },
    },
    async advance(ms) {
      const target = monotonic + ms;
      await settle();
      for (;;) {
        let due: [number, { at: number; callback: () => void }] | undefined;
        for (const entry of timers) {
          if (entry[1].at <= target && (!due || entry[1].at < due[1].at)) due = entry;
        }
        if (!due) break;
        timers.delete(due[0]);
        monotonic = Math.max(monotonic, due[1].at);
        due[1].callback();
        await settle();
      }
      monotonic = target;
      await settle();
    },
    jumpWall(ms) {
      wallOffset += ms;
    },
  };
}
