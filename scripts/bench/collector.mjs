#!/usr/bin/env node
// Collector ingestion benchmark: one tracker process sends N validated events to the local
// collector running in another process (target: ≥ 20,000 validated events/s).
//
//   node scripts/bench/collector.mjs [--quick] [--n=100000] [--memory] [--no-build]
//
// Scenarios, each against a fresh collector process:
//   tracker  the Floe core tracker + emitter (POST batches, keep-alive fetch, 4 requests in flight)
//   raw      hand-built tp2 batches of 50 events over a keep-alive http.Agent (collector capacity
//            without the tracker's cost)
// The collector stores into an SQLite file (the CLI default) unless --memory is given. An event
// counts only once the collector has validated and committed it as good: the bench checks
// /micro/all before reporting. Prints PASS / MISS against the target; exits 1 only on a crash.
import { execFileSync, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = resolve(dirname(self), '../..');
const TARGET = 20_000;
const LINK_CLICK = 'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1';
const WEB_PAGE = 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0';
const log = (message) => process.stderr.write(`[bench:collector] ${message}\n`);

// ── collector process ────────────────────────────────────────────────────────────────────────
async function serve() {
  const { startCollector } = await import('@floe/collector');
  const file = process.env.FLOE_BENCH_DB;
  const collector = await startCollector({ port: 0, storage: file ? { file } : 'memory' });
  process.on('message', async (message) => {
    if (message === 'counts') process.send({ counts: collector.all(), cpu: process.cpuUsage() });
    if (message === 'stop') {
      await collector.close();
      process.exit(0);
    }
  });
  process.send({ url: collector.url });
}

// ── tracker process (this one) ───────────────────────────────────────────────────────────────
function parseArgs(argv) {
  const value = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const quick = argv.includes('--quick');
  return {
    n: Number(value('n') ?? (quick ? 20_000 : 100_000)),
    memory: argv.includes('--memory'),
    build: !argv.includes('--no-build'),
  };
}

function startServer(dbFile) {
  const child = fork(self, [], {
    env: { ...process.env, FLOE_BENCH_ROLE: 'collector', FLOE_BENCH_DB: dbFile ?? '' },
  });
  const next = () =>
    new Promise((ok, fail) => {
      child.once('message', ok);
      child.once('exit', (code) => fail(new Error(`collector process exited with ${code}`)));
    });
  return next().then(({ url }) => ({
    url,
    counts: () => {
      child.send('counts');
      return next();
    },
    stop: () =>
      new Promise((ok) => {
        child.once('exit', ok);
        child.send('stop');
      }),
  }));
}

const entity = { schema: WEB_PAGE, data: { id: 'a1a1a1a1-1111-4222-8333-444455556666' } };

async function runTracker(url, n) {
  const core = await import('@floe/core');
  const drops = [];
  const emitter = core.createEmitter({
    endpoint: url,
    flushAt: 100,
    maxInFlight: 4,
    flushIntervalMs: 0,
    onDrop: (r) => drops.push(r),
  });
  const tracker = core.createTracker({
    namespace: 'bench',
    platform: 'srv',
    appId: 'bench',
    emitters: [emitter],
    onDrop: (r) => drops.push(r),
  });
  const track = (i) => {
    switch (i % 4) {
      case 0:
        return core.trackPageView(
          tracker,
          { pageUrl: `https://shop.example/p/${i}`, pageTitle: 'Product' },
          { context: [entity] },
        );
      case 1:
        return core.trackStructEvent(tracker, {
          category: 'shop',
          action: 'add',
          label: `sku-${i}`,
          value: i,
        });
      case 2:
        return core.trackSelfDescribingEvent(
          tracker,
          { schema: LINK_CLICK, data: { targetUrl: `https://x.example/${i}`, elementId: 'cta' } },
          { context: [entity] },
        );
      default:
        return core.trackPagePing(tracker, {
          pageUrl: `https://shop.example/p/${i}`,
          minYOffset: 0,
          maxYOffset: i % 1000,
        });
    }
  };
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    track(i);
    // Let the emitter send while tracking continues, as a real process would.
    if (i % 2000 === 1999) await new Promise((r) => setImmediate(r));
  }
  const result = await emitter.flush({ timeoutMs: 600_000 });
  const seconds = (performance.now() - started) / 1000;
  await emitter.shutdown({ timeoutMs: 5000 });
  if (drops.length > 0)
    log(
      `tracker reported ${drops.length} drop report(s): ${JSON.stringify(drops[0]).slice(0, 300)}`,
    );
  return { seconds, delivered: result.delivered };
}

