import type { DropReason, DropReport } from '../protocol/drop-report';
import type { FloeError } from '../errors/floe-error';
import type { Payload } from '../protocol/payload';
import type { TrackerStats } from './tracker';
import { TrackerCallbackError } from './tracker-callback-error';

/**
 * The tracker's one path for losses and faults: counts every drop by reason, then tells the
 * user's callbacks. A callback that throws is caught, so reporting can never break `track`.
 */
export class TrackerReporter {
  tracked = 0;
  filtered = 0;
  private readonly dropped: Partial<Record<DropReason, number>> = {};

  /**
   * @param onDrop - receives every drop.
   * @param onError - receives every error; without it errors are logged with `console.warn`, so
   *   nothing is lost silently.
   */
  constructor(
    private readonly onDrop: ((report: DropReport) => void) | undefined,
    private readonly onError: ((error: FloeError) => void) | undefined,
  ) {}

  /**
   * Counts and reports events the tracker gave up on at track time.
   *
   * @param reason - `invalid`, `too_large` or `closed`.
   * @param eids - their ids, as the track call returned them.
   * @param events - their payloads, as far as they were built.
   * @param error - why.
   */
  drop(
    reason: DropReason,
    eids: readonly string[],
    events: readonly Payload[],
    error: FloeError,
  ): void {
    this.dropped[reason] = (this.dropped[reason] ?? 0) + eids.length;
    if (this.onDrop !== undefined) {
      try {
        this.onDrop({ reason, eids, events, error });
      } catch (thrown) {
        this.error(new TrackerCallbackError('onDrop threw', thrown));
      }
    }
    this.error(error);
  }

  /**
   * Reports an error to `onError`, or logs it when there is no `onError`.
   *
   * @param error - what went wrong.
   */
  error(error: FloeError): void {
    if (this.onError === undefined) {
      console.warn(`[floe] ${error.name} (${error.code}): ${error.message}`);
      return;
    }
    try {
      this.onError(error);
    } catch (thrown) {
      // Nowhere left to report to but the console.
      console.error('[floe] onError threw', thrown);
    }
  }

  /** A snapshot of the counters. */
  stats(): TrackerStats {
    return { tracked: this.tracked, filtered: this.filtered, dropped: { ...this.dropped } };
  }
}
