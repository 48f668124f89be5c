import { FloeError } from '../errors/floe-error';
import type { DropReason, FlushResult } from '../protocol/drop-report';
import type { Payload } from '../protocol/payload';
import type { QueuedPayload } from '../store/event-store';
import type { AbortControllerLike } from '../transport/fetch-types';
import { type Batch, bisectBatch, bytesOf, eidsOf } from './batch';
import { createDropReport } from './create-drop-report';
import { decideOutcome } from './decide-outcome';
import type { Emitter, FlushOptions } from './emitter';
import type { EmitterOptions } from './emitter-options';
import { createEmitterTimers } from './emitter-timers';
import { createFlushWaiters } from './flush-waiters';
import { getPathBytes, MAX_GET_PATH_BYTES } from './get-path';
import { countFitting, ENVELOPE_BYTES } from './post-body';
import { queuePayload } from './queue-payload';
import { resolveOptions } from './resolve-options';
import { createSafeCallbacks } from './safe-callbacks';
import { type AttemptOutcome, sendAttempt } from './send-attempt';
import { createSendWindow } from './send-window';

/** Default deadline of `shutdown()`. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 5000;
/** Shutdown resolves at most this long after its deadline (reliability.md §1). */
const SHUTDOWN_GRACE_MS = 100;

/**
 * Creates an emitter that queues events, batches them by count and exact bytes, sends them to a
 * Snowplow-protocol collector with an adaptive number of requests in flight, retries with backoff
 * and Retry-After, and reports every event it gives up on through `onDrop`. Defaults follow
 * reliability.md §1: POST batches of 10 events and at most 40,000 B, a 5 s unref'd flush timer,
 * a 5 s request timeout, 2 to 8 requests in flight, a 64 MiB memory queue, the fetch transport.
 *
 * @param options - the collector `endpoint` and optional settings; see {@link EmitterOptions}.
 * @returns an {@link Emitter}; `add()` is synchronous and never throws.
 * @throws FloeError with code `invalid_config` for impossible options (a missing endpoint, a
 *   `flushAt` of 0…).
 * @example
 * const emitter = createEmitter({
 *   endpoint: 'https://collector.example.com',
 *   onDrop: (report) => console.warn(`dropped ${report.eids.length}: ${report.reason}`),
 * });
 * const tracker = createTracker({ namespace: 'app', platform: 'srv', emitters: [emitter] });
 * // …
 * await emitter.shutdown({ timeoutMs: 5000 });
 */
