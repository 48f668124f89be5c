import type { Clock, TimerHandle } from '../platform/clock';
import { setTimerRef } from '../platform/timer-ref';
import type { FlushResult } from '../protocol/drop-report';
import type { QueuedPayload } from '../store/event-store';

/** One `flush()` call waiting for the events queued before it. */
interface Waiter {
  /** Events with a `seq` up to this one were queued before the call. */
  readonly target: number;
  remaining: number;
  delivered: number;
  dropped: number;
  readonly resolve: (result: FlushResult) => void;
  timer?: TimerHandle;
}

/**
 * The `flush()` calls waiting now. Each resolves when the events queued before it are delivered
 * or dropped, or at its deadline, with what it counted (decision 8).
 */
export interface FlushWaiters {
  /** How many calls wait. */
  readonly size: number;
  /**
   * Starts waiting for the `remaining` events queued so far (those with a `seq` up to `target`).
   *
   * @param deadlineMs - resolve after this long at the latest; wait for ever without it.
   */
  wait(target: number, remaining: number, deadlineMs: number | undefined): Promise<FlushResult>;
  /** Counts settled events for every call they were queued before; resolves the calls they complete. */
  count(events: readonly QueuedPayload[], outcome: 'delivered' | 'dropped'): void;
  /**
   * Counts `count` events the store let go of on its own, as the oldest ones (those every waiting
   * call covers): they leave `remaining` without being delivered or dropped.
   */
  countGone(count: number): void;
  /** Resolves every waiting call with what it counted (shutdown). */
  endAll(): void;
}

/**
 * Creates the flush accounting of one emitter.
 *
 * @param onChange - called with the number of waiting calls whenever it changes (the pause timer
 *   keeps the process alive only while some wait).
 */
export function createFlushWaiters(clock: Clock, onChange: (size: number) => void): FlushWaiters {
  const waiters = new Set<Waiter>();

  const end = (waiter: Waiter): void => {
    if (!waiters.delete(waiter)) return;
    clock.clearTimeout(waiter.timer);
    const { delivered, dropped, remaining } = waiter;
    waiter.resolve({ delivered, dropped, pending: Math.max(0, remaining) });
    onChange(waiters.size);
  };

  return {
    get size() {
      return waiters.size;
    },
    wait(target, remaining, deadlineMs) {
      return new Promise((resolve) => {
        const waiter: Waiter = { target, remaining, delivered: 0, dropped: 0, resolve };
        if (deadlineMs !== undefined) {
          // Ref'd: the process waits for a flush its caller awaits.
          waiter.timer = clock.setTimeout(() => end(waiter), Math.max(0, deadlineMs));
          setTimerRef(waiter.timer, true);
        }
        waiters.add(waiter);
        onChange(waiters.size);
      });
    },
    count(events, outcome) {
      for (const waiter of waiters) {
        // Events restored from an earlier process have no seq: older than every flush.
        const covered = events.filter((event) => (event.seq ?? 0) <= waiter.target).length;
        waiter.remaining -= covered;
        waiter[outcome] += covered;
        if (waiter.remaining <= 0) end(waiter);
      }
    },
    countGone(count) {
      for (const waiter of waiters) {
        waiter.remaining -= Math.min(count, waiter.remaining);
        if (waiter.remaining <= 0) end(waiter);
      }
    },
    endAll() {
      for (const waiter of waiters) end(waiter);
    },
  };
}
