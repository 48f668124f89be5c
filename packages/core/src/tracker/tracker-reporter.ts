import { FloeError } from '../errors/floe-error';
import type { DropReason, DropReport } from '../protocol/drop-report';
import type { Payload } from '../protocol/payload';
import type { TrackerStats } from './tracker';

/** The tracker's one path for losses and faults, and its counters. */
export interface TrackerReporter {
  /** Events handed to the emitters so far. */
  tracked: number;
  /** Events a plugin filtered out so far. */
  filtered: number;
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
  ): void;
  /** Reports an error to `onError`, or logs it when there is no `onError`. */
  error(error: FloeError): void;
  /** A snapshot of the counters. */
  stats(): TrackerStats;
}

/**
 * Creates the reporter of one tracker. A user callback that throws is caught, so reporting can
 * never break `track`: an `onDrop` fault goes to `onError`, an `onError` fault to the console.
 *
 * @param onDrop - receives every drop.
 * @param onError - receives every error; without it errors are logged with `console.warn`, so
 *   nothing is lost silently.
 */
export function createTrackerReporter(
  onDrop: ((report: DropReport) => void) | undefined,
  onError: ((error: FloeError) => void) | undefined,
): TrackerReporter {
  const dropped: Partial<Record<DropReason, number>> = {};
  const error = (fault: FloeError): void => {
    if (onError === undefined) {
      console.warn(`[floe] ${fault.name} (${fault.code}): ${fault.message}`);
      return;
    }
    try {
      onError(fault);
    } catch (thrown) {
      // Nowhere left to report to but the console.
      console.error('[floe] onError threw', thrown);
    }
  };
  const reporter: TrackerReporter = {
    tracked: 0,
    filtered: 0,
    drop(reason, eids, events, fault) {
      dropped[reason] = (dropped[reason] ?? 0) + eids.length;
      try {
        onDrop?.({ reason, eids, events, error: fault });
      } catch (thrown) {
        error(new FloeError('callback', 'onDrop threw', { cause: thrown }));
      }
      error(fault);
    },
    error,
    stats: () => ({
      tracked: reporter.tracked,
      filtered: reporter.filtered,
      dropped: { ...dropped },
    }),
  };
  return reporter;
}
