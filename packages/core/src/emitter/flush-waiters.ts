import type { Clock, TimerHandle } from '../platform/clock';
import { setTimerRef } from '../platform/timer-ref';
import type { FlushResult } from '../protocol/drop-report';
import type { QueuedPayload } from '../store/event-store';

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
 */
export class FlushWaiters {
  private waiters: Waiter[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly onChange: () => void,
  ) {}

  /** True while any flush is waiting: the emitter then sends partial batches too. */
  get active(): boolean {
    return this.waiters.length > 0;
  }

  /** True while a caller awaits a flush, so timers should keep the process alive. */
  get awaited(): boolean {
    return this.waiters.some((waiter) => waiter.external);
  }

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
  ): Promise<FlushResult> {
    if (unsettled <= 0) return Promise.resolve({ delivered: 0, dropped: 0, pending: 0 });
    return new Promise<FlushResult>((resolve) => {
      const waiter: Waiter = {
        target,
        remaining: unsettled,
        delivered: 0,
        dropped: 0,
        external,
        resolve,
      };
      if (timeoutMs !== undefined) {
        waiter.timer = this.clock.setTimeout(() => this.finish(waiter), Math.max(0, timeoutMs));
        setTimerRef(waiter.timer, external);
      }
      this.waiters.push(waiter);
      this.onChange();
    });
  }

  /** Counts settled events toward every waiter that covers them. */
  settle(events: readonly QueuedPayload[], outcome: 'delivered' | 'dropped'): void {
    if (this.waiters.length === 0 || events.length === 0) return;
    for (const waiter of [...this.waiters]) {
      let covered = 0;
      for (const event of events) if ((event.seq ?? 0) <= waiter.target) covered++;
      if (covered === 0) continue;
      waiter.remaining -= covered;
      if (outcome === 'delivered') waiter.delivered += covered;
      else waiter.dropped += covered;
      if (waiter.remaining <= 0) this.finish(waiter);
    }
  }

  /** Resolves every waiter now (shutdown), with what is still unsettled as pending. */
  finishAll(): void {
    for (const waiter of [...this.waiters]) this.finish(waiter);
  }

  private finish(waiter: Waiter): void {
    const index = this.waiters.indexOf(waiter);
    if (index < 0) return;
    this.waiters.splice(index, 1);
    if (waiter.timer !== undefined) this.clock.clearTimeout(waiter.timer);
    waiter.resolve({
      delivered: waiter.delivered,
      dropped: waiter.dropped,
      pending: Math.max(0, waiter.remaining),
    });
    this.onChange();
  }
}
