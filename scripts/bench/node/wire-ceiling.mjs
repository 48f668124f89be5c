// The delivery ceiling: how fast ANY tracker could deliver N events to the benchmark's sink under
// the reliability contract's request rules (one request in flight, bodies of at most 40,000 B,
// `stm` on every event), if tracking cost nothing. The bodies are Floe's own events, serialised
// and packed before the clock starts, then sent back to back over one keep-alive node:http
// connection. No tracker can beat this with the same rules, sink and machine; the delivered
// events/s of a real run is (N / (loop time + at least this long)).
import http from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { entity, selfDescribing, structFields } from './events.mjs';

const TP2_PATH = '/com.snowplowanalytics.snowplow/tp2';
const ENVELOPE_START =
  '{"schema":"iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4","data":[';
const MAX_BODY_BYTES = 40_000;

/** Floe's JSON text for N events of one kind, from the snapshot build of @floe/core. */
async function eventTexts(floeDir, kind, base64, n) {
  const core = await import(
    pathToFileURL(join(floeDir, 'node_modules/@floe/core/dist/index.js')).href
  );
  const texts = [];
  const settled = async () => ({ delivered: 0, dropped: 0, pending: 0 });
  const tracker = core.createTracker({
    namespace: 'bench',
    appId: 'bench',
    platform: 'srv',
    encodeBase64: base64 === 'on',
    emitters: [
      {
        add: (payload) => texts.push(JSON.stringify(payload)),
        flush: settled,
        shutdown: settled,
      },
    ],
  });
  for (let i = 0; i < n; i++) {
    if (kind === 'structured') core.trackStructEvent(tracker, structFields(i));
    else if (kind === 'self-describing') core.trackSelfDescribingEvent(tracker, selfDescribing(i));
    else core.trackSelfDescribingEvent(tracker, selfDescribing(i), { context: [entity(i)] });
  }
  return texts;
}

/** Packs event texts into bodies of at most 40,000 B, each event with a 13-digit `stm`. */
function packBodies(texts) {
  const stm = String(Date.now());
  const bodies = [];
  let events = [];
  let bytes = ENVELOPE_START.length + 2;
  for (const text of texts) {
    const event = `${text.slice(0, -1)},"stm":"${stm}"}`;
    const eventBytes = Buffer.byteLength(event);
    if (events.length > 0 && bytes + 1 + eventBytes > MAX_BODY_BYTES) {
      bodies.push(Buffer.from(`${ENVELOPE_START}${events.join(',')}]}`));
      events = [];
      bytes = ENVELOPE_START.length + 2;
    }
    bytes += eventBytes + (events.length > 0 ? 1 : 0);
    events.push(event);
  }
  if (events.length > 0) bodies.push(Buffer.from(`${ENVELOPE_START}${events.join(',')}]}`));
  return bodies;
}

function post(agent, port, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: TP2_PATH,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json; charset=UTF-8',
          'content-length': body.length,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Measures the ceiling for one kind and base64 setting: `runs` back-to-back sends of all bodies.
 *
 * @param {{ floeDir: string, port: number, kind: string, base64: string, n: number, runs: number, resetSink: (port: number) => Promise<void>, readSink: (port: number) => Promise<{ events: number }> }} options
 * @returns {Promise<{ requests: number, runs: { ms: number, delivered: number }[] }>}
 */
export async function measureWireCeiling({
  floeDir,
  port,
  kind,
  base64,
  n,
  runs,
  resetSink,
  readSink,
}) {
  const bodies = packBodies(await eventTexts(floeDir, kind, base64, n));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const results = [];
  try {
    for (let run = 0; run < runs; run++) {
      await resetSink(port);
      const started = performance.now();
      for (const body of bodies) {
        const status = await post(agent, port, body);
        if (status !== 200) throw new Error(`sink answered ${status}`);
      }
      const ms = performance.now() - started;
      const { events } = await readSink(port);
      results.push({ ms, delivered: events });
    }
  } finally {
    agent.destroy();
  }
  return { requests: bodies.length, runs: results };
}
