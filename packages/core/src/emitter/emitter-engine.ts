import type { DropReason, FlushResult } from '../drop-report';
import { FloeError } from '../errors/floe-error';
import type { Payload } from '../payload';
import type { TimerHandle } from '../platform/clock';
import type { QueuedEvent } from '../store/event-store';
import type { TransportRequest } from '../transport/transport';
import { type Batch, bisectBatch, bytesOf, createBatch, eidsOf } from './batch';
import { buildRequest } from './build-request';
import { type Decision, decideOutcome } from './decide-outcome';
import type { Emitter, FlushOptions } from './emitter';
import type { EmitterOptions } from './emitter-options';
import { FlushWaiters } from './flush-waiters';
import { countFitting, ENVELOPE_BYTES } from './post-body';
import { prepareEvent } from './prepare-event';
import { type ResolvedOptions, resolveOptions } from './resolve-options';
import { createSafeCallbacks, type SafeCallbacks } from './safe-callbacks';
import { type AttemptContext, type AttemptOutcome, sendAttempt } from './send-attempt';
import { releaseHandles } from './shutdown-steps';
import { setTimerRef } from './timer-ref';

/** Default deadline of `shutdown()`. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 5000;

/** Optional fields of a drop report. */
interface DropDetail {
  readonly status?: number;
  readonly error?: FloeError;
}

/**
 * The emitter's state machine: queue → batches → attempts → success, retry or drop. One drain
 * loop (`pump`) sends while the emitter is not paused and fewer than `maxInFlight` requests are
 * out; backoff and Retry-After pause the whole emitter on one timer; every settled event is counted
 * once toward the flush waiters that cover it.
 */
export class EmitterEngine implements Emitter {
  readonly method: 'GET' | 'POST';
  private readonly o: ResolvedOptions;
  private readonly callbacks: SafeCallbacks;
  private readonly waiters: FlushWaiters;
  private readonly attempt: AttemptContext;
  /** Batches waiting to be re-sent, first in line first. */
  private readonly retryQueue: Batch[] = [];
  private readonly inFlight = new Set<Batch>();
  private leased = 0;
  private leasedBytes = 0;
  /** Events queued and not yet delivered or dropped (events restored by a durable store count). */
  private unsettled: number;
  private seq = 0;
  private failureStreak = 0;
  private paused = false;
  private pausedUntil = 0;
  private wakeTimer: TimerHandle | undefined;
  private intervalTimer: TimerHandle | undefined;
  private intervalDrain = false;
  private pumpScheduled = false;
  private pumping: Promise<void> | undefined;
  private pumpAgain = false;
  private closed = false;
  private stopped = false;
  private shutdownResult: Promise<FlushResult> | undefined;
  readonly pendingIo = new Set<Promise<unknown>>();
  private readonly runPump = (): void => {
    this.pumpScheduled = false;
    void this.pump();
  };

  constructor(options: EmitterOptions) {
    this.o = resolveOptions(options);
    this.method = this.o.method;
    this.callbacks = createSafeCallbacks(options);
    this.waiters = new FlushWaiters(this.o.clock, () => this.onWaitersChanged());
    this.attempt = { transport: this.o.transport, clock: this.o.clock, inFlight: new Set() };
    this.unsettled = this.o.store.size;
    if (this.unsettled > 0) this.armInterval();
  }

  add(payload: Payload): void {
    if (this.closed) {
      this.reportRejected('closed', payload, new FloeError('closed', 'emitter is shut down'));
      return;
    }
    const getOnly = this.o.method === 'GET' && !this.o.postFallback;
    const prepared = prepareEvent(payload, {
      now: this.o.clock.now(),
      seq: this.seq + 1,
      getOnlyPrefix: getOnly ? this.o.pathPrefix : undefined,
    });
    if (prepared instanceof FloeError) {
      const reason = prepared.code === 'too_large' ? 'too_large' : 'invalid';
      this.reportRejected(reason, payload, prepared);
      return;
    }
    this.seq++;
    let evicted: readonly QueuedEvent[];
    try {
      evicted = this.o.store.add(prepared);
    } catch (cause) {
      const error = new FloeError('store', `store.add failed: ${String(cause)}`, { cause });
      this.callbacks.error(error);
      this.reportRejected('queue_full', payload, error);
      return;
    }
    this.unsettled++;
    if (evicted.length > 0) this.settleDropped(evicted, 'queue_full', {});
    this.armInterval();
    if (!this.pumpScheduled && this.readyToSend()) this.schedulePump();
  }

  flush(options: FlushOptions = {}): Promise<FlushResult> {
    if (this.stopped) return Promise.resolve({ delivered: 0, dropped: 0, pending: this.unsettled });
    const result = this.waiters.wait(this.seq, this.unsettled, options.timeoutMs, true);
    this.schedulePump();
    return result;
  }

  shutdown(options: FlushOptions = {}): Promise<FlushResult> {
    if (!this.shutdownResult) {
      this.closed = true;
      this.clearTimer('intervalTimer');
      this.shutdownResult = this.finishShutdown(options.timeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS);
    }
    return this.shutdownResult;
  }

