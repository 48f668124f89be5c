import type { FloeError } from '../errors/floe-error';
import { guarded } from '../errors/guarded';
import type { Payload } from '../protocol/payload';
import type { TrackedEvent } from '../protocol/tracked-event';
import type { TrackerPlugin } from './tracker-plugin';

/**
 * Runs one hook of every plugin, in order. A hook that throws is reported and counts as keeping
 * the event.
 *
 * @param plugins - the tracker's plugins.
 * @param hook - `beforeTrack` (stops at the first that returns `false`) or `afterTrack`.
 * @param event - what the hook receives: the event being built, or the finished payload.
 * @param report - receives a hook that threw (code `plugin`).
 * @returns whether the event is kept: `false` only when a `beforeTrack` returned `false`.
 */
export function runPlugins(
  plugins: readonly TrackerPlugin[],
  hook: 'beforeTrack' | 'afterTrack',
  event: TrackedEvent | Payload,
  report: (error: FloeError) => void,
): boolean {
  return plugins.every(
    (plugin) =>
      guarded(
        () => plugin[hook]?.(event as TrackedEvent & Payload),
        report,
        'plugin',
        `plugin ${plugin.name ?? '(unnamed)'}.${hook} threw`,
      ) !== false || hook === 'afterTrack',
  );
}
