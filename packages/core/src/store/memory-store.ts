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
 * Waiting events are kept in columns: each field in its own array, on a ring that grows by
 * doubling. A queue of 100,000 events then holds their strings and a few numbers each, not
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
  // The ring: `count` slots from `head`, wrapping at `capacity` (a power of two, so the wrap is a
  // mask). A slot whose text is `null` was acked out of order and is skipped when it comes up.
  let capacity = 16;
  let head = 0;
  let count = 0;
  let jsons: (string | null)[] = [];
  let eids: string[] = [];
  let sizes: number[] = [];
  let times: number[] = [];
  /** Each event's `seq`, or -1 for an event restored without one. */
  let seqs: number[] = [];
  /**
   * The events of each `take` not yet settled, oldest first; an emitter holds one per request in
   * flight. A map per take dies young once its events settle, where one long-lived map of every
   * taken event would sit in V8's old generation and leave a dead table there on every rehash.
   */
  const taken: Take[] = [];

  const slot = (index: number): number => (head + index) & (capacity - 1);

  function put(at: number, event: QueuedPayload): void {
    jsons[at] = event.json;
    eids[at] = event.eid;
    sizes[at] = event.bytes;
    times[at] = event.queuedAt;
    seqs[at] = event.seq ?? -1;
    count++;
  }

  /** A copy of the event in slot `at`, with its `seq` when it had one. */
  function read(at: number): QueuedPayload {
    const event = {
      eid: eids[at] as string,
      json: jsons[at] as string,
      bytes: sizes[at] as number,
      queuedAt: times[at] as number,
    };
    const seq = seqs[at] as number;
    return seq < 0 ? event : { ...event, seq };
  }

  /** Makes room for one more: a full ring is copied, oldest first, into one twice as large. */
  function grow(): void {
    if (count < capacity) return;
    const unwrap = <T>(column: T[]): T[] => [...column.slice(head), ...column.slice(0, head)];
    jsons = unwrap(jsons);
    eids = unwrap(eids);
    sizes = unwrap(sizes);
    times = unwrap(times);
    seqs = unwrap(seqs);
    head = 0;
    capacity *= 2;
  }

  /** Frees the front slot; its strings are let go so the ring does not keep them alive. */
  function dropFront(): void {
    jsons[head] = null;
    eids[head] = '';
    head = slot(1);
    count--;
  }

  // The take holding `eid`, looked for from the oldest (batches mostly settle in the order they
  // were taken) or from the newest (a release usually gives back the batch taken last).
  function takeOf(eid: string, newestFirst?: boolean): Take | undefined {
    return (newestFirst ? [...taken].reverse() : taken).find((take) => take.has(eid));
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
      grow();
      put(slot(count), event);
      store.size++;
      store.byteSize += event.bytes;
      const evicted: QueuedPayload[] = [];
      // Over a cap: evict the oldest waiting events. Taken ones are in flight and settle soon.
      while ((store.byteSize > maxBytes || store.size > maxEvents) && count) {
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
      while (events.length < limit && count) {
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
        for (let i = 0; i < count; i++) {
          const at = slot(i);
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
        const take = takeOf(eid, true);
        if (!take) continue;
        grow();
        head = slot(-1);
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