  private async finishShutdown(timeoutMs: number): Promise<FlushResult> {
    const flushed = await this.flush({ timeoutMs });
    this.stopped = true;
    for (const controller of this.attempt.inFlight) controller.abort();
    this.clearTimer('wakeTimer');
    this.waiters.finishAll();
    const lost = await releaseHandles({
      options: this.o,
      pumping: this.pumping,
      pendingIo: this.pendingIo,
      collectLeased: () => {
        const held: QueuedEvent[] = [];
        for (const batch of [...this.retryQueue, ...this.inFlight]) held.push(...batch.events);
        this.retryQueue.length = 0;
        this.inFlight.clear();
        return held;
      },
      reportLost: (events) => this.settleDropped(events, 'shutdown_timeout', {}),
      onError: this.callbacks.error,
    });
    if (lost < 0) return flushed;
    return { delivered: flushed.delivered, dropped: flushed.dropped + lost, pending: 0 };
  }

  private readyToSend(): boolean {
    const waiting = this.o.store.size - this.leased;
    if (waiting <= 0) return false;
    if (this.waiters.active || waiting >= this.o.flushAt) return true;
    const waitingBytes = this.o.store.byteSize - this.leasedBytes;
    return this.o.method === 'POST' && waitingBytes + ENVELOPE_BYTES >= this.o.maxPostBytes;
  }

  private schedulePump(): void {
    if (this.pumpScheduled || this.stopped) return;
    this.pumpScheduled = true;
    queueMicrotask(this.runPump);
  }

  private pump(): Promise<void> {
    if (this.pumping) {
      this.pumpAgain = true;
      return this.pumping;
    }
    this.pumping = this.drain().finally(() => {
      this.pumping = undefined;
    });
    return this.pumping;
  }

  private async drain(): Promise<void> {
    do {
      this.pumpAgain = false;
      while (!this.stopped && !this.paused && this.inFlight.size < this.o.maxInFlight) {
        let batch = this.retryQueue.shift();
        if (!batch) {
          if (!this.readyToSend()) break;
          batch = await this.takeBatch();
          if (!batch) break;
          if (this.paused || this.stopped) {
            // A failure paused the emitter while the store was being read: wait like the rest.
            if (batch.events.length > 0) this.retryQueue.push(batch);
            break;
          }
        }
        if (batch.events.length > 0) this.startAttempt(batch);
      }
    } while (this.pumpAgain && !this.stopped);
  }

  private async takeBatch(): Promise<Batch | undefined> {
    const store = this.o.store;
    const limit = this.o.method === 'GET' ? 1 : this.o.maxBatchEvents;
    let taken: readonly QueuedEvent[];
    try {
      taken = await store.take(limit, this.o.maxPostBytes - ENVELOPE_BYTES);
    } catch (cause) {
      this.callbacks.error(
        new FloeError('store', `store.take failed: ${String(cause)}`, { cause }),
      );
      this.pause(this.o.backoff.capMs);
      return undefined;
    }
    if (taken.length === 0) return undefined;
    const fitting = countFitting(taken, this.o.maxPostBytes, String(this.o.clock.now()).length);
    const events = taken.slice(0, fitting);
    if (fitting < taken.length) this.io(() => store.release(eidsOf(taken.slice(fitting))));
    this.leased += events.length;
    this.leasedBytes += bytesOf(events);
    if (this.stopped) {
      this.io(() => store.release(eidsOf(events)));
      this.unlease(events);
      return undefined;
    }
    return createBatch(this.expire(events));
  }

  private startAttempt(batch: Batch): void {
    const built = buildRequest(this.o, batch, String(this.o.clock.now()));
    if (built instanceof FloeError) {
      this.settleBatch(batch.events, 'dropped');
      this.callbacks.drop(dropReport('too_large', batch.events, { error: built }));
      return;
    }
    if (built.overflow.length > 0) {
      batch.events = batch.events.slice(0, batch.events.length - built.overflow.length);
      this.retryQueue.unshift({ ...batch, events: built.overflow });
    }
    this.inFlight.add(batch);
    const build = (url?: string): TransportRequest => {
      if (url === undefined) return built.request;
      const again = buildRequest(this.o, batch, String(this.o.clock.now()), url);
      return again instanceof FloeError ? built.request : again.request;
    };
    void sendAttempt(this.attempt, build).then((outcome) => this.onOutcome(batch, outcome));
  }

  private onOutcome(batch: Batch, outcome: AttemptOutcome): void {
    if (this.stopped || !this.inFlight.delete(batch)) return;
    const decision = decideOutcome(
      outcome,
      batch.events.length,
      { counted: batch.attempts, total: batch.totalAttempts },
      {
        statusPolicy: this.o.statusPolicy,
        retry: this.o.retry,
        durable: this.o.store.durable,
        maxAttempts: this.o.maxAttempts,
        backoff: this.o.backoff,
        random: this.o.random,
        failureStreak: this.failureStreak,
        now: this.o.clock.now(),
      },
    );
    this.apply(batch, decision);
    this.schedulePump();
  }

