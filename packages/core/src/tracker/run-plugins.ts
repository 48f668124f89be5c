import type { Payload } from '../protocol/payload';
import { PluginError } from '../plugins/plugin-error';
import type { TrackerPlugin } from '../plugins/tracker-plugin';
import type { BuildState } from './build-state';
import type { TrackedEvent } from './tracked-event';

/**
 * Runs every plugin's `beforeTrack` in order until one returns `false`.
 *
 * @returns whether the event is kept. A hook that throws is reported and counts as keeping it.
 */
export function runBeforeTrack(state: BuildState, event: TrackedEvent): boolean {
  for (const plugin of state.config.plugins) {
    if (plugin.beforeTrack === undefined) continue;
    let verdict: unknown;
    try {
      verdict = plugin.beforeTrack(event);
    } catch (error) {
      state.reportPluginError(new PluginError(`${pluginName(plugin)}.beforeTrack threw`, error));
      continue;
    }
    if (verdict === false) return false;
  }
  return true;
}

/**
 * Runs every plugin's `afterTrack` on a payload handed to the emitters.
 *
 * @param state - the tracker.
 * @param payload - the finished payload.
 */
export function runAfterTrack(state: BuildState, payload: Payload): void {
  for (const plugin of state.config.plugins) {
    if (plugin.afterTrack === undefined) continue;
    try {
      plugin.afterTrack(payload);
    } catch (error) {
      state.reportPluginError(new PluginError(`${pluginName(plugin)}.afterTrack threw`, error));
    }
  }
}

function pluginName(plugin: TrackerPlugin): string {
  return `plugin ${plugin.name ?? '(unnamed)'}`;
}
