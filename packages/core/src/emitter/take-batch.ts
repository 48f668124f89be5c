import type { QueuedPayload } from '../store/event-store';
import { type Batch, bytesOf, eidsOf } from './batch';
import type { EmitterState } from './emitter-state';
import { countFitting, ENVELOPE_BYTES } from './post-body';
import { callStore } from './settle-events';

/**
 * Takes the oldest waiting events that fit one request, by count and exact bytes, from the store
 * into a new batch. A store that fails pauses the emitter for the longest backoff, so the drain
 * comes back later instead of spinning.
 *
 * @returns the batch, or `undefined` when nothing waits or the store failed.
 */
export async function takeBatch(state: EmitterState): Promise<Batch | undefined> {
  const { store, method, maxBatchEvents, maxPostBytes } = state;
  let events: readonly QueuedPayload[];
  try {
    events = await store.take(method === 'GET' ? 1 : maxBatchEvents, maxPostBytes - ENVELOPE_BYTES);
  } catch (cause) {
    state.storeFailed('store.take', cause);
    state.pauseTimer.pause(state.backoff.capMs);
    return undefined;
  }
  // The store sized the take without each event's stm and comma; what does not fit goes back.
  const fitting = countFitting(events, maxPostBytes);
  if (fitting < events.length) {
    const rest = events.slice(fitting);
    events = events.slice(0, fitting);
    callStore(state, () => store.release(eidsOf(rest)));
  }
  if (events.length === 0) return undefined;
  state.taken += events.length;
  state.takenBytes += bytesOf(events);
  return { events, attempts: 0, total: 0, round: state.round };
}
