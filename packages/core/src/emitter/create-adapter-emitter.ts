import { FloeError } from '../errors/floe-error';
import type { DropReason, FlushResult } from '../protocol/drop-report';
import type { Payload } from '../protocol/payload';
import type { QueuedPayload } from '../store/event-store';
import { getPath } from './build-request';
import { createDrain } from './drain';
import type { Emitter, FlushOptions } from './emitter';
import type { AdapterEmitterOptions } from './emitter-options';
import type { EmitterState } from './emitter-state';
import { createFlushInterval } from './flush-interval';
import { createFlushWaiters } from './flush-waiters';
import { MAX_GET_PATH_BYTES } from './get-query';
import { createPauseTimer } from './pause-timer';
import { queuePayload } from './queue-payload';
import { resolveEmitterOptions } from './resolve-emitter-options';
import { createSafeCallbacks } from './safe-callbacks';
import { INITIAL_WINDOW } from './send-window';
import { forget } from './settle-events';
import { DEFAULT_SHUTDOWN_TIMEOUT_MS, stopEmitter } from './shutdown';

/** A 13-digit `stm`, for sizing a GET before its send time is known. */
const STM_PLACEHOLDER = '0000000000000';

/**
 * The emitter engine behind `createEmitter`, for adapters that bring their own store and
 * transport (@floe/browser, @floe/edge, @floe/node): taking both explicitly keeps the memory store
 * and the fetch transport out of their bundles unless they use them. Everything else is as
 * `createEmitter`.
 *
 * This file wires the engine together and holds the three calls of the contract; each part of
 * the engine has its own file: the options (resolve-emitter-options.ts), the drain (drain.ts,
 * take-batch.ts), one attempt (send-attempt.ts, build-request.ts), its outcome (finish-attempt.ts,
 * retry-rules.ts), events leaving (settle-events.ts), the flush accounting (flush-waiters.ts), the
 * timers (pause-timer.ts, flush-interval.ts) and the end of shutdown (shutdown.ts).
 *
 * @param options - the collector `endpoint`, the `store` and `transport`, optional settings.
 * @returns an {@link Emitter}; `add()` is synchronous and never throws.
 * @throws FloeError with code `invalid_config` for impossible options.
 * @example
 * import { createAdapterEmitter } from '@floe/core/internal';
 * const emitter = createAdapterEmitter({
 *   endpoint: options.endpoint,
 *   store: createLocalStorageStore({ prefix: 'q.' }),
 *   transport: makeBrowserTransport(isLeaving, true),
 * });
 */
export function createAdapterEmitter(options: AdapterEmitterOptions): Emitter {
  const settings = resolveEmitterOptions(options);
  const { method, store, clock } = settings;
  const callbacks = createSafeCallbacks(options);
  // The pause timer and the drain call each other; the drain exists by the time a pause ends.
  const pauseTimer = createPauseTimer(clock, () => drain.schedule());
  const state: EmitterState = {
    ...settings,
    ...callbacks,
    pauseTimer,
    // While a caller awaits a flush, the pause timer holds the process open, so the retry happens.
    waiters: createFlushWaiters(clock, (waiting) => pauseTimer.hold(waiting > 0)),
    retries: [],
    inFlight: new Set(),
    controllers: new Set(),
    unsettled: store.size,
    taken: 0,
    takenBytes: 0,
    window: Math.min(INITIAL_WINDOW, settings.maxInFlight),
    failureStreak: 0,
    round: 0,
    sendPartial: false,
    stopped: false,
  };
  /** The `seq` of the last event queued. */
  let seq = 0;
  /** `shutdown()` was called: `add()` turns events away. */
  let closed = false;
  let shutdownResult: Promise<FlushResult> | undefined;
  const drain = createDrain(state);
  // Each tick sends what waits, partial batches included, until nothing waits.
  const interval = createFlushInterval(clock, settings.flushIntervalMs, () => {
    if (closed || state.unsettled <= 0) return false;
    state.sendPartial = true;
    drain.schedule();
    return true;
  });

  if (state.unsettled > 0) interval.arm();

  function add(payload: Payload): void {
    const error = enqueue(payload);
    if (error) {
      const { code } = error;
      const eid = payload?.['eid'];
      callbacks.onDrop({
        // `closed` and `too_large` are reasons of the same name.
        reason: (code === 'invalid_event'
          ? 'invalid'
          : code === 'store'
            ? 'queue_full'
            : code) as DropReason,
        eids: typeof eid === 'string' ? [eid] : [],
        events: [payload],
        error,
      });
    }
  }

  /** Queues one event, or returns why it was turned away (never queued, so only reported). */
  function enqueue(payload: Payload): FloeError | undefined {
    if (closed) return new FloeError('closed', 'emitter is shut down');
    const event = queuePayload(payload, clock.now(), seq + 1);
    if (event instanceof FloeError) return event;
    if (method === 'GET' && !settings.postFallback) {
      const bytes = getPath(settings.pathPrefix, JSON.parse(event.json), STM_PLACEHOLDER).length;
      if (bytes > MAX_GET_PATH_BYTES) {
        return new FloeError('too_large', `GET request of ${bytes} B > ${MAX_GET_PATH_BYTES} B`);
      }
    }
    seq++;
    let evicted: readonly QueuedPayload[];
    try {
      evicted = store.add(event);
    } catch (cause) {
      return callbacks.storeFailed('store.add', cause);
    }
    state.unsettled++;
    if (evicted.length > 0) forget(state, evicted, 'queue_full');
    interval.arm();
    drain.scheduleIfReady();
    return undefined;
  }

  function flush({ timeoutMs }: FlushOptions = {}): Promise<FlushResult> {
    const { stopped, unsettled } = state;
    if (stopped || unsettled <= 0) {
      return Promise.resolve({ delivered: 0, dropped: 0, pending: stopped ? unsettled : 0 });
    }
    const result = state.waiters.wait(seq, unsettled, timeoutMs);
    drain.schedule();
    return result;
  }

  function shutdown({
    timeoutMs = DEFAULT_SHUTDOWN_TIMEOUT_MS,
  }: FlushOptions = {}): Promise<FlushResult> {
    if (!shutdownResult) {
      closed = true;
      interval.clear();
      shutdownResult = flush({ timeoutMs }).then((flushed) =>
        stopEmitter(state, flushed, drain.running),
      );
    }
    return shutdownResult;
  }

  return { method, add, flush, shutdown };
}
