import { afterPendingIo } from '../platform/after-pending-io';
import type { DeliveryLedger } from './delivery-ledger';

/**
 * Books (the bookkeeping of one finished attempt) put off until the next request is on the wire.
 * At most one is due at a time: it runs when the transport reports the request sent, or, for a
 * transport that reports nothing, on the next turn of the event loop, or at the latest before the
 * next answer is handled or the emitter shuts down. Each runs once; the ledger tracks it as
 * pending I/O so shutdown waits for it.
 */
export class DeferredBooks {
  private due: (() => void) | undefined;

  constructor(private readonly ledger: DeliveryLedger) {}

  /** Puts `books` off and returns the callback that keeps them, for the next request's `onSent`. */
  defer(books: () => void): () => void {
    let release: () => void = () => {};
    const kept = new Promise<void>((resolve) => {
      release = resolve;
    });
    let done = false;
    const keep = (): void => {
      if (done) return;
      done = true;
      if (this.due === keep) this.due = undefined;
      books();
      release();
    };
    this.ledger.io(() => kept);
    this.due = keep;
    return keep;
  }

  /**
   * Settles how the books just deferred will run, once the next request was started.
   *
   * @param sentWillBeReported - the transport reports writes and the request is in flight.
   */
  afterSend(sentWillBeReported: boolean): void {
    const keep = this.due;
    if (keep !== undefined && !sentWillBeReported) afterPendingIo(keep);
  }

  /** Keeps the books still due now (before the next answer is handled, or at shutdown). */
  keepDue(): void {
    const keep = this.due;
    this.due = undefined;
    keep?.();
  }
}
