import { FloeError } from '../errors/floe-error';
import { EventColumns } from './event-columns';
import type { EventStore, QueuedPayload } from './event-store';

/** Caps of a {@link createMemoryStore} queue; bytes are checked first. */
export interface MemoryStoreOptions {
  /** Sum of serialized event bytes kept at most. Default 64 MiB. */
  readonly maxBytes?: number;
  /** Events kept at most. Default 1,000,000. */
  readonly maxEvents?: number;
}

/** Default byte cap of the memory queue (reliability.md §1). */
export const DEFAULT_MEMORY_MAX_BYTES = 64 * 1024 * 1024;
/** Default event cap of the memory queue. */
export const DEFAULT_MEMORY_MAX_EVENTS = 1_000_000;

/** The memory store: an {@link EventStore} whose `take`, `ack` and `release` are synchronous. */
export interface MemoryEventStore extends EventStore {
  readonly durable: false;
  take(limit: number, maxBytes?: number): readonly QueuedPayload[];
  ack(eids: readonly string[]): void;
  release(eids: readonly string[]): void;
}

class MemoryStore implements MemoryEventStore {
  readonly durable = false as const;
  /** Events not taken, oldest first, in columns (see EventColumns). */
  private readonly waiting = new EventColumns();
  /**
   * The events of each `take` not yet settled, one map per take, oldest first; an emitter holds
   * one per request in flight. A map per take dies young once its events settle, where one
   * long-lived map of every taken event would sit in V8's old generation and leave a dead table
   * there on every rehash (~20 MB per 100,000 drained events).
   */
  private readonly taken: Map<string, QueuedPayload>[] = [];
  size = 0;
  byteSize = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly maxEvents: number,
  ) {}

  add(event: QueuedPayload): readonly QueuedPayload[] {
    this.waiting.push(event);
    this.size++;
    this.byteSize += event.bytes;
    const evicted: QueuedPayload[] = [];
    // Over a cap: evict the oldest waiting events. Taken ones are in flight and settle soon.
    while ((this.byteSize > this.maxBytes || this.size > this.maxEvents) && this.waiting.length) {
      if (!this.waiting.removed(0)) {
        const oldest = this.waiting.eventAt(0);
        this.forget(oldest.bytes);
        evicted.push(oldest);
      }
      this.waiting.dropFront();
    }
    return evicted;
  }

  take(limit: number, maxBytes = Number.POSITIVE_INFINITY): readonly QueuedPayload[] {
    const events: QueuedPayload[] = [];
    const take = new Map<string, QueuedPayload>();
    const { waiting } = this;
    let sum = 0;
    while (events.length < limit && waiting.length) {
      if (waiting.removed(0)) {
        waiting.dropFront();
        continue;
      }
      const eid = waiting.eidAt(0);
      // A second event with a taken eid waits until the first settles, so acks stay unambiguous.
      if (take.has(eid) || this.takeOf(eid)) break;
      const bytes = waiting.bytesAt(0);
      if (events.length > 0 && sum + bytes > maxBytes) break;
      const event = waiting.eventAt(0);
      waiting.dropFront();
      take.set(eid, event);
      sum += bytes;
      events.push(event);
    }
    if (take.size > 0) this.taken.push(take);
    return events;
  }

  ack(eids: readonly string[]): void {
    for (const eid of eids) {
      const take = this.takeOf(eid);
      if (take) {
        this.forget((take.get(eid) as QueuedPayload).bytes);
        this.settle(take, eid);
      } else {
        this.removeWaiting(eid);
      }
    }
  }

  release(eids: readonly string[]): void {
    // Back to the front in their original order: the last one goes first.
    for (let i = eids.length - 1; i >= 0; i--) {
      const eid = eids[i] as string;
      const take = this.takeOf(eid, true);
      if (!take) continue;
      this.waiting.unshift(take.get(eid) as QueuedPayload);
      this.settle(take, eid);
    }
  }

  // The take holding `eid`, looked for from the oldest (batches mostly settle in the order they
  // were taken) or from the newest (a release usually gives back the batch taken last).
  private takeOf(eid: string, newestFirst = false): Map<string, QueuedPayload> | undefined {
    const { taken } = this;
    for (let n = 0; n < taken.length; n++) {
      const take = taken[newestFirst ? taken.length - 1 - n : n] as Map<string, QueuedPayload>;
      if (take.has(eid)) return take;
    }
    return undefined;
  }

  private settle(take: Map<string, QueuedPayload>, eid: string): void {
    take.delete(eid);
    if (take.size === 0) this.taken.splice(this.taken.indexOf(take), 1);
  }

  private forget(bytes: number): void {
    this.size--;
    this.byteSize -= bytes;
  }

  // Acking an event that was never taken is not part of the emitter's protocol; it costs a scan.
  private removeWaiting(eid: string): void {
    const { waiting } = this;
    for (let i = 0; i < waiting.length; i++) {
      if (waiting.removed(i) || waiting.eidAt(i) !== eid) continue;
      this.forget(waiting.bytesAt(i));
      waiting.remove(i);
      return;
    }
  }
}

/**
 * An in-memory {@link EventStore}: a ring-buffer queue with O(1) amortised add, take, ack and
 * release, bounded by bytes first, then by count. Over a cap it evicts the oldest waiting events
 * and returns them, and the emitter reports them as `queue_full` drops. A synchronous burst of
 * 100,000 ordinary events fits the defaults.
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
  const maxBytes = options.maxBytes ?? DEFAULT_MEMORY_MAX_BYTES;
  const maxEvents = options.maxEvents ?? DEFAULT_MEMORY_MAX_EVENTS;
  if (!(maxBytes > 0 && maxEvents >= 1)) {
    throw new FloeError('invalid_config', 'createMemoryStore: caps must be positive');
  }
  return new MemoryStore(maxBytes, maxEvents);
}
