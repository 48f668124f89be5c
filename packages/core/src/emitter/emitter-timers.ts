import type { Clock, TimerHandle } from '../platform/clock';
import { setTimerRef } from '../platform/timer-ref';

/**
 * The emitter's two timers, both on its clock: the pause (backoff or Retry-After, which stops the
 * whole emitter) and the flush interval. At most one of each exists, both are unref'd unless a
 * caller awaits a flush, and `clear()` releases them for shutdown.
 */
export class EmitterTimers {
  private wake: TimerHandle | undefined;
  private interval: TimerHandle | undefined;
  private pausedUntil = 0;
  private keepAlive = false;

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly onWake: () => void,
    private readonly onInterval: () => void,
  ) {}

  /** True while a backoff or Retry-After pause runs. */
  get paused(): boolean {
    return this.wake !== undefined;
  }

  /** Pauses sending for `ms`; pauses only grow, so a short backoff never cuts a long wait short. */
  pause(ms: number): void {
    const until = this.clock.monotonic() + ms;
    if (this.wake !== undefined && until <= this.pausedUntil) return;
    if (this.wake !== undefined) this.clock.clearTimeout(this.wake);
    this.pausedUntil = until;
    // The timer, not a comparison with monotonic(), ends the pause: timers may fire a hair early.
    this.wake = this.clock.setTimeout(() => {
      this.wake = undefined;
      this.onWake();
    }, ms);
    setTimerRef(this.wake, this.keepAlive);
  }

  /** Arms the flush interval unless it is armed already or switched off (0). */
  armInterval(): void {
    if (this.interval !== undefined || this.intervalMs <= 0) return;
    this.interval = this.clock.setTimeout(() => {
      this.interval = undefined;
      this.onInterval();
    }, this.intervalMs);
    setTimerRef(this.interval, false);
  }

  /** Whether a caller awaits a flush: the pause timer then holds the process open. */
  setKeepAlive(keepAlive: boolean): void {
    this.keepAlive = keepAlive;
    if (this.wake !== undefined) setTimerRef(this.wake, keepAlive);
  }

  /** Cancels the flush interval (no more periodic sends). */
  stopInterval(): void {
    if (this.interval !== undefined) this.clock.clearTimeout(this.interval);
    this.interval = undefined;
  }

  /** Cancels both timers. */
  clear(): void {
    this.stopInterval();
    if (this.wake !== undefined) this.clock.clearTimeout(this.wake);
    this.wake = undefined;
  }
}
