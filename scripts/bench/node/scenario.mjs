#!/usr/bin/env node
// Runs ONE scenario in this (fresh) process, so the peak RSS it reports belongs to that scenario
// alone (anchors.md §2). The parent passes the scenario as JSON in argv[2] and reads one
// `RESULT {...}` line from stdout.
//
// Procedure: (the parent has reset the sink) time the synchronous track() loop, timing every batch
// of 1,000 calls for the per-call median; await the tracker's flush; then poll the sink every
// 300 ms until its count stops changing. Peak RSS is `process.resourceUsage().maxRSS` at the end.
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { sinkCount, sinkStats } from './sink-client.mjs';

const POLL_MS = 300;
// When the count is short of N, a quiet interval may just be a tracker between requests (Snowplow's
// flush resolves before it sends): wait this many quiet polls before calling the count final.
const QUIET_POLLS_WHEN_SHORT = 3;
const POLL_DEADLINE_MS = 180_000;
const CALLS_PER_SAMPLE = 1_000;
const EMPTY_STATS = {
  events: 0,
  requests: 0,
  bodyBytes: 0,
  maxBodyBytes: 0,
  withoutStm: 0,
  duplicates: 0,
  badBodies: 0,
};

const scenario = JSON.parse(process.argv[2] ?? '{}');
const { tracker, config, kind, base64, n, port, yieldEvery, tmpDir, floeDir, floeOptions } =
  scenario;

async function loadAdapter() {
  if (tracker === 'snowplow') {
    const { createSnowplowAdapter } = await import('./snowplow-adapter.mjs');
    return createSnowplowAdapter({ config, kind, base64, port });
  }
  if (tracker === 'floe') {
    const { createFloeAdapter } = await import('./floe-adapter.mjs');
    return createFloeAdapter({ config, kind, base64, port, tmpDir, floeDir, floeOptions });
  }
  if (tracker === 'baseline') {
    const { createBaselineAdapter } = await import('./baseline-adapter.mjs');
    return createBaselineAdapter({ kind, config });
  }
  throw new Error(`unknown tracker ${tracker}`);
}

const msSince = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Tracks n events; returns the loop's wall time and the per-call ns of each 1,000-call batch. */
async function trackLoop(track) {
  const samples = [];
  let batchNs = 0n;
  let batchStart = process.hrtime.bigint();
  const start = batchStart;
  for (let i = 0; i < n; i += 1) {
    track(i);
    const done = i + 1;
    if (done % CALLS_PER_SAMPLE === 0) {
      const now = process.hrtime.bigint();
      batchNs += now - batchStart;
      samples.push(Number(batchNs) / CALLS_PER_SAMPLE);
      batchNs = 0n;
      batchStart = process.hrtime.bigint();
    }
    if (yieldEvery && done % yieldEvery === 0 && done < n) {
      // Yield time is the producer's, not track()'s: keep it out of the per-call samples.
      batchNs += process.hrtime.bigint() - batchStart;
      await yieldToLoop();
      batchStart = process.hrtime.bigint();
    }
  }
  const end = process.hrtime.bigint();
  // The loop's window on the monotonic clock (µs), which is the clock of V8's cpuprofile
  // timestamps too: `--profile` uses it to show the loop's cost apart from the delivery's.
  const loopWindowUs = [Number(start / 1000n), Number(end / 1000n)];
  return { start, loopMs: Number(end - start) / 1e6, samples, loopWindowUs };
}

/**
 * Polls the sink's count until it settles; returns the full counters and when the final count was
 * first seen. The polls read the count alone (`/count`): the sink's duplicate bookkeeping, done
 * when `/stats` is read, is the sink's work and stays off the tracker's clock.
 */
async function awaitDelivery(start) {
  let last = await sinkCount(port);
  let firstSeenMs = msSince(start);
  let quiet = 0;
  const deadline = Date.now() + POLL_DEADLINE_MS;
  while (Date.now() < deadline) {
    await sleep(POLL_MS);
    const current = await sinkCount(port);
    if (current.events !== last.events) {
      last = current;
      firstSeenMs = msSince(start);
      quiet = 0;
      continue;
    }
    quiet += 1;
    if (current.events >= n || quiet >= QUIET_POLLS_WHEN_SHORT) {
      return { stats: await sinkStats(port), totalMs: firstSeenMs, timedOut: false };
    }
  }
  return { stats: await sinkStats(port), totalMs: firstSeenMs, timedOut: true };
}

function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main() {
  const adapter = await loadAdapter();
  const { start, loopMs, samples, loopWindowUs } = await trackLoop(adapter.track);
  const flushResult = await adapter.flush();
  const flushMs = msSince(start);
  const { stats, totalMs, timedOut } =
    adapter.delivers === false
      ? { stats: EMPTY_STATS, totalMs: flushMs, timedOut: false }
      : await awaitDelivery(start);
  const closeResult = await adapter.close();
  const drops = adapter.drops();
  const reportedDrops = Object.values(drops).reduce((sum, count) => sum + count, 0);
  const unique = stats.events - stats.duplicates;
  const result = {
    ...scenario,
    settings: adapter.settings,
    delivered: stats.events,
    unique,
    duplicates: stats.duplicates,
    reportedDrops,
    drops,
    // Tracked events that neither arrived nor were reported dropped: silent loss.
    unaccounted: n - unique - reportedDrops,
    loopMs,
    loopWindowUs,
    loopEvPerSec: n / (loopMs / 1000),
    perCallUs: median(samples) / 1000,
    flushMs,
    flushResult: flushResult ?? null,
    closeResult: closeResult ?? null,
    totalMs,
    deliveredEvPerSec: stats.events / (totalMs / 1000),
    requests: stats.requests,
    eventsPerRequest: stats.requests ? stats.events / stats.requests : 0,
    maxBodyBytes: stats.maxBodyBytes,
    bodyBytes: stats.bodyBytes,
    withoutStm: stats.withoutStm,
    badBodies: stats.badBodies,
    timedOut,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`, () => process.exit(0));
}

main().catch((error) => {
  console.error(error?.stack ?? String(error));
  process.exit(1);
});
