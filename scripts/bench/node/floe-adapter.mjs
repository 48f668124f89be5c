// Drives Floe's Node tracker for one scenario, from the BUILT packages: the snapshot of
// packages/{core,node}/dist taken when the benchmark started (see floe-snapshot.mjs). `default` and `default-yield` use the
// tracker as shipped, whose memory queue holds the whole burst (so it is also the lossless
// configuration); `disk` uses the durable on-disk queue in a fresh temp dir.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { entity, selfDescribing, structFields } from './events.mjs';

const FLUSH_TIMEOUT_MS = 120_000;
const SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * Creates the Floe tracker for a scenario.
 *
 * @param {{ config: string, kind: string, base64: 'default' | 'on' | 'off', port: number, tmpDir?: string, floeDir: string, floeOptions?: object }} options
 *   floeOptions: extra createNodeTracker options for experiments (`--floe-options`)
 */
export async function createFloeAdapter({
  config,
  kind,
  base64,
  port,
  tmpDir,
  floeDir,
  floeOptions = {},
}) {
  const entry = (name) => pathToFileURL(join(floeDir, 'node_modules/@floe', name, 'dist/index.js'));
  const node = await import(entry('node').href);
  const core = await import(entry('core').href);
  const trackStructEvent = node.trackStructEvent ?? core.trackStructEvent;
  const trackSelfDescribingEvent = node.trackSelfDescribingEvent ?? core.trackSelfDescribingEvent;

  const drops = {};
  const options = {
    endpoint: `http://127.0.0.1:${port}`,
    namespace: 'bench',
    appId: 'bench',
    onDrop: (report) => {
      drops[report.reason] = (drops[report.reason] ?? 0) + report.eids.length;
    },
  };
  if (config === 'disk') {
    options.queue = 'disk';
    options.queueDir = tmpDir;
  }
  if (base64 !== 'default') options.encodeBase64 = base64 === 'on';
  const tracker = node.createNodeTracker({ ...options, ...floeOptions });

  const track =
    kind === 'structured'
      ? (i) => trackStructEvent(tracker, structFields(i))
      : kind === 'self-describing'
        ? (i) => trackSelfDescribingEvent(tracker, selfDescribing(i))
        : (i) => trackSelfDescribingEvent(tracker, selfDescribing(i), { context: [entity(i)] });

  return {
    track,
    flush: () => tracker.flush({ timeoutMs: FLUSH_TIMEOUT_MS }),
    close: () => tracker.shutdown({ timeoutMs: SHUTDOWN_TIMEOUT_MS }),
    drops: () => drops,
    settings: {
      store: config === 'disk' ? "disk (queue: 'disk', temp dir)" : 'memory (default)',
      base64: base64 === 'default' ? 'off (default for POST)' : base64,
    },
  };
}
