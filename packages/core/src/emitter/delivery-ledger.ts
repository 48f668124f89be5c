import type { DropReason, DropReport } from '../protocol/drop-report';
import { FloeError } from '../errors/floe-error';
import type { Payload } from '../protocol/payload';
import type { EventStore, QueuedEvent } from '../store/event-store';
import { bytesOf, eidsOf } from './batch';
import type { FlushWaiters } from './flush-waiters';
import type { SafeCallbacks } from './safe-callbacks';

/** Optional fields of a drop report. */
export interface DropDetail {
  readonly status?: number;
  readonly error?: FloeError;
}

/**
 * The emitter's books: how many events are leased (in a batch) and how many are still unsettled,
 * and the one place where events settle — acknowledged in the store, counted toward the flush
 * waiters, and, when dropped, reported through `onDrop` (architecture habit 4). Callbacks always
 * run after the counts are updated.
 */
export class DeliveryLedger {
  /** Events in batches (retry queue or in flight). */
  leased = 0;
  leasedBytes = 0;
  /** Events queued and not yet delivered or dropped; a durable store's restored events count. */
  unsettled: number;
  /** Store calls still in flight (async `ack`/`release`), awaited at shutdown. */
  readonly pendingIo = new Set<Promise<unknown>>();

  constructor(
    private readonly store: EventStore,
    private readonly waiters: FlushWaiters,
    private readonly callbacks: SafeCallbacks,
  ) {
    this.unsettled = store.size;
  }

  /** Events in the store that no batch holds. */
  get waiting(): number {
    return this.store.size - this.leased;
  }

  /** Bytes of the events in the store that no batch holds. */
  get waitingBytes(): number {
    return this.store.byteSize - this.leasedBytes;
  }

  lease(events: readonly QueuedEvent[]): void {
    this.leased += events.length;
    this.leasedBytes += bytesOf(events);
  }

  unlease(events: readonly QueuedEvent[]): void {
    this.leased -= events.length;
    this.leasedBytes -= bytesOf(events);
  }

  /** Leased events leave the store for good: delivered, or dropped and reported. */
  settle(
    events: readonly QueuedEvent[],
    reason: DropReason | 'delivered',
    detail: DropDetail = {},
  ): void {
    this.unlease(events);
    this.io(() => this.store.ack(eidsOf(events)));
    this.forget(events, reason, detail);
  }

  /** Events the store already let go of (evicted, or collected at shutdown) are dropped. */
  forget(
    events: readonly QueuedEvent[],
    reason: DropReason | 'delivered',
    detail: DropDetail = {},
  ): void {
    this.unsettled -= events.length;
    this.waiters.settle(events, reason === 'delivered' ? 'delivered' : 'dropped');
    if (reason !== 'delivered') this.callbacks.drop(dropReport(reason, events, detail));
  }

  /** An event turned away by `add()`: never queued, so only reported. */
  reject(reason: DropReason, payload: Payload, error: FloeError): void {
    const eid = payload?.['eid'];
    const eids = typeof eid === 'string' ? [eid] : [];
    this.callbacks.drop({ reason, eids, events: [payload], error });
  }

  /** Runs a store call that may be async; failures go to `onError`, never to the batch. */
  io(call: () => void | Promise<void>): void {
    const fail = (cause: unknown): void => {
      this.callbacks.error(
        new FloeError('store', `store call failed: ${String(cause)}`, { cause }),
      );
    };
    try {
      const result = call();
      if (!result) return;
      const tracked = result.catch(fail);
      this.pendingIo.add(tracked);
      void tracked.finally(() => this.pendingIo.delete(tracked));
    } catch (cause) {
      fail(cause);
    }
  }
}

function dropReport(
  reason: DropReason,
  events: readonly QueuedEvent[],
  detail: DropDetail,
): DropReport {
  let payloads: readonly Payload[] | undefined;
  return {
    reason,
    eids: eidsOf(events),
    // Parsed from the events' texts when first read, then kept: an onDrop that only counts (a
    // burst past the queue's cap evicts thousands, inside track()) pays nothing for them.
    get events() {
      payloads ??= events.map((event) => event.payload);
      return payloads;
    },
    ...detail,
  };
}