function rawEvent(i) {
  const base = {
    e: 'ue',
    eid: randomUUID(),
    tv: 'bench-raw',
    tna: 'bench',
    aid: 'bench',
    p: 'srv',
    dtm: String(Date.now()),
    stm: String(Date.now()),
  };
  const ue = {
    schema: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0',
    data: { schema: LINK_CLICK, data: { targetUrl: `https://x.example/${i}` } },
  };
  return {
    ...base,
    ue_pr: JSON.stringify(ue),
    co: JSON.stringify({
      schema: 'iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1',
      data: [entity],
    }),
  };
}

async function runRaw(url, n) {
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const { hostname, port } = new URL(url);
  const batch = 50;
  const bodies = [];
  for (let i = 0; i < n; i += batch) {
    const events = Array.from({ length: Math.min(batch, n - i) }, (_, j) => rawEvent(i + j));
    bodies.push(
      JSON.stringify({
        schema: 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4',
        data: events,
      }),
    );
  }
  const post = (body) =>
    new Promise((ok, fail) => {
      const req = request(
        {
          agent,
          hostname,
          port,
          method: 'POST',
          path: '/com.snowplowanalytics.snowplow/tp2',
          headers: {
            'Content-Type': 'application/json; charset=UTF-8',
            'Content-Length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200 ? ok() : fail(new Error(`status ${res.statusCode}`)),
          );
        },
      );
      req.on('error', fail);
      req.end(body);
    });
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) await post(bodies[next++]);
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { seconds, delivered: n };
}

async function scenario(name, run, { n, memory }) {
  const dir = memory ? undefined : mkdtempSync(join(os.tmpdir(), 'floe-bench-collector-'));
  const server = await startServer(dir && join(dir, 'collector.db'));
  try {
    await run(server.url, Math.min(2000, n)); // warm-up: JIT, compiled schemas, sockets
    const before = await server.counts();
    const senderCpu = process.cpuUsage();
    const { seconds } = await run(server.url, n);
    const sender = process.cpuUsage(senderCpu);
    const after = await server.counts();
    const good = after.counts.good - before.counts.good;
    const bad = after.counts.bad - before.counts.bad;
    // CPU time of the collector process (all its threads): a load-independent cost per event.
    const cpuMicros = after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system;
    return {
      name,
      n,
      good,
      bad,
      seconds,
      rate: good / seconds,
      cpuPerEvent: cpuMicros / Math.max(1, good),
      senderCpuPerEvent: (sender.user + sender.system) / n,
    };
  } finally {
    await server.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.build) {
    log('building @floe/collector and @floe/core (turbo)…');
    execFileSync(
      'npx',
      [
        'turbo',
        'run',
        'build',
        '--filter=@floe/collector...',
        '--filter=@floe/core',
        '--output-logs=errors-only',
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
  log(
    `${args.n} events per scenario, storage: ${args.memory ? 'memory' : 'SQLite file'}, ${os.cpus().length} CPUs`,
  );
  const results = [
    await scenario('tracker', runTracker, args),
    await scenario('raw', runRaw, args),
  ];
  console.log('\nCollector ingestion (validated events committed as good, per second)\n');
  console.log(
    'scenario  events    good      bad  seconds  events/s  collector CPU/event  sender CPU/event  target   verdict',
  );
  for (const r of results) {
    const complete = r.good === r.n && r.bad === 0;
    const verdict = complete && r.rate >= TARGET ? 'PASS' : 'MISS';
    const row = [
      r.name.padEnd(8),
      String(r.n).padStart(7),
      String(r.good).padStart(8),
      String(r.bad).padStart(6),
      r.seconds.toFixed(2).padStart(8),
      Math.round(r.rate).toLocaleString('en').padStart(9),
      `${r.cpuPerEvent.toFixed(1)} µs`.padStart(19),
      `${r.senderCpuPerEvent.toFixed(1)} µs`.padStart(16),
      '≥20,000'.padStart(8),
      `  ${verdict}`,
    ];
    console.log(row.join('  '));
    if (!complete) console.log(`          (incomplete: ${r.good} of ${r.n} good, ${r.bad} bad)`);
  }
  const load = os.loadavg()[0].toFixed(1);
  console.log(
    `\nevents/s is wall-clock, tracker and collector in separate processes (1-min load average ${load} on ${os.cpus().length} CPUs).`,
  );
}

if (process.env.FLOE_BENCH_ROLE === 'collector') serve();
else
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
