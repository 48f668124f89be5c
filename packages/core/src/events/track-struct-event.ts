import type { TrackOptions } from '../tracker/track-options';
import type { Tracker } from '../tracker/tracker';

/** A structured event (`e=se`, tracker protocol §2.3). */
export interface StructEvent {
  /** Category (`se_ca`), non-empty, up to 1000 characters. */
  readonly category: string;
  /** Action (`se_ac`), non-empty, up to 1000 characters. */
  readonly action: string;
  /** Label (`se_la`), up to 4096 characters. */
  readonly label?: string;
  /** Property (`se_pr`), up to 1000 characters. */
  readonly property?: string;
  /** Value (`se_va`), a finite number; `0` is sent. */
  readonly value?: number;
}

/**
 * Tracks a structured event.
 *
 * @param tracker - from `createTracker`.
 * @param event - category, action and the optional label, property and value.
 * @param options - entities, true timestamp, per-event subject.
 * @returns the event id. Never throws: a bad event is reported to `onDrop` as `invalid`.
 * @example
 * trackStructEvent(tracker, { category: 'video', action: 'play', value: 0 });
 */
export function trackStructEvent(
  tracker: Tracker,
  event: StructEvent,
  options?: TrackOptions,
): string {
  const fields = {
    se_ca: event?.category,
    se_ac: event?.action,
    se_la: event?.label,
    se_pr: event?.property,
    se_va: event?.value,
  };
  return tracker.track([{ e: 'se', fields }], options)[0]!;
}
