import type { Payload } from '../protocol/payload';
import type { TrackedEvent } from '../protocol/tracked-event';

/**
 * Hooks into every event a tracker builds. Both hooks run synchronously inside `track`, so keep
 * them cheap. A hook that throws is reported through `onError` (code `plugin`) and skipped.
 *
 * @example
 * const dropBots: TrackerPlugin = {
 *   name: 'drop-bots',
 *   beforeTrack: (event) => !event.payload['ua']?.includes('bot'),
 * };
 */
export interface TrackerPlugin {
  /** Shown in error reports. */
  readonly name?: string;
  /**
   * Sees each event before its entities are attached. Returning `false` filters the event out:
   * it is counted in `stats().filtered` and is not a drop.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: a hook that only observes returns nothing.
  beforeTrack?(event: TrackedEvent): boolean | void;
  /** Sees each finished payload after it was handed to the emitters. */
  afterTrack?(payload: Payload): void;
}
