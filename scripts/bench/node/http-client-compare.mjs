// Compares the two HTTP clients decision 30 allows for @floe/node's transport: undici (`Agent` +
// `request`) and `node:http` with a keep-alive `Agent`. Each sends POST bodies the size of a
// batch (25 events, ~25 KiB) to a loopback sink that answers at once or after a delay, one request
// at a time and eight at a time, and prints requests/s and the median round trip.
//
//   node scripts/bench/node/http-client-compare.mjs [requests]
//
// Loopback only; it runs in a few seconds. The numbers go to docs/node.md ("Why undici").
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { Agent } from 'undici';

const REQUESTS = Number(process.argv[2] ?? 2000);
const BODY = JSON.stringify({
  schema: 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4',
  data: Array.from({ length: 25 }, (_, i) => ({ e: 'se', eid: `id-${i}`, pad: 'x'.repeat(1000) })),
});

function startSink(delayMs) {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const answer = () => res.end('ok');
      if (delayMs > 0) setTimeout(answer, delayMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: server.address().port })),
  );
}

function makeUndici() {
  const dispatcher = new Agent({ connections: 16, keepAliveTimeout: 4000 });
  return {
    name: 'undici Agent',
    async send(url) {
      const res = await dispatcher.request({
        origin: url.origin,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=UTF-8' },
        body: BODY,
      });
      await res.body.dump();
      return res.statusCode;
    },
    close: () => dispatcher.close(),
  };
}

function makeNodeHttp() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  return {
    name: 'node:http Agent',
    send(url) {
      return new Promise((resolve, reject) => {
        const req = http.request(
          url,
          {
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json; charset=UTF-8',
              'content-length': Buffer.byteLength(BODY),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(BODY);
      });
    },
    close: () => agent.destroy(),
  };
}

async function run(client, url, concurrency, requests) {
  const times = [];
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < requests) {
      next++;
      const t0 = performance.now();
      await client.send(url);
      times.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    rps: requests / seconds,
    median: times[times.length >> 1],
    p99: times[Math.floor(times.length * 0.99)],
  };
}

const rows = [];
for (const delayMs of [0, 20]) {
  const { server, port } = await startSink(delayMs);
  const url = new URL(`http://127.0.0.1:${port}/com.snowplowanalytics.snowplow/tp2`);
  for (const concurrency of [1, 8]) {
    const requests = delayMs === 0 ? REQUESTS : Math.min(REQUESTS, 100 * concurrency);
    for (const make of [makeUndici, makeNodeHttp]) {
      const client = make();
      await run(client, url, concurrency, Math.min(200, requests)); // warm-up
      const { rps, median, p99 } = await run(client, url, concurrency, requests);
      await client.close();
      rows.push({ client: client.name, delayMs, concurrency, requests, rps, median, p99 });
    }
  }
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

console.log('client            sink delay  in flight  requests     req/s  median ms   p99 ms');
for (const r of rows) {
  console.log(
    `${r.client.padEnd(17)} ${`${r.delayMs} ms`.padStart(10)} ${String(r.concurrency).padStart(10)} ${String(r.requests).padStart(9)} ${r.rps.toFixed(0).padStart(9)} ${r.median.toFixed(3).padStart(10)} ${r.p99.toFixed(3).padStart(8)}`,
  );
}
