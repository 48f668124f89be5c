import { FloeError } from '../errors/floe-error';
import type { Clock } from '../platform/clock';
import type { QueuedEvent } from '../store/event-store';
import { eidsOf } from './batch';
import type { ResolvedOptions } from './resolve-options';

/** Default deadline of `shutdown()`. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 5000;
/** Shutdown resolves at most this long after its deadline (reliability.md §1). */
export const SHUTDOWN_GRACE_MS = 100;

/** What {@link releaseHandles} needs from the emitter. */
export interface ShutdownContext {
  readonly options: ResolvedOptions;
  /** The drain loop, if it is still running (it may be inside an async `store.take`). */
  readonly pumping: Promise<void> | undefined;
  /** Store calls still in flight. */
  readonly pendingIo: ReadonlySet<Promise<unknown>>;
  /** Events the emitter still holds (retry queue and aborted requests), collected once it stopped. */
  collectLeased(): QueuedEvent[];
  /** Reports a memory store's leftovers as `shutdown_timeout` drops. */
  reportLost(events: readonly QueuedEvent[]): void;
  onError(error: FloeError): void;
}

/**
 * The last step of `shutdown()`, after the flush deadline: a durable store gets back the events
 * the emitter held, so they survive; a memory store's remaining events are reported lost; then the
 * transport and the store are closed. Everything is bounded by a 100 ms grace on the emitter's
 * clock, so a hanging store or transport cannot hold `shutdown()` open.
 *
 * @returns how many events were reported lost, or -1 if the grace ran out first.
 */
export async function releaseHandles(context: ShutdownContext): Promise<number> {
  const { store, transport, clock } = context.options;
  let lost = -1;
  const work = async (): Promise<void> => {
    await context.pumping;
    const leased = context.collectLeased();
    if (store.durable) {
      await store.release(eidsOf(leased));
    } else {
      const waiting = await store.take(Number.MAX_SAFE_INTEGER);
      const all = [...leased, ...waiting];
      await store.ack(eidsOf(all));
      if (all.length > 0) context.reportLost(all);
      lost = all.length;
    }
    await Promise.allSettled([...context.pendingIo]);
    await transport.close?.();
    await store.close?.();
  };
  const done = work().catch((cause: unknown) => {
    context.onError(new FloeError('store', `shutdown failed: ${String(cause)}`, { cause }));
  });
  await withinGrace(clock, done, SHUTDOWN_GRACE_MS);
  return lost;
}

/** Waits for `promise`, but at most `ms` on `clock`; the timer is always cleared. */
function withinGrace(clock: Clock, promise: Promise<void>, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = clock.setTimeout(resolve, ms);
    void promise.finally(() => {
      clock.clearTimeout(timer);
      resolve();
    });
  });
}