export function createEmitter(options: EmitterOptions): Emitter {
  const o = resolveOptions(options);
  const { store, clock } = o;
  const report = createSafeCallbacks(options);
  const waiters = createFlushWaiters(clock, () => {
    timers.setKeepAlive(waiters.awaited);
    if (waiters.active) scheduleDrain();
  });
  const timers = createEmitterTimers(clock, o.flushIntervalMs, scheduleDrain, onInterval);
  const window = createSendWindow(o.maxInFlight);
  /** Batches waiting for their next attempt, retried before anything new is taken. */
  const retries: Batch[] = [];
  const inFlight = new Set<Batch>();
  const controllers = new Set<AbortControllerLike>();
  /** Store calls still running (async `ack`/`release`), awaited at shutdown. */
  const storeCalls = new Set<Promise<unknown>>();
  /** Events queued and not yet delivered or dropped; a durable store's restored events count. */
  let unsettled = store.size;
  /** Events (and their bytes) taken from the store into batches. */
  let taken = 0;
  let takenBytes = 0;
  let seq = 0;
  /** Counted failures in a row, for the backoff; 0 after a success. */
  let failureStreak = 0;
  /** Grows on each failure that starts a new round (see `Batch.round`). */
  let round = 0;
  let closed = false;
  let stopped = false;
  let drainScheduled = false;
  let draining: Promise<void> | undefined;
  let drainAgain = false;
  let intervalDrain = false;
  let shutdownResult: Promise<FlushResult> | undefined;

  if (unsettled > 0) timers.armInterval();

  function add(payload: Payload): void {
    const rejected = enqueue(payload);
    if (rejected) {
      const [reason, error] = rejected;
      const eid = payload?.['eid'];
      report.drop({ reason, eids: typeof eid === 'string' ? [eid] : [], events: [payload], error });
    }
  }

  /** Queues one event, or says why it was turned away (never queued, so only reported). */
  function enqueue(payload: Payload): [DropReason, FloeError] | undefined {
    if (closed) return ['closed', new FloeError('closed', 'emitter is shut down')];
    const event = queuePayload(payload, clock.now(), seq + 1);
    if (event instanceof FloeError) {
      return [event.code === 'too_large' ? 'too_large' : 'invalid', event];
    }
    if (o.method === 'GET' && !o.postFallback) {
      const bytes = getPathBytes(o.pathPrefix, JSON.parse(event.json));
      if (bytes > MAX_GET_PATH_BYTES) {
        const message = `GET path and query of ${bytes} B, over the ${MAX_GET_PATH_BYTES} B cap`;
        return ['too_large', new FloeError('too_large', message)];
      }
    }
    seq++;
    let evicted: readonly QueuedPayload[];
    try {
      evicted = store.add(event);
    } catch (cause) {
      const error = new FloeError('store', `store.add failed: ${cause}`, { cause });
      report.error(error);
      return ['queue_full', error];
    }
    unsettled++;
    if (evicted.length > 0) forget(evicted, 'queue_full');
    timers.armInterval();
    if (readyToSend()) scheduleDrain();
    return undefined;
  }

  function flush(flushOptions: FlushOptions = {}): Promise<FlushResult> {
    if (stopped) return Promise.resolve({ delivered: 0, dropped: 0, pending: unsettled });
    const result = waiters.wait(seq, unsettled, flushOptions.timeoutMs, true);
    scheduleDrain();
    return result;
  }

  function readyToSend(): boolean {
    const waiting = store.size - taken;
    if (waiting <= 0) return false;
    if (waiters.active || waiting >= o.flushAt) return true;
    return o.method === 'POST' && store.byteSize - takenBytes + ENVELOPE_BYTES >= o.maxPostBytes;
  }

  function scheduleDrain(): void {
    if (drainScheduled || stopped) return;
    drainScheduled = true;
    queueMicrotask(() => {
      drainScheduled = false;
      void drain();
    });
  }

  /** The one drain loop: it starts attempts while the window has room and nothing pauses it. */
  function drain(): Promise<void> {
    if (draining) {
      drainAgain = true;
      return draining;
    }
    draining = (async () => {
      do {
        drainAgain = false;
        while (!stopped && !timers.paused && inFlight.size < window.size) {
          let batch = retries.shift();
          if (!batch) {
            if (!readyToSend()) break;
            batch = await takeBatch();
            if (!batch) break;
            if (timers.paused || stopped) {
              // A failure paused the emitter while the store was read: the batch waits its turn.
              retries.push(batch);
              break;
            }
          }
          start(batch);
        }
      } while (drainAgain && !stopped);
    })().finally(() => {
      draining = undefined;
    });
    return draining;
  }

  /** The oldest waiting events that fit one request, by count and exact bytes. */
  async function takeBatch(): Promise<Batch | undefined> {
    let events: readonly QueuedPayload[];
    try {
      const limit = o.method === 'GET' ? 1 : o.maxBatchEvents;
      events = await store.take(limit, o.maxPostBytes - ENVELOPE_BYTES);
    } catch (cause) {
      report.error(new FloeError('store', `store.take failed: ${cause}`, { cause }));
      // Paused, not spinning: the drain comes back after the longest backoff.
      timers.pause(o.backoff.capMs);
      return undefined;
    }
    const fitting = countFitting(events, o.maxPostBytes);
    if (fitting < events.length) {
      const rest = events.slice(fitting);
      events = events.slice(0, fitting);
      storeCall(() => store.release(eidsOf(rest)));
    }
    if (events.length === 0) return undefined;
    taken += events.length;
    takenBytes += bytesOf(events);
    return { events, attempts: 0, total: 0, round };
  }

  function start(batch: Batch): void {
    // A batch that waited through an outage may hold events past a durable store's age limit.
    batch.events = expire(batch.events);
    if (batch.events.length === 0) return;
    batch.round = round;
    inFlight.add(batch);
    void sendAttempt(o, batch.events, controllers).then((outcome) => finish(batch, outcome));
  }

  /** Applies one attempt's outcome: settle, split, retry or drop; callbacks after the counts. */
  function finish(batch: Batch, outcome: AttemptOutcome): void {
    if (stopped || !inFlight.delete(batch)) return;
    const { events } = batch;
    const eids = eidsOf(events);
    // Requests that failed together count as one failure: only the first of a round counts.
    const newRound = batch.round === round;
    const decision = decideOutcome(outcome, events.length, batch, {
      statusPolicy: o.statusPolicy,
      retry: o.retry,
      durable: store.durable,
      maxAttempts: o.maxAttempts,
      backoff: o.backoff,
      random: o.random,
      failureStreak: newRound ? failureStreak : Math.max(0, failureStreak - 1),
      now: clock.now(),
    });
    if (decision.kind === 'success') {
      settle(events, 'delivered');
      failureStreak = 0;
      // Only requests sent since the last pushback may widen the window again.
      if (newRound && (retries.length > 0 || store.size > taken)) window.grow();
      report.success({ eids, status: decision.status });
    } else if (decision.kind === 'bisect') {
      retries.unshift(...bisectBatch(batch));
      report.failure({ eids, status: decision.status, willRetry: true });
    } else if (decision.kind === 'drop') {
      const { status, error } = decision;
      report.failure({ eids, status, error, willRetry: false });
      settle(events, decision.reason, { status, error });
    } else {
      const { status, error } = decision;
      batch.total++;
      if (decision.counted) batch.attempts++;
      if (newRound) {
        round++;
        if (decision.counted) failureStreak++;
        if (error || status === 429 || status === 503) window.shrink();
      }
      batch.events = expire(events);
      if (batch.events.length > 0) retries.unshift(batch);
      timers.pause(decision.delayMs);
      report.failure({ eids, status, error, willRetry: batch.events.length > 0 });
    }
    scheduleDrain();
  }

  /** Drops a durable store's events older than `maxAgeMs` (reason `max_age`); returns the rest. */
  function expire(events: readonly QueuedPayload[]): readonly QueuedPayload[] {
    if (!store.durable) return events;
    const oldest = clock.now() - o.maxAgeMs;
    const expired = events.filter((event) => event.queuedAt < oldest);
    if (expired.length > 0) settle(expired, 'max_age');
    return expired.length > 0 ? events.filter((event) => event.queuedAt >= oldest) : events;
  }

  /** Taken events leave the store for good: delivered, or dropped and reported. */
  function settle(
    events: readonly QueuedPayload[],
    reason: DropReason | 'delivered',
    detail?: { status?: number; error?: FloeError },
  ): void {
    taken -= events.length;
    takenBytes -= bytesOf(events);
    storeCall(() => store.ack(eidsOf(events)));
    forget(events, reason, detail);
  }

  /** Events the store let go of (settled, evicted, or left at shutdown) are counted and reported. */
  function forget(
    events: readonly QueuedPayload[],
    reason: DropReason | 'delivered',
    detail?: { status?: number; error?: FloeError },
  ): void {
    unsettled -= events.length;
    waiters.settle(events, reason === 'delivered' ? 'delivered' : 'dropped');
    if (reason !== 'delivered') report.drop(createDropReport(reason, events, detail));
  }

  /** Runs a store call that may be async; a failure goes to `onError`, never to the batch. */
  function storeCall(call: () => void | Promise<void>): void {
    const fail = (cause: unknown): void => {
      report.error(new FloeError('store', `store call failed: ${cause}`, { cause }));
    };
    try {
      const pending = call()?.catch(fail);
      if (!pending) return;
      storeCalls.add(pending);
      void pending.finally(() => storeCalls.delete(pending));
    } catch (cause) {
      fail(cause);
    }
  }

  function onInterval(): void {
    if (closed || unsettled <= 0) return;
    if (!intervalDrain) {
      // The interval drains like a flush nobody awaits: partial batches go until it settles.
      intervalDrain = true;
      void waiters.wait(seq, unsettled, undefined, false).then(() => {
        intervalDrain = false;
      });
    }
    scheduleDrain();
    timers.armInterval();
  }

  function shutdown(shutdownOptions: FlushOptions = {}): Promise<FlushResult> {
    if (!shutdownResult) {
      closed = true;
      timers.stopInterval();
      shutdownResult = close(shutdownOptions.timeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS);
    }
    return shutdownResult;
  }

  /**
   * After the flush deadline: cut the requests in flight; a durable store gets back the events
   * the emitter held, so they survive; a memory store's leftovers are reported `shutdown_timeout`;
   * then the transport and the store are closed, all within a 100 ms grace on the emitter's clock.
   */
  async function close(timeoutMs: number): Promise<FlushResult> {
    const flushed = await flush({ timeoutMs });
    stopped = true;
    for (const controller of controllers) controller.abort();
    timers.clear();
    waiters.finishAll();
    let lost = -1;
    const release = async (): Promise<void> => {
      await draining;
      const held = [...retries, ...inFlight].flatMap((batch) => batch.events);
      retries.length = 0;
      inFlight.clear();
      if (store.durable) {
        await store.release(eidsOf(held));
      } else {
        const left = [...held, ...(await store.take(Number.MAX_SAFE_INTEGER))];
        await store.ack(eidsOf(left));
        if (left.length > 0) forget(left, 'shutdown_timeout');
        lost = left.length;
      }
      await Promise.allSettled(storeCalls);
      await o.transport.close?.();
      await store.close?.();
    };
    const released = release().catch((cause: unknown) => {
      report.error(new FloeError('store', `shutdown failed: ${cause}`, { cause }));
    });
    await new Promise<void>((resolve) => {
      const grace = clock.setTimeout(resolve, SHUTDOWN_GRACE_MS);
      void released.finally(() => {
        clock.clearTimeout(grace);
        resolve();
      });
    });
    if (lost < 0) return flushed;
    return { delivered: flushed.delivered, dropped: flushed.dropped + lost, pending: 0 };
  }

  return { method: o.method, add, flush, shutdown };
}
