import type { TimerHandle } from '../platform/clock';
import type { FlushResult } from '../protocol/drop-report';
import { eidsOf } from './batch';
import type { EmitterState } from './emitter-state';
import { forget } from './settle-events';

/** Default deadline of `shutdown()`. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 5000;
/** Shutdown resolves at most this long after its deadline (reliability.md §1). */
const SHUTDOWN_GRACE_MS = 100;

/**
 * The end of `shutdown()`, once its flush has resolved or hit its deadline: stops sending, cuts
 * the requests in flight and ends every flush still waiting. Then a durable store gets back the
 * events the emitter held, so they survive; a memory store's leftovers are reported
 * `shutdown_timeout`; then the transport and the store are closed, all within a 100 ms grace on
 * the emitter's clock, so a store or transport that hangs cannot hold shutdown.
 *
 * @param flushed - what the shutdown's flush counted.
 * @param draining - the drain still running, if any: it may be reading the store.
 * @returns the shutdown's result: a memory store's leftovers move from `pending` to `dropped`.
 */
export async function stopEmitter(
  state: EmitterState,
  flushed: FlushResult,
  draining: Promise<void> | undefined,
): Promise<FlushResult> {
  const { store, clock, retries, inFlight } = state;
  state.stopped = true;
  for (const controller of state.controllers) controller.abort();
  state.pauseTimer.clear();
  state.waiters.endAll();
  /** Events a memory store still held, dropped at the end; -1 while that is not known. */
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
      if (left.length > 0) forget(state, left, 'shutdown_timeout');
      lost = left.length;
    }
    await state.storeCalls;
    await state.transport.close?.();
    await store.close?.();
  };
  let grace: TimerHandle;
  await new Promise<void>((resolve) => {
    grace = clock.setTimeout(resolve, SHUTDOWN_GRACE_MS);
    release().then(resolve, (cause: unknown) => resolve(void state.storeFailed('shutdown', cause)));
  });
  clock.clearTimeout(grace);
  if (lost < 0) return flushed;
  // A memory store's leftovers, pending for the flush, are dropped now.
  return { delivered: flushed.delivered, dropped: flushed.dropped + lost, pending: 0 };
}
