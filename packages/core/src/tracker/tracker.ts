import type { GlobalContext } from '../contexts/global-context';
import type { FlushOptions } from '../emitter/emitter';
import type { CoreEvent } from '../protocol/core-event';
import type { DropReason, FlushResult } from '../protocol/drop-report';
import type { SubjectFields } from '../subject/subject-fields';
import type { TrackOptions } from './track-options';

/** Counters a tracker keeps; every tracked event ends up in exactly one of them or is still queued. */
export interface TrackerStats {
  /** Events handed to the emitters. */
  readonly tracked: number;
  /** Events a plugin's `beforeTrack` filtered out (the user's choice, not drops). */
  readonly filtered: number;
  /** Events rejected at track time, by reason. */
  readonly dropped: Readonly<Partial<Record<DropReason, number>>>;
}

/**
 * A tracker: builds events and hands them to its emitters. Track functions such as
 * `trackPageView(tracker, …)` and `trackSelfDescribingEvent(tracker, …)` are free functions that
 * call {@link Tracker.track}, so bundles carry only the event types they use.
 */
export interface Tracker {
  readonly namespace: string;
  /** The `tv` value, `floe-<adapter>-<version>`. */
  readonly trackerVersion: string;
  /**
   * Builds and queues a group of events that share one `dtm`, subject, true timestamp and the
   * call's entities. Validation is all-or-nothing. Returns the event ids in order; never throws.
   */
  track(events: readonly CoreEvent[], options?: TrackOptions): string[];
  /** Replaces the tracker's subject. The platform (`p`) is never removed. */
  setSubject(subject: SubjectFields | undefined): void;
  /** Counters since the tracker was created. */
  stats(): TrackerStats;
  /** Flushes every emitter. Never rejects. */
  flush(options?: FlushOptions): Promise<FlushResult>;
  /** Stops accepting events, flushes every emitter and releases them. Idempotent. */
  shutdown(options?: FlushOptions): Promise<FlushResult>;
  /**
   * Adds global contexts after the existing ones (see {@link GlobalContext}).
   *
   * @param contexts - a list, or a record whose keys name the contexts; a name already in use
   *   replaces the older context.
   * @throws FloeError (`invalid_config`) for a malformed context or schema pattern; then none is
   *   added.
   */
  addGlobalContexts(
    contexts: readonly GlobalContext[] | Readonly<Record<string, GlobalContext>>,
  ): void;
  /**
   * Removes global contexts by identity or by the name they were added under; unknown ones are
   * ignored.
   */
  removeGlobalContexts(contexts: readonly (GlobalContext | string)[]): void;
  /** Removes every global context. */
  clearGlobalContexts(): void;
}

// CoreEvent moved to protocol/core-event.ts; re-exported only so the shared public-types.ts
// resolves until it imports from there.
