import { FloeError } from '../errors/floe-error';
import type { Payload } from '../protocol/payload';
import type { TrackedEvent } from '../protocol/tracked-event';
import type { TrackerPlugin } from './tracker-plugin';

/**
 * Runs every plugin's `beforeTrack` in order until one returns `false`.
 *
 * @param plugins - the tracker's plugins.
 * @param event - the event being built.
 * @param report - receives a hook that threw (code `plugin`).
 * @returns whether the event is kept. A hook that throws is reported and counts as keeping it.
 */
export function runBeforeTrack(
  plugins: readonly TrackerPlugin[],
  event: TrackedEvent,
  report: (error: FloeError) => void,
): boolean {
  return plugins.every(
    (plugin) => safely(plugin, 'beforeTrack', () => plugin.beforeTrack?.(event), report) !== false,
  );
}

/**
 * Runs every plugin's `afterTrack` on a payload handed to the emitters.
 *
 * @param plugins - the tracker's plugins.
 * @param payload - the finished payload.
 * @param report - receives a hook that threw (code `plugin`).
 */
export function runAfterTrack(
  plugins: readonly TrackerPlugin[],
  payload: Payload,
  report: (error: FloeError) => void,
): void {
  for (const plugin of plugins)
    safely(plugin, 'afterTrack', () => plugin.afterTrack?.(payload), report);
}

// A plugin is the user's code: whatever it throws is reported, and tracking goes on.
function safely(
  plugin: TrackerPlugin,
  hook: string,
  run: () => unknown,
  report: (error: FloeError) => void,
): unknown {
  try {
    return run();
  } catch (error) {
    report(
      new FloeError('plugin', `plugin ${plugin.name ?? '(unnamed)'}.${hook} threw`, {
        cause: error,
      }),
    );
    return undefined;
  }
}
