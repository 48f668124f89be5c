import type { EventType } from './payload';
import type { SelfDescribingJson } from './self-describing-json';

/** A value a built-in event field accepts before formatting (tracker protocol §5.4). */
export type FieldValue = string | number | boolean | undefined | null;

/**
 * One event as a track function hands it to the tracker: the event code, its own protocol keys
 * and, for `ue`, the self-describing event. The tracker adds ids, timestamps, subject and
 * contexts, and formats every value into a `Payload`.
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
