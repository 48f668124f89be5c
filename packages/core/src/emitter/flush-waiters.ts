import type { Clock, TimerHandle } from '../platform/clock';
import { setTimerRef } from '../platform/timer-ref';
import type { FlushResult } from '../protocol/drop-report';
import type { QueuedPayload } from '../store/event-store';

/** The callers of `flush()` waiting for their events; see {@link createFlushWaiters}. */
export interface FlushWaiters {
  /** True while any flush is waiting: the emitter then sends partial batches too. */
  readonly active: boolean;
  /** True while a caller awaits a flush, so timers should keep the process alive. */
  readonly awaited: boolean;
  /**
   * Starts waiting for `unsettled` events, those with `seq ≤ target`.
   *
   * @param timeoutMs - resolve by then at the latest; no deadline when undefined.
   * @param external - whether a caller awaits the result (the flush timer's drain does not).
   */
  wait(
    target: number,
    unsettled: number,
    timeoutMs: number | undefined,
    external: boolean,
  ): Promise<FlushResult>;
  /** Counts settled events toward every waiter that covers them. */
  settle(events: readonly QueuedPayload[], outcome: 'delivered' | 'dropped'): void;
  /** Resolves every waiter now (shutdown), with what is still unsettled as pending. */
  finishAll(): void;
}

interface Waiter {
  /** Events with a `seq` up to this one were queued before the call. */
  readonly target: number;
  remaining: number;
  delivered: number;
  dropped: number;
  /** A caller awaits it (not the flush timer's own drain), so it keeps Node alive. */
  readonly external: boolean;
  readonly resolve: (result: FlushResult) => void;
  timer?: TimerHandle;
}

/**
 * The callers of `flush()` waiting for their events. All of them share the emitter's one drain
 * (N12); each resolves when the events queued before its call have all settled (delivered or
 * dropped), or at its own deadline with the rest counted as pending. Never rejects.
 *
 * @param onChange - called when a waiter starts or ends.
 */
export function createFlushWaiters(clock: Clock, onChange: () => void): FlushWaiters {
  let waiters: Waiter[] = [];

  function finish(waiter: Waiter): void {
    if (!waiters.includes(waiter)) return;
    waiters = waiters.filter((other) => other !== waiter);
    if (waiter.timer !== undefined) clock.clearTimeout(waiter.timer);
    const { delivered, dropped, remaining } = waiter;
    waiter.resolve({ delivered, dropped, pending: Math.max(0, remaining) });
    onChange();
  }

  return {
    get active() {
      return waiters.length > 0;
    },
    get awaited() {
      return waiters.some((waiter) => waiter.external);
    },
    wait(target, unsettled, timeoutMs, external) {
      if (unsettled <= 0) return Promise.resolve({ delivered: 0, dropped: 0, pending: 0 });
      return new Promise((resolve) => {
        const waiter: Waiter = {
          target,
          remaining: unsettled,
          delivered: 0,
          dropped: 0,
          external,
          resolve,
        };
        if (timeoutMs !== undefined) {
          waiter.timer = clock.setTimeout(() => finish(waiter), Math.max(0, timeoutMs));
          setTimerRef(waiter.timer, external);
        }
        waiters.push(waiter);
        onChange();
      });
    },
    settle(events, outcome) {
      for (const waiter of waiters) {
        const covered = events.filter((event) => (event.seq ?? 0) <= waiter.target).length;
        waiter.remaining -= covered;
        waiter[outcome] += covered;
      }
      for (const waiter of waiters) if (waiter.remaining <= 0) finish(waiter);
    },
    finishAll() {
      for (const waiter of waiters) finish(waiter);
    },
  };
}
