import type { SelfDescribingJson } from '../protocol/self-describing-json';
import type { SubjectFields } from '../subject/subject-fields';

/**
 * Options every track function accepts. This shape is frozen: generated `trackX` functions pass it
 * through to `trackSelfDescribingEvent` unchanged (docs/api.md).
 */
export interface TrackOptions {
  /** Entities attached to this event, sent before the tracker's global contexts. */
  readonly context?: readonly SelfDescribingJson<unknown>[];
  /** When the event really happened (`ttm`), for replays and imports. `dtm` is still the device clock. */
  readonly trueTimestamp?: Date | number;
  /** Subject fields for this event only; merged over the tracker's subject, field by field. */
  readonly subject?: SubjectFields;
}
