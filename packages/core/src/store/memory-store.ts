import { FloeError } from '../errors/floe-error';
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

/** The events of one `take` not yet acked or released, by id. */
type Take = Map<string, QueuedPayload>;

/**
 * An in-memory {@link EventStore}, bounded by bytes first, then by count. Over a cap it evicts
 * the oldest waiting events and returns them, and the emitter reports them as `queue_full` drops.
 * A synchronous burst of 100,000 ordinary events fits the defaults.
 *
 * Waiting events are kept in columns: each field in its own array. A queue of 100,000 events then holds their strings and a few numbers each, not
 * 100,000 objects with boxed numbers (~80 bytes less per event, and that much less for the
 * garbage collector to copy while a burst waits). Add, take, ack and release are O(1) amortised.
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
  // The waiting events, oldest first, from `head` to the end of the columns: one array per field.
  // A `json` of null marks an event acked out of order, skipped when it reaches the front.
  const eids: string[] = [];
  const jsons: (string | null)[] = [];
  const sizes: number[] = [];
  const times: number[] = [];
  const seqs: (number | undefined)[] = [];
  const columns: unknown[][] = [eids, jsons, sizes, times, seqs];
  let head = 0;
  /**
   * The events of each `take` not yet settled, oldest first; an emitter holds one per request in
   * flight. A map per take dies young once its events settle, where one long-lived map of every
   * taken event would sit in V8's old generation and leave a dead table there on every rehash.
   */
  const taken: Take[] = [];

  function put(at: number, event: QueuedPayload): void {
    eids[at] = event.eid;
    jsons[at] = event.json;
    sizes[at] = event.bytes;
    times[at] = event.queuedAt;
    seqs[at] = event.seq;
  }

  /** A copy of the event at `at` (restored events have no `seq`: it stays undefined). */
  function read(at: number): QueuedPayload {
    return {
      eid: eids[at] as string,
      json: jsons[at] as string,
      bytes: sizes[at] as number,
      queuedAt: times[at] as number,
      seq: seqs[at],
    };
  }

  /**
   * Frees the front slot and lets go of its strings. Once more than half the columns are freed
   * slots, they are cut off (an O(n) splice every n events: O(1) amortised).
   */
  function dropFront(): void {
    jsons[head] = null;
    eids[head] = '';
    if (++head > 1024 && head * 2 > jsons.length) {
      for (const column of columns) column.splice(0, head);
      head = 0;
    }
  }

  // The take holding `eid`; batches mostly settle in the order they were taken.
  const takeOf = (eid: string): Take | undefined => taken.find((take) => take.has(eid));

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
      put(jsons.length, event);
      store.size++;
      store.byteSize += event.bytes;
      const evicted: QueuedPayload[] = [];
      // Over a cap: evict the oldest waiting events. Taken ones are in flight and settle soon.
      while ((store.byteSize > maxBytes || store.size > maxEvents) && head < jsons.length) {
        if (jsons[head] !== null) {
          const oldest = read(head);
          forget(oldest.bytes);
          evicted.push(oldest);
        }
        dropFront();
      }
      return evicted;
    },
    take(limit: number, maxTakeBytes = Number.POSITIVE_INFINITY): QueuedPayload[] {
      const events: QueuedPayload[] = [];
      const take: Take = new Map();
      let sum = 0;
      while (events.length < limit && head < jsons.length) {
        if (jsons[head] === null) {
          dropFront();
          continue;
        }
        const eid = eids[head] as string;
        // A second event with a taken eid waits until the first settles: acks stay unambiguous.
        if (take.has(eid) || takeOf(eid)) break;
        sum += sizes[head] as number;
        if (events.length > 0 && sum > maxTakeBytes) break;
        const event = read(head);
        dropFront();
        take.set(eid, event);
        events.push(event);
      }
      if (take.size > 0) taken.push(take);
      return events;
    },
    ack(ids: readonly string[]): void {
      for (const eid of ids) {
        const take = takeOf(eid);
        if (take) {
          forget(settle(take, eid).bytes);
          continue;
        }
        // Acking an event that was never taken is not the emitter's way; it costs a scan.
        for (let at = head; at < jsons.length; at++) {
          if (jsons[at] === null || eids[at] !== eid) continue;
          forget(sizes[at] as number);
          jsons[at] = null;
          break;
        }
      }
    },
    release(ids: readonly string[]): void {
      // Back to the front in their original order: the last one goes first.
      for (const eid of [...ids].reverse()) {
        const take = takeOf(eid);
        if (!take) continue;
        // Into the slot just before the front, which a take freed, or a new one. (The 0 is
        // overwritten at once; a number keeps the numeric columns unboxed.)
        if (head > 0) head--;
        else for (const column of columns) column.unshift(0);
        put(head, settle(take, eid));
      }
    },
    /** For tests: how many takes still hold events. */
    get takes(): number {
      return taken.length;
    },
  };
  return store;
}
