import { FloeError } from '../errors/floe-error';
import { EventColumns } from './event-columns';
import type { EventStore, QueuedEvent } from './event-store';

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
  take(limit: number, maxBytes?: number): readonly QueuedEvent[];
  ack(eids: readonly string[]): void;
  release(eids: readonly string[]): void;
}

class MemoryStore implements MemoryEventStore {
  readonly durable = false as const;
  // Waiting events, oldest first, in columns (see EventColumns); removed ones are acknowledged
  // without having been leased.
  private readonly waiting = new EventColumns();
  // One map per `take` still holding events, oldest first: an emitter holds one or two. A map per
  // take, dropped once its events settle, lives and dies young. One long-lived map of every leased
  // event would be promoted to the old generation, where V8 then allocates each of its rehashed
  // tables; dead tables there keep the events they held alive through scavenges until a full
  // collection, so draining a burst grew the old generation by ~20 MB per 100,000 events.
  private readonly leases: Map<string, QueuedEvent>[] = [];
  private events = 0;
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly maxEvents: number,
  ) {}

  get size(): number {
    return this.events;
  }

  get byteSize(): number {
    return this.bytes;
  }

  add(event: QueuedEvent): readonly QueuedEvent[] {
    this.waiting.push(event);
    this.events++;
    this.bytes += event.bytes;
    if (this.bytes <= this.maxBytes && this.events <= this.maxEvents) return [];
    // Over a cap: evict the oldest waiting events. Leased ones are in flight and settle soon.
    const evicted: QueuedEvent[] = [];
    const { waiting } = this;
    while ((this.bytes > this.maxBytes || this.events > this.maxEvents) && waiting.length) {
      const oldest = waiting.eventAt(0);
      waiting.dropFront();
      if (!oldest) continue;
      this.events--;
      this.bytes -= oldest.bytes;
      evicted.push(oldest);
    }
    return evicted;
  }

  take(limit: number, maxBytes = Number.POSITIVE_INFINITY): readonly QueuedEvent[] {
    const taken: QueuedEvent[] = [];
    const lease = new Map<string, QueuedEvent>();
    const { waiting } = this;
    let sum = 0;
    while (taken.length < limit && waiting.length) {
      if (waiting.removed(0)) {
        waiting.dropFront();
        continue;
      }
      const eid = waiting.eidAt(0);
      // A second event with a leased eid waits until the first settles, so acks stay unambiguous.
      if (lease.has(eid) || this.leaseOf(eid) !== undefined) break;
      const bytes = waiting.bytesAt(0);
      if (taken.length > 0 && sum + bytes > maxBytes) break;
      const next = waiting.eventAt(0, eid) as QueuedEvent;
      waiting.dropFront();
      lease.set(eid, next);
      sum += bytes;
      taken.push(next);
    }
    if (lease.size > 0) this.leases.push(lease);
    return taken;
  }

  ack(eids: readonly string[]): void {
    for (const eid of eids) {
      const lease = this.leaseOf(eid);
      if (lease === undefined) {
        this.removeWaiting(eid);
        continue;
      }
      this.forget((lease.get(eid) as QueuedEvent).bytes);
      this.settle(lease, eid);
    }
  }

  release(eids: readonly string[]): void {
    for (let i = eids.length - 1; i >= 0; i--) {
      const eid = eids[i] as string;
      const lease = this.leaseOf(eid, true);
      if (lease === undefined) continue;
      this.waiting.unshift(lease.get(eid) as QueuedEvent);
      this.settle(lease, eid);
    }
  }

  // The lease holding `eid`: looked for from the oldest (batches are acknowledged in the order
  // they were taken) or from the newest (a release gives back the batch taken last).
  private leaseOf(eid: string, newestFirst = false): Map<string, QueuedEvent> | undefined {
    const { leases } = this;
    for (let n = 0; n < leases.length; n++) {
      const lease = leases[newestFirst ? leases.length - 1 - n : n] as Map<string, QueuedEvent>;
      if (lease.has(eid)) return lease;
    }
    return undefined;
  }

  private settle(lease: Map<string, QueuedEvent>, eid: string): void {
    lease.delete(eid);
    if (lease.size === 0) this.leases.splice(this.leases.indexOf(lease), 1);
  }

  private forget(bytes: number): void {
    this.events--;
    this.bytes -= bytes;
  }

  // Acking an event that was never leased is not part of the emitter's protocol; it costs a scan.
  private removeWaiting(eid: string): void {
    const { waiting } = this;
    for (let i = 0; i < waiting.length; i++) {
      if (waiting.removed(i) || waiting.eidAt(i) !== eid) continue;
      const bytes = waiting.bytesAt(i);
      waiting.remove(i);
      this.forget(bytes);
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
  if (!(maxBytes > 0) || !(maxEvents >= 1)) {
    throw new FloeError(
      'invalid_config',
      'createMemoryStore: maxBytes and maxEvents must be positive',
    );
  }
  return new MemoryStore(maxBytes, maxEvents);
}
