import type { FloeError } from '../errors/floe-error';
import type { DropReason } from '../protocol/drop-report';
import type { Payload } from '../protocol/payload';
import type { QueuedPayload } from '../store/event-store';
import { bytesOf, eidsOf } from './batch';
import type { EmitterState } from './emitter-state';

/** The status or error behind a drop, passed on to `onDrop`. */
export interface DropDetail {
  readonly status?: number | undefined;
  readonly error?: FloeError | undefined;
}

/**
 * Taken events leave the store for good: delivered, or dropped and reported.
 *
 * @param events - events of a batch (taken from the store).
 */
export function settle(
  state: EmitterState,
  events: readonly QueuedPayload[],
  reason: DropReason | 'delivered',
  detail?: DropDetail,
): void {
  state.taken -= events.length;
  state.takenBytes -= bytesOf(events);
  callStore(state, () => state.store.ack(eidsOf(events)));
  forget(state, events, reason, detail);
}

/**
 * Events the store let go of (settled, evicted, or left at shutdown) are counted for the flush
 * waiters and, unless delivered, reported to `onDrop`.
 */
export function forget(
  state: EmitterState,
  events: readonly QueuedPayload[],
  reason: DropReason | 'delivered',
  detail?: DropDetail,
): void {
  state.unsettled -= events.length;
  state.waiters.count(events, reason === 'delivered' ? 'delivered' : 'dropped');
  if (reason === 'delivered') return;
  // The payloads are parsed from the queued texts only if `events` is read, then kept: an
  // onDrop that only counts (a burst past the cap evicts inside track()) pays nothing for them.
  let payloads: readonly Payload[] | undefined;
  state.onDrop({
    reason,
    eids: eidsOf(events),
    get events() {
      payloads ??= events.map((event) => JSON.parse(event.json) as Payload);
      return payloads;
    },
    ...detail,
  });
}

/**
 * Stops counting events a store let go of on its own: a browser store whose events another tab
 * took over, or one cleared when consent was denied. Nothing reports which events left, but with
 * no batch taken the store holds every event the emitter counts, so fewer stored than counted
 * means the rest are gone. They are not lost by the emitter, so no `onDrop`; flushes stop waiting
 * for them (see `FlushWaiters.countGone`). Pending async acks only make the store look fuller, so
 * the count never takes too many.
 */
export function forgetGone(state: EmitterState): void {
  const gone = state.unsettled - state.store.size;
  if (state.taken > 0 || gone <= 0) return;
  state.unsettled -= gone;
  state.waiters.countGone(gone);
}

/**
 * Drops a durable store's events older than `maxAgeMs` (reason `max_age`); returns the rest. A
 * batch that waited through an outage may hold such events when it is sent or fails again.
 */
export function expire(
  state: EmitterState,
  events: readonly QueuedPayload[],
): readonly QueuedPayload[] {
  const { store, clock, maxAgeMs } = state;
  if (!store.durable) return events;
  const oldest = clock.now() - maxAgeMs;
  const expired = events.filter((event) => event.queuedAt < oldest);
  if (expired.length === 0) return events;
  settle(state, expired, 'max_age');
  return events.filter((event) => event.queuedAt >= oldest);
}

/** Runs a store call that may be async; a failure goes to `onError`, never to the batch. */
export function callStore(state: EmitterState, call: () => void | Promise<void>): void {
  const fail = (cause: unknown): void => {
    state.storeFailed('store call', cause);
  };
  try {
    const pending = call()?.catch(fail);
    // Chained into one promise that never rejects, for shutdown to await.
    if (pending) state.storeCalls = Promise.all([state.storeCalls, pending]);
  } catch (cause) {
    fail(cause);
  }
}
