import { FloeError } from '../errors/floe-error';
import type { QueuedEvent } from '../store/event-store';
import { type Batch, createBatch, eidsOf } from './batch';
import type { DeliveryLedger } from './delivery-ledger';
import { countFitting, ENVELOPE_BYTES } from './post-body';
import type { ResolvedOptions } from './resolve-options';
import type { SafeCallbacks } from './safe-callbacks';

/**
 * Takes batches from the store for the emitter: as many of the oldest events as fit one request
 * (count and exact bytes), leased in the ledger; what does not fit goes back. Also applies the
 * durable store's age rule, which a batch must pass before each attempt.
 */
export class BatchTaker {
  constructor(
    private readonly o: ResolvedOptions,
    private readonly ledger: DeliveryLedger,
    private readonly callbacks: SafeCallbacks,
    /** Called when the store fails, so the emitter pauses instead of spinning. */
    private readonly onStoreFailure: () => void,
    /** Whether the emitter stopped while the store was being read. */
    private readonly stopped: () => boolean,
  ) {}

  /** The next batch, or `undefined` when the store has none (or failed, or the emitter stopped). */
  async take(): Promise<Batch | undefined> {
    const store = this.o.store;
    const limit = this.o.method === 'GET' ? 1 : this.o.maxBatchEvents;
    let taken: readonly QueuedEvent[];
    try {
      taken = await store.take(limit, this.o.maxPostBytes - ENVELOPE_BYTES);
    } catch (cause) {
      this.callbacks.error(
        new FloeError('store', `store.take failed: ${String(cause)}`, { cause }),
      );
      this.onStoreFailure();
      return undefined;
    }
    if (taken.length === 0) return undefined;
    const fitting = countFitting(taken, this.o.maxPostBytes, String(this.o.clock.now()).length);
    const events = taken.slice(0, fitting);
    if (fitting < taken.length) this.ledger.io(() => store.release(eidsOf(taken.slice(fitting))));
    if (this.stopped()) {
      this.ledger.io(() => store.release(eidsOf(events)));
      return undefined;
    }
    this.ledger.lease(events);
    return createBatch(this.expire(events));
  }

  /** Drops a durable store's events older than `maxAgeMs` (reason `max_age`) and returns the rest. */
  expire(events: readonly QueuedEvent[]): readonly QueuedEvent[] {
    if (!this.o.store.durable) return events;
    const oldest = this.o.clock.now() - this.o.maxAgeMs;
    const expired = events.filter((event) => event.queuedAt < oldest);
    if (expired.length === 0) return events;
    this.ledger.settle(expired, 'max_age');
    return events.filter((event) => event.queuedAt >= oldest);
  }
}
