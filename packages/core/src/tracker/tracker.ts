import type { GlobalContext } from '../contexts/global-context';
import type { FlushOptions } from '../emitter/emitter';
import type { DropReport, FlushResult } from '../protocol/drop-report';
import type { EventType } from '../protocol/payload';
import type { SelfDescribingJson } from '../protocol/self-describing-json';
import type { TrackOptions } from '../track-options';
import type { SubjectFields } from './subject-fields';

/** A value a built-in event field accepts before formatting (tracker protocol §5.4). */
export type FieldValue = string | number | boolean | undefined | null;

/**
 * One event as a track function hands it to the tracker: the event code, its own protocol keys
 * and, for `ue`, the self-describing event. The tracker adds ids, timestamps, subject and
 * contexts, and formats every value.
 */
export interface CoreEvent {
  readonly e: EventType;
  /** Event-specific protocol keys (`url`, `se_ca`, `tr_id`…), unformatted. */
  readonly fields?: Readonly<Record<string, FieldValue>>;
  /** The self-describing event of an `ue` event. */
  readonly selfDescribing?: SelfDescribingJson<unknown>;
  /** Entities of this event only, sent after the call's `context` (e.g. per transaction item). */
  readonly context?: readonly SelfDescribingJson<unknown>[];
  /**
   * A problem the track function found in its input that the fields cannot express (e.g. a
   * transaction whose `items` is not an array). The tracker rejects the whole call as `invalid`
   * with this message, instead of the track function throwing.
   */
  readonly inputError?: string;
}

/** Counters a tracker keeps; every tracked event ends up in exactly one of them or is still queued. */
export interface TrackerStats {
  readonly tracked: number;
  /** Events a plugin's `beforeTrack` filtered out (the user's choice, not drops). */
  readonly filtered: number;
  /** Events rejected at track time, by reason. */
  readonly dropped: Readonly<Partial<Record<DropReport['reason'], number>>>;
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