  private apply(batch: Batch, decision: Decision): void {
    const eids = eidsOf(batch.events);
    if (decision.kind === 'success') {
      this.failureStreak = 0;
      this.settleBatch(batch.events, 'delivered');
      this.callbacks.success({ eids, status: decision.status });
    } else if (decision.kind === 'bisect') {
      this.retryQueue.unshift(...bisectBatch(batch));
      this.callbacks.failure({ eids, status: decision.status, willRetry: true });
    } else if (decision.kind === 'drop') {
      const { status, error } = decision;
      this.settleBatch(batch.events, 'dropped');
      this.callbacks.failure({ eids, status, error, willRetry: false });
      this.callbacks.drop(dropReport(decision.reason, batch.events, { status, error }));
    } else {
      const { status, error } = decision;
      batch.totalAttempts++;
      if (decision.counted) {
        batch.attempts++;
        this.failureStreak++;
      }
      batch.events = this.expire(batch.events);
      const willRetry = batch.events.length > 0;
      if (willRetry) this.retryQueue.unshift(batch);
      this.pause(decision.delayMs);
      this.callbacks.failure({ eids, status, error, willRetry });
    }
  }

  /** Drops a durable store's events older than `maxAgeMs` and returns the rest. */
  private expire(events: readonly QueuedEvent[]): readonly QueuedEvent[] {
    if (!this.o.store.durable) return events;
    const oldest = this.o.clock.now() - this.o.maxAgeMs;
    const expired = events.filter((event) => event.queuedAt < oldest);
    if (expired.length === 0) return events;
    this.settleBatch(expired, 'dropped');
    this.callbacks.drop(dropReport('max_age', expired, {}));
    return events.filter((event) => event.queuedAt >= oldest);
  }

  private settleBatch(events: readonly QueuedEvent[], outcome: 'delivered' | 'dropped'): void {
    this.unlease(events);
    this.unsettled -= events.length;
    this.io(() => this.o.store.ack(eidsOf(events)));
    this.waiters.settle(events, outcome);
  }

  private settleDropped(
    events: readonly QueuedEvent[],
    reason: DropReason,
    detail: DropDetail,
  ): void {
    this.unsettled -= events.length;
    this.waiters.settle(events, 'dropped');
    this.callbacks.drop(dropReport(reason, events, detail));
  }

  private unlease(events: readonly QueuedEvent[]): void {
    this.leased -= events.length;
    this.leasedBytes -= bytesOf(events);
  }

  private reportRejected(reason: DropReason, payload: Payload, error: FloeError): void {
    const eid = payload?.['eid'];
    const eids = typeof eid === 'string' ? [eid] : [];
    this.callbacks.drop({ reason, eids, events: [payload], error });
  }

  /** Runs a store call that may be async; failures go to `onError`, never to the batch. */
  private io(call: () => void | Promise<void>): void {
    try {
      const result = call();
      if (!result) return;
      const tracked = result.catch((cause: unknown) => {
        this.callbacks.error(
          new FloeError('store', `store call failed: ${String(cause)}`, { cause }),
        );
      });
      this.pendingIo.add(tracked);
      void tracked.finally(() => this.pendingIo.delete(tracked));
    } catch (cause) {
      this.callbacks.error(
        new FloeError('store', `store call failed: ${String(cause)}`, { cause }),
      );
    }
  }

  private pause(ms: number): void {
    const until = this.o.clock.monotonic() + ms;
    // Pauses only grow: a short backoff never cuts a Retry-After pause short.
    if (this.paused && until <= this.pausedUntil) return;
    this.clearTimer('wakeTimer');
    this.paused = true;
    this.pausedUntil = until;
    this.wakeTimer = this.o.clock.setTimeout(() => {
      this.wakeTimer = undefined;
      this.paused = false;
      this.schedulePump();
    }, ms);
    setTimerRef(this.wakeTimer, this.waiters.awaited);
  }

  private armInterval(): void {
    if (this.intervalTimer !== undefined || this.closed || this.o.flushIntervalMs <= 0) return;
    this.intervalTimer = this.o.clock.setTimeout(() => {
      this.intervalTimer = undefined;
      if (this.unsettled <= 0) return;
      if (!this.intervalDrain) {
        this.intervalDrain = true;
        void this.waiters.wait(this.seq, this.unsettled, undefined, false).then(() => {
          this.intervalDrain = false;
        });
      }
      this.schedulePump();
      this.armInterval();
    }, this.o.flushIntervalMs);
    setTimerRef(this.intervalTimer, false);
  }

  private onWaitersChanged(): void {
    if (this.wakeTimer !== undefined) setTimerRef(this.wakeTimer, this.waiters.awaited);
    if (this.waiters.active) this.schedulePump();
  }

  private clearTimer(name: 'wakeTimer' | 'intervalTimer'): void {
    const handle = this[name];
    if (handle === undefined) return;
    this.o.clock.clearTimeout(handle);
    this[name] = undefined;
  }
}

function dropReport(reason: DropReason, events: readonly QueuedEvent[], detail: DropDetail) {
  return { reason, eids: eidsOf(events), events: events.map((event) => event.payload), ...detail };
}
