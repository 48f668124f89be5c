import type { Tracker } from './tracker';
import { resolveTrackerConfig } from './resolve-tracker-config';
import type { TrackerOptions } from './tracker-options';
import { TrackerRuntime } from './tracker-runtime';

/**
 * Creates a tracker: it builds tracker-protocol events and hands each one to its emitters.
 * Creation is the only step that throws; track calls never do (bad events become reported drops).
 *
 * @param options - see {@link TrackerOptions}; `namespace`, `platform` and `emitters` are required.
 * @returns the tracker, to pass to `trackPageView(tracker, …)` and the other track functions.
 * @throws TrackerConfigError (code `invalid_config`) when an option cannot work.
 * @example
 * const tracker = createTracker({
 *   namespace: 'shop',
 *   platform: 'srv',
 *   appId: 'checkout',
 *   emitters: [createEmitter({ endpoint: 'https://collector.example.com' })],
 * });
 * trackPageView(tracker, { pageUrl: 'https://shop.example.com/' });
 */
export function createTracker(options: TrackerOptions): Tracker {
  return new TrackerRuntime(resolveTrackerConfig(options));
}
