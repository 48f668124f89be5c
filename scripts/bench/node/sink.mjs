#!/usr/bin/env node
// The benchmark's collector stand-in (anchors.md §2). It runs in its own process so its memory
// never counts against a tracker, listens on a random loopback port and tells its parent the port
// over IPC (or prints it when run by hand).
//
// POST to the tp2 path: read the whole body, parse it, count `data.length` events, answer 200 with
// an empty body. It also keeps requests, body bytes, the largest body, events without `stm` and, for
// Floe's reliability columns, duplicate `eid`s. `GET /stats` returns the counters, `GET /count`
// only the event count (cheap, for polling), `POST /reset` clears them (`?delayMs=N` makes every
// event request wait N ms before its answer), anything else gets 404.
import { createServer } from 'node:http';

const TP2_PATH = '/com.snowplowanalytics.snowplow/tp2';

const fresh = () => ({
  events: 0,
  requests: 0,
  bodyBytes: 0,
  maxBodyBytes: 0,
  withoutStm: 0,
  withoutEid: 0,
  duplicates: 0,
  badBodies: 0,
});

let stats = fresh();
// How long the sink waits before answering an event request: 0 on loopback, or a distant
// collector's round trip for the latency scenarios. Set by `POST /reset?delayMs=20`.
let delayMs = 0;
// Every eid seen since the last reset; a repeat is a duplicate delivery. Requests only append
// their eids to `unchecked`; they are checked against `seen` when the stats are read, so the
// sink's own bookkeeping stays off the path every request waits on.
let seen = new Set();
let unchecked = [];

function checkDuplicates() {
  for (const eid of unchecked) {
    if (seen.has(eid)) stats.duplicates += 1;
    else seen.add(eid);
  }
  unchecked = [];
}

function countBody(body) {
  let parsed;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    stats.badBodies += 1;
    return;
  }
  const data = Array.isArray(parsed?.data) ? parsed.data : [];
  stats.events += data.length;
  for (const event of data) {
    if (event?.stm === undefined || event.stm === '') stats.withoutStm += 1;
    const eid = event?.eid;
    if (typeof eid !== 'string') stats.withoutEid += 1;
    else unchecked.push(eid);
  }
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function answer(response, status, body = '', type = 'text/plain') {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

const server = createServer(async (request, response) => {
  const path = (request.url ?? '').split('?')[0];
  try {
    if (request.method === 'POST' && path === TP2_PATH) {
      const body = await readBody(request);
      stats.requests += 1;
      stats.bodyBytes += body.length;
      if (body.length > stats.maxBodyBytes) stats.maxBodyBytes = body.length;
      countBody(body);
      if (delayMs > 0) setTimeout(() => answer(response, 200), delayMs);
      else answer(response, 200);
    } else if (request.method === 'GET' && path === '/count') {
      // What a scenario polls while it times delivery: the count alone, with none of the
      // duplicate bookkeeping /stats does first, so the sink's own work stays off the clock.
      answer(response, 200, JSON.stringify({ events: stats.events }), 'application/json');
    } else if (request.method === 'GET' && path === '/stats') {
      checkDuplicates();
      answer(response, 200, JSON.stringify(stats), 'application/json');
    } else if (request.method === 'POST' && path === '/reset') {
      await readBody(request);
      delayMs = Number(new URLSearchParams((request.url ?? '').split('?')[1]).get('delayMs') ?? 0);
      stats = fresh();
      seen = new Set();
      unchecked = [];
      answer(response, 200, JSON.stringify(stats), 'application/json');
    } else {
      await readBody(request);
      answer(response, 404);
    }
  } catch {
    // A client that vanished mid-body: nothing was counted, nothing to answer.
    response.destroy();
  }
});

// Trackers keep connections alive between batches; the sink must not be the one closing them.
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  if (process.send) process.send({ port });
  else console.log(`sink listening on http://127.0.0.1:${port}`);
});

// Stop when the parent goes away or asks, so no orphan keeps the port.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
