import type { DropReason, FlushResult } from '../protocol/drop-report';
import { FloeError } from '../errors/floe-error';
import type { Payload } from '../protocol/payload';
import { EncodedEvent } from '../payload/encoded-event';
import type { ClockReading } from '../platform/clock';
import type { QueuedEvent } from '../store/event-store';
import type { TransportRequest } from '../transport/transport';
import { applyDecision, type DecisionTarget } from './apply-decision';
import { AttemptAbort } from './attempt-abort';
import type { Batch } from './batch';
import { BatchTaker } from './batch-taker';
import { buildRequest } from './build-request';
import { type Decision, type DecisionContext, decideOutcome } from './decide-outcome';
import { DeferredBooks } from './deferred-books';
import { DeliveryLedger } from './delivery-ledger';
import type { Emitter, FlushOptions } from './emitter';
import type { EmitterOptions } from './emitter-options';
import { EmitterTimers } from './emitter-timers';
import { FlushWaiters } from './flush-waiters';
import { ENVELOPE_BYTES, writeTexts } from './post-body';
import { type PrepareContext, prepareEncodedEvent, prepareEvent } from './prepare-event';
import { BodyBuffers, prepareBody } from './prepared-body';
import { type ResolvedOptions, resolveOptions } from './resolve-options';
import { createSafeCallbacks, type SafeCallbacks } from './safe-callbacks';
import { type AttemptContext, type AttemptOutcome, sendAttempt } from './send-attempt';
import { DEFAULT_SHUTDOWN_TIMEOUT_MS, releaseHandles } from './shutdown-steps';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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
  /**
   * Batches taken from the store and waiting for their next attempt, first in line first: retries,
   * and the batch taken ahead while a request is in flight.
   */
  private readonly waitingBatches: Batch[] = [];
  private readonly context: Mutable<PrepareContext>;
  /** The settings {@link decideOutcome} reads, made once; the streak and clock are set per call. */
  private readonly decisionContext: Mutable<DecisionContext>;
  /** Where bodies prepared ahead of their turn are written, for a transport that takes bytes. */
  private bodyBuffers: BodyBuffers | undefined;
  private readonly inFlight = new Set<Batch>();
  private readonly ledger: DeliveryLedger;
  private readonly taker: BatchTaker;
  private readonly books: DecisionTarget;
  /** Whether the next batch is taken ahead and sent before the books of the last (memory stores). */
  private readonly pipelined: boolean;
  /** Books put off until the next request is on the wire. */
  private readonly deferred: DeferredBooks;
  private seq = 0;
  private failureStreak = 0;
  private readonly timers: EmitterTimers;
  private intervalDrain = false;
  private pumpScheduled = false;
  private pumping: Promise<void> | undefined;
  private pumpAgain = false;
  private closed = false;
  private stopped = false;
  private shutdownResult: Promise<FlushResult> | undefined;
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
    this.ledger = new DeliveryLedger(this.o.store, this.waiters, this.callbacks);
    this.pipelined = !this.o.store.durable;
    const getOnly = this.o.method === 'GET' && !this.o.postFallback;
    this.context = { now: 0, seq: 0, getOnlyPrefix: getOnly ? this.o.pathPrefix : undefined };
    this.decisionContext = {
      statusPolicy: this.o.statusPolicy,
      retry: this.o.retry,
      durable: this.o.store.durable,
      maxAttempts: this.o.maxAttempts,
      backoff: this.o.backoff,
      random: this.o.random,
      failureStreak: 0,
      now: 0,
    };
    this.deferred = new DeferredBooks(this.ledger);
    this.taker = new BatchTaker(
      this.o,
      this.ledger,
      this.callbacks,
      () => this.timers.pause(this.o.backoff.capMs),
      () => this.stopped,
    );
    this.books = {
      ledger: this.ledger,
      callbacks: this.callbacks,
      taker: this.taker,
      waitingBatches: this.waitingBatches,
      pause: (ms) => this.timers.pause(ms),
    };
    this.timers = new EmitterTimers(
      this.o.clock,
      this.o.flushIntervalMs,
      () => this.schedulePump(),
      () => this.onInterval(),
    );
    if (this.ledger.unsettled > 0) this.timers.armInterval();
  }

  add(payload: Payload): void {
    if (this.closed) this.rejectClosed(payload);
    else this.enqueue(prepareEvent(payload, this.prepareContext()), payload);
  }

  addEncoded(event: EncodedEvent): void {
    if (this.closed) this.rejectClosed(event.payload);
    else this.enqueue(prepareEncodedEvent(event, this.prepareContext(event.trackedAt)), event);
  }

  // One context object, refilled for each event (it is read, never kept): `add()` allocates as
  // little as it can. A tracker on this emitter's clock has just read it: its reading is the time.
  private prepareContext(trackedAt?: ClockReading): PrepareContext {
    const context = this.context;
    context.now = trackedAt?.clock === this.o.clock ? trackedAt.now : this.o.clock.now();
    context.seq = this.seq + 1;
    return context;
  }

  // Drop reports carry the payload object; an encoded event parses it only here.
  private reject(reason: DropReason, source: Payload | EncodedEvent, error: FloeError): void {
    this.ledger.reject(reason, source instanceof EncodedEvent ? source.payload : source, error);
  }

  private rejectClosed(payload: Payload): void {
    this.ledger.reject('closed', payload, new FloeError('closed', 'emitter is shut down'));
  }

  private enqueue(prepared: QueuedEvent | FloeError, source: Payload | EncodedEvent): void {
    if (prepared instanceof FloeError) {
      this.reject(prepared.code === 'too_large' ? 'too_large' : 'invalid', source, prepared);
      return;
    }
    this.seq++;
    let evicted: readonly QueuedEvent[];
    try {
      evicted = this.o.store.add(prepared);
    } catch (cause) {
      const error = new FloeError('store', `store.add failed: ${String(cause)}`, { cause });
      this.callbacks.error(error);
      this.reject('queue_full', source, error);
      return;
    }
    this.ledger.unsettled++;
    if (evicted.length > 0) this.ledger.forget(evicted, 'queue_full');
    this.timers.armInterval();
    if (!this.pumpScheduled && this.readyToSend()) this.schedulePump();
  }

  flush(options: FlushOptions = {}): Promise<FlushResult> {
    const unsettled = this.ledger.unsettled;
    if (this.stopped) return Promise.resolve({ delivered: 0, dropped: 0, pending: unsettled });
    const result = this.waiters.wait(this.seq, unsettled, options.timeoutMs, true);
    this.schedulePump();
    return result;
  }

  shutdown(options: FlushOptions = {}): Promise<FlushResult> {
    if (!this.shutdownResult) {
      this.closed = true;
      this.timers.stopInterval();
      this.shutdownResult = this.finishShutdown(options.timeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS);
    }
    return this.shutdownResult;
  }

  private async finishShutdown(timeoutMs: number): Promise<FlushResult> {
    const flushed = await this.flush({ timeoutMs });
    this.deferred.keepDue();
    this.stopped = true;
    for (const controller of this.attempt.inFlight) controller.abort();
    this.timers.clear();
    this.waiters.finishAll();
    const lost = await releaseHandles({
      options: this.o,
      pumping: this.pumping,
      pendingIo: this.ledger.pendingIo,
      collectLeased: () => {
        const held: QueuedEvent[] = [];
        for (const batch of [...this.waitingBatches, ...this.inFlight]) held.push(...batch.events);
        this.waitingBatches.length = 0;
        this.inFlight.clear();
        return held;
      },
      reportLost: (events) => this.ledger.forget(events, 'shutdown_timeout'),
      onError: this.callbacks.error,
    });
    if (lost < 0) return flushed;
    return { delivered: flushed.delivered, dropped: flushed.dropped + lost, pending: 0 };
  }

  private readyToSend(): boolean {
    const waiting = this.ledger.waiting;
    if (waiting <= 0) return false;
    if (this.waiters.active || waiting >= this.o.flushAt) return true;
    const bytes = this.ledger.waitingBytes + ENVELOPE_BYTES;
    return this.o.method === 'POST' && bytes >= this.o.maxPostBytes;
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
      while (this.canStartAttempt()) {
        let batch = this.waitingBatches.shift();
        if (!batch) {
          if (!this.readyToSend()) break;
          batch = await this.taker.take();
          if (!batch) break;
          if (this.timers.paused || this.stopped) {
            // A failure paused the emitter while the store was being read: wait like the rest.
            if (batch.events.length > 0) this.waitingBatches.push(batch);
            break;
          }
        }
        if (batch.events.length > 0) this.startAttempt(batch);
      }
      await this.takeAhead();
    } while (this.pumpAgain && !this.stopped);
  }

  private canStartAttempt(): boolean {
    return !this.stopped && !this.timers.paused && this.inFlight.size < this.o.maxInFlight;
  }

  /**
   * While every request slot is busy, takes the next batch from the store, so that when the
   * request in flight succeeds the next one leaves at once (see {@link onOutcome}) and the store
   * is read while the collector works rather than while the wire is idle. Only while requests
   * succeed (an outage leaves the queue alone) and only for a memory store: a durable store's
   * ack must be written before the next request leaves, so a crash repeats at most one batch.
   */
  private async takeAhead(): Promise<void> {
    if (!this.pipelined || this.failureStreak > 0) return;
    if (this.stopped || this.timers.paused || this.waitingBatches.length > 0) return;
    if (this.inFlight.size < this.o.maxInFlight || !this.readyToSend()) return;
    const batch = await this.taker.take();
    if (batch && batch.events.length > 0) {
      // The body (or the events' texts) is written now, while the collector works, not after its
      // answer.
      if (this.o.method === 'POST' && this.o.transport.acceptsBytes === true) {
        this.bodyBuffers ??= new BodyBuffers(this.o.maxInFlight + 1);
        batch.body = prepareBody(batch.events, this.bodyBuffers);
      }
      if (batch.body === undefined) batch.texts = writeTexts(batch.events);
      this.waitingBatches.push(batch);
    }
  }

  /** @param onSent - called once this attempt's request is on the wire (see {@link onOutcome}). */
  private startAttempt(batch: Batch, onSent?: () => void): void {
    // A batch taken ahead may have waited through an outage: the durable store's age rule holds.
    const fresh = this.taker.expire(batch.events);
    if (fresh.length !== batch.events.length) {
      batch.texts = undefined;
      batch.body = undefined;
    }
    batch.events = fresh;
    if (batch.events.length === 0) return;
    // The attempt's controller is made first so its signal goes into the request as it is built.
    const controller = new AttemptAbort();
    const extras = { signal: controller.signal, onSent };
    const built = buildRequest(this.o, batch, String(this.o.clock.now()), undefined, extras);
    if (built instanceof FloeError) {
      this.ledger.settle(batch.events, 'too_large', { error: built });
      return;
    }
    if (built.overflow.length > 0) {
      const kept = batch.events.length - built.overflow.length;
      this.waitingBatches.unshift({
        ...batch,
        events: built.overflow,
        texts: batch.texts?.slice(kept),
        body: undefined,
      });
      batch.events = batch.events.slice(0, kept);
      batch.texts = batch.texts?.slice(0, kept);
      batch.body = undefined;
    }
    this.inFlight.add(batch);
    // A redirected request only needs the signal: the books were kept when the first one went.
    const rebuild = (url: string): TransportRequest => {
      const again = buildRequest(this.o, batch, String(this.o.clock.now()), url, {
        signal: controller.signal,
      });
      return again instanceof FloeError ? built.request : again.request;
    };
    void sendAttempt(this.attempt, controller, built.request, rebuild).then((outcome) =>
      this.onOutcome(batch, outcome),
    );
  }

  private onOutcome(batch: Batch, outcome: AttemptOutcome): void {
    if (this.stopped || !this.inFlight.delete(batch)) return;
    // Books still waiting for a "sent" that never came (a failed write) are kept first, in order.
    this.deferred.keepDue();
    const attempts = { counted: batch.attempts, total: batch.totalAttempts };
    // One context object, refreshed: this runs between an answer and the next request.
    const context = this.decisionContext;
    context.failureStreak = this.failureStreak;
    context.now = this.o.clock.now();
    const decision = decideOutcome(outcome, batch.events.length, attempts, context);
    // On success the next batch (taken ahead) leaves first, and this one's books are kept once that
    // request is on the wire, while the collector works. A failure keeps the next batch waiting,
    // behind the batch that failed.
    if (this.pipelined && decision.kind === 'success' && this.canStartAttempt()) {
      const next = this.waitingBatches.shift();
      if (next && next.events.length > 0) {
        // Node may take several turns of the event loop to write a large body: books kept in
        // between would hold up the rest of it, so they wait for the transport's onSent.
        const keep = this.deferred.defer(() => this.keepBooks(batch, decision));
        this.startAttempt(next, keep);
        this.deferred.afterSend(this.o.transport.reportsSent === true && this.inFlight.size > 0);
        return;
      }
    }
    this.keepBooks(batch, decision);
  }

  private keepBooks(batch: Batch, decision: Decision): void {
    this.failureStreak = applyDecision(this.books, batch, decision, this.failureStreak);
    this.schedulePump();
  }

  private onInterval(): void {
    if (this.closed || this.ledger.unsettled <= 0) return;
    if (!this.intervalDrain) {
      // The interval drains like a flush nobody awaits: partial batches go out until it settles.
      this.intervalDrain = true;
      void this.waiters.wait(this.seq, this.ledger.unsettled, undefined, false).then(() => {
        this.intervalDrain = false;
      });
    }
    this.schedulePump();
    this.timers.armInterval();
  }

  private onWaitersChanged(): void {
    this.timers.setKeepAlive(this.waiters.awaited);
    if (this.waiters.active) this.schedulePump();
  }
}
