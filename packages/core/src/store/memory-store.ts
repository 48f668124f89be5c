import { FloeError } from '../errors/floe-error';
import { createEventColumns } from './event-columns';
import type { EventStore, QueuedPayload } from './event-store';

/** Caps of a {@link createMemoryStore} queue; bytes are checked first. */
export interface MemoryStoreOptions {
  /** Sum of serialized event bytes kept at most. Default 64 MiB. */
  readonly maxBytes?: number;
  /** Events kept at most. Default 1,000,000. */
  readonly maxEvents?: number;
}

/** The memory store: an {@link EventStore} whose `take`, `ack` and `release` are synchronous. */
export interface MemoryEventStore extends EventStore {
  readonly durable: false;
  take(limit: number, maxBytes?: number): readonly QueuedPayload[];
  ack(eids: readonly string[]): void;
  release(eids: readonly string[]): void;
}

type Take = Map<string, QueuedPayload>;

/**
 * An in-memory {@link EventStore}: a ring-buffer queue (see `createEventColumns`) with O(1)
 * amortised add, take, ack and release, bounded by bytes first, then by count. Over a cap it evicts
 * the oldest waiting events and returns them, and the emitter reports them as `queue_full` drops.
 * A synchronous burst of 100,000 ordinary events fits the defaults.
 *
 * @param options - `maxBytes` (default 64 MiB) and `maxEvents` (default 1,000,000).
 * @returns a store that is lost with the process (`durable: false`).
 * @example
 * const emitter = createEmitter({
 *   endpoint: 'https://collector.example.com',
 *   store: createMemoryStore({ maxEvents: 10_000 }),
 * });
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryEventStore {
  const { maxBytes = 64 * 1024 * 1024, maxEvents = 1_000_000 } = options;
  if (!(maxBytes > 0 && maxEvents >= 1)) {
    throw new FloeError('invalid_config', 'createMemoryStore: caps must be positive');
  }
  /** Events not taken, oldest first. */
  const waiting = createEventColumns();
  /**
   * The events of each `take` not yet settled, one map per take, oldest first; an emitter holds
   * one per request in flight. A map per take dies young once its events settle, where one
   * long-lived map of every taken event would sit in V8's old generation and leave a dead table
   * there on every rehash (~20 MB per 100,000 drained events).
   */
  const taken: Take[] = [];

  // The take holding `eid`, looked for from the oldest (batches mostly settle in the order they
  // were taken) or from the newest (a release usually gives back the batch taken last).
  function takeOf(eid: string, newestFirst?: boolean): Take | undefined {
    const order = newestFirst ? [...taken].reverse() : taken;
    return order.find((take) => take.has(eid));
  }

  function settle(take: Take, eid: string): QueuedPayload {
    const event = take.get(eid) as QueuedPayload;
    take.delete(eid);
    if (take.size === 0) taken.splice(taken.indexOf(take), 1);
    return event;
  }

  function forget(bytes: number): void {
    store.size--;
    store.byteSize -= bytes;
  }

  const store = {
    durable: false as const,
    size: 0,
    byteSize: 0,
    add(event: QueuedPayload): QueuedPayload[] {
      waiting.push(event);
      store.size++;
      store.byteSize += event.bytes;
      const evicted: QueuedPayload[] = [];
      // Over a cap: evict the oldest waiting events. Taken ones are in flight and settle soon.
      while ((store.byteSize > maxBytes || store.size > maxEvents) && waiting.length) {
        if (!waiting.removed(0)) {
          const oldest = waiting.eventAt(0);
          forget(oldest.bytes);
          evicted.push(oldest);
        }
        waiting.dropFront();
      }
      return evicted;
    },
    take(limit: number, maxTakeBytes = Number.POSITIVE_INFINITY): QueuedPayload[] {
      const events: QueuedPayload[] = [];
      const take: Take = new Map();
      let sum = 0;
      while (events.length < limit && waiting.length) {
        if (waiting.removed(0)) {
          waiting.dropFront();
          continue;
        }
        const eid = waiting.eidAt(0);
        // A second event with a taken eid waits until the first settles: acks stay unambiguous.
        if (take.has(eid) || takeOf(eid)) break;
        sum += waiting.bytesAt(0);
        if (events.length > 0 && sum > maxTakeBytes) break;
        const event = waiting.eventAt(0);
        waiting.dropFront();
        take.set(eid, event);
        events.push(event);
      }
      if (take.size > 0) taken.push(take);
      return events;
    },
    ack(eids: readonly string[]): void {
      for (const eid of eids) {
        const take = takeOf(eid);
        if (take) {
          forget(settle(take, eid).bytes);
          continue;
        }
        // Acking an event that was never taken is not the emitter's way; it costs a scan.
        for (let i = 0; i < waiting.length; i++) {
          if (waiting.removed(i) || waiting.eidAt(i) !== eid) continue;
          forget(waiting.bytesAt(i));
          waiting.remove(i);
          break;
        }
      }
    },
    release(eids: readonly string[]): void {
      // Back to the front in their original order: the last one goes first.
      for (const eid of [...eids].reverse()) {
        const take = takeOf(eid, true);
        if (take) waiting.unshift(settle(take, eid));
      }
    },
    /** For tests: how many takes still hold events. */
    get takes(): number {
      return taken.length;
    },
  };
  return store;
}
