// Drives @snowplow/node-tracker 4.8.0 for one scenario. `default` and `default-yield` use the
// tracker exactly as shipped (POST, bufferSize 10, maxPostBytes 40,000, base64 on, in-memory store
// of 1,000 events); `lossless` swaps in an in-memory store with no size limit (anchors.md §2).
import { createRequire } from 'node:module';
import { entity, selfDescribing, structFields } from './events.mjs';

const require = createRequire(import.meta.url);

/**
 * Creates the Snowplow tracker for a scenario.
 *
 * @param {{ config: string, kind: string, base64: 'default' | 'on' | 'off', port: number }} options
 * @returns {Promise<{ track: (i: number) => void, flush: () => Promise<unknown>, close: () => Promise<void>, drops: () => Record<string, number>, settings: Record<string, unknown> }>}
 */
export async function createSnowplowAdapter({ config, kind, base64, port }) {
  // The CommonJS build is what Node loads for this package (it has no `exports` map).
  const {
    newTracker,
    buildStructEvent,
    buildSelfDescribingEvent,
  } = require('@snowplow/node-tracker');
  const { newInMemoryEventStore } = require('@snowplow/tracker-core');

  const emitter = { endpoint: '127.0.0.1', protocol: 'http', port };
  if (config === 'lossless') emitter.eventStore = newInMemoryEventStore({ maxSize: Infinity });
  const trackerOptions = { namespace: 'bench', appId: 'bench' };
  if (base64 !== 'default') trackerOptions.encodeBase64 = base64 === 'on';
  const tracker = newTracker(trackerOptions, emitter);

  const track =
    kind === 'structured'
      ? (i) => tracker.track(buildStructEvent(structFields(i)))
      : kind === 'self-describing'
        ? (i) => tracker.track(buildSelfDescribingEvent({ event: selfDescribing(i) }))
        : (i) => tracker.track(buildSelfDescribingEvent({ event: selfDescribing(i) }), [entity(i)]);

  return {
    track,
    flush: () => tracker.flush(),
    // The node tracker holds no timers or handles of its own; nothing to release.
    close: async () => {},
    // It has no drop callback: whatever it loses, it loses silently.
    drops: () => ({}),
    settings: {
      store: config === 'lossless' ? 'memory, unbounded' : 'memory, 1,000 events (default)',
      base64: base64 === 'default' ? 'on (default)' : base64,
    },
  };
}
