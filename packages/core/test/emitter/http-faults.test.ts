import { createEmitter, type DropReport } from '@floe/core';
import {
  checkInvariants,
  type FaultServer,
  startFaultServer,
  startRedirectServer,
} from '@floe/test-utils';
import { fakeSetup } from './fake-setup';
import { arrivalGaps, createHarness, makeEvent, warmUpFetch } from './harness';

// Real-socket rows of reliability.md §5.1 at test scale (timeout 200 ms, backoff 10–200 ms).

describe('HTTP status faults on real sockets', () => {
  let server: FaultServer;

  beforeAll(warmUpFetch);

  beforeEach(async () => {
    server = await startFaultServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('H1: 500 three times, then 200 — 4 requests, backoff gaps, fresh stm per attempt', async () => {
    server.script([{ type: 'respond', status: 500, times: 3 }]);
    const h = createHarness({ endpoint: server.url });
    h.track(10);
    expect(await h.emitter.flush({ timeoutMs: 3000 })).toEqual({
      delivered: 10,
      dropped: 0,
      pending: 0,
    });
    expect(server.requests.map((entry) => entry.status)).toEqual([500, 500, 500, 200]);
    const [g1, g2, g3] = arrivalGaps(server);
    expect(g1).toBeGreaterThanOrEqual(9);
    expect(g2).toBeGreaterThanOrEqual(19);
    expect(g3).toBeGreaterThanOrEqual(39);
    expect(h.failures.map((f) => [f.status, f.willRetry, f.eids.length])).toEqual([
      [500, true, 10],
      [500, true, 10],
      [500, true, 10],
    ]);
    expect(h.successes).toEqual([{ eids: h.tracked.map((e) => e.eid), status: 200 }]);
    const stms = server.requests.map((entry) => entry.events[0]?.stm);
    expect(new Set(stms).size).toBe(4);
    const report = h.check(server);
    expect(report).toMatchObject({ received: 10, duplicates: 0 });
    await h.finish(() => server.close());
  });

  it('H2: 502, 503, 504 are retried; nothing is lost', async () => {
    server.script([502, 503, 504].map((status) => ({ type: 'respond' as const, status })));
    const h = createHarness({ endpoint: server.url });
    h.track(10);
    await h.emitter.flush({ timeoutMs: 3000 });
    expect(server.requests.map((entry) => entry.status)).toEqual([502, 503, 504, 200]);
    expect(h.check(server)).toMatchObject({ received: 10, duplicates: 0, dropped: 0 });
    await h.finish(() => server.close());
  });

  it('H5: 429 without Retry-After is a counted retry on the backoff schedule', async () => {
    server.script([{ type: 'respond', status: 429, times: 2 }]);
    const h = createHarness({ endpoint: server.url, maxAttempts: 2 });
    h.track(3);
    const result = await h.emitter.flush({ timeoutMs: 3000 });
    // Two counted attempts are all maxAttempts 2 allows: the batch is given up.
    expect(result).toEqual({ delivered: 0, dropped: 3, pending: 0 });
    expect(h.dropped.map((d) => [d.reason, d.status])).toEqual([['max_attempts', 429]]);
    expect(arrivalGaps(server)[0]).toBeGreaterThanOrEqual(9);
    h.check(server);
    await h.finish(() => server.close());
  });

  it('H8: 400, 401, 403, 410, 422 are dropped after one request: onFailure, then onDrop status', async () => {
    for (const status of [400, 401, 403, 410, 422]) {
      server.reset();
      server.script([{ type: 'respond', status }]);
      const h = createHarness({ endpoint: server.url });
      const spyDrop = h.dropped;
      const events = h.track(4);
      const result = await h.emitter.flush({ timeoutMs: 2000 });
      expect(result).toEqual({ delivered: 0, dropped: 4, pending: 0 });
      expect(server.requests).toHaveLength(1);
      expect(h.failures).toEqual([{ eids: events.map((e) => e.eid), status, willRetry: false }]);
      expect(spyDrop).toMatchObject([{ reason: 'status', status, eids: events.map((e) => e.eid) }]);
      expect(spyDrop[0]!.events).toEqual(events);
      h.check(server);
      await h.emitter.shutdown();
    }
  });

  it('H8: onFailure comes before onDrop', async () => {
    server.script([{ type: 'respond', status: 400 }]);
    const order: string[] = [];
    const dropped: DropReport[] = [];
    const emitter = createEmitter({
      endpoint: server.url,
      flushIntervalMs: 0,
      onFailure: () => order.push('failure'),
      onDrop: (report) => {
        dropped.push(report);
        order.push(`drop:${report.reason}`);
      },
    });
    const event = makeEvent(0);
    emitter.add(event);
    await emitter.flush({ timeoutMs: 2000 });
    expect(order).toEqual(['failure', 'drop:status']);
    checkInvariants({ tracked: [event], dropped, server });
    await emitter.shutdown();
  });

  it('H8: with retryStatusCodes [403], 403 is retried', async () => {
    server.script([{ type: 'respond', status: 403 }]);
    const h = createHarness({ endpoint: server.url, retryStatusCodes: [403] });
    h.track(2);
    expect(await h.emitter.flush({ timeoutMs: 2000 })).toEqual({
      delivered: 2,
      dropped: 0,
      pending: 0,
    });
    expect(server.requests.map((entry) => entry.status)).toEqual([403, 200]);
    h.check(server);
    await h.finish(() => server.close());
  });

  it('H10: 413 bisects 8 → 4 → 2 (7 requests) with no loss', async () => {
    server.script([
      { type: 'respond', status: 413 },
      { type: 'respond', status: 413 },
      { type: 'respond', status: 200 },
      { type: 'respond', status: 200 },
      { type: 'respond', status: 413 },
    ]);
    // One request at a time, so the halves go in a fixed order.
    const h = createHarness({
      endpoint: server.url,
      flushAt: 8,
      maxBatchEvents: 8,
      maxInFlight: 1,
    });
    h.track(8);
    expect(await h.emitter.flush({ timeoutMs: 3000 })).toEqual({
      delivered: 8,
      dropped: 0,
      pending: 0,
    });
    expect(server.requests.map((entry) => [entry.status, entry.events.length])).toEqual([
      [413, 8],
      [413, 4],
      [200, 2],
      [200, 2],
      [413, 4],
      [200, 2],
      [200, 2],
    ]);
    expect(h.check(server)).toMatchObject({ received: 8, duplicates: 0 });
    await h.finish(() => server.close());
  });

  it('H10: a single event still answered 413 is dropped as too_large', async () => {
    server.script([{ type: 'respond', status: 413, times: 3 }]);
    const h = createHarness({ endpoint: server.url });
    const events = h.track(2);
    const result = await h.emitter.flush({ timeoutMs: 2000 });
    expect(result).toEqual({ delivered: 0, dropped: 2, pending: 0 });
    expect(h.dropped.map((d) => [d.reason, d.status, d.eids])).toEqual([
      ['too_large', 413, [events[0]!.eid]],
      ['too_large', 413, [events[1]!.eid]],
    ]);
    h.check(server);
    await h.finish(() => server.close());
  });

  it('H11: 301/302/303 are never followed (no GET replay): retryable failures', async () => {
    const elsewhere = await startFaultServer();
    for (const status of [301, 302, 303]) {
      server.reset();
      server.script([{ type: 'respond', status, headers: { location: `${elsewhere.url}/x/y` } }]);
      const h = createHarness({ endpoint: server.url });
      h.track(3);
      await h.emitter.flush({ timeoutMs: 2000 });
      expect(server.requests.map((entry) => [entry.method, entry.status])).toEqual([
        ['POST', status],
        ['POST', 200],
      ]);
      expect(h.failures[0]).toMatchObject({ status, willRetry: true });
      h.check(server);
      await h.emitter.shutdown();
    }
    expect(elsewhere.requests).toEqual([]);
    await elsewhere.close();
  });

  it('H11: 307/308 to a second collector are followed once: delivered exactly once', async () => {
    for (const status of [307, 308]) {
      const target = await startFaultServer();
      const redirect = await startRedirectServer({ target: target.url, status });
      const h = createHarness({ endpoint: redirect.url });
      h.track(5);
      expect(await h.emitter.flush({ timeoutMs: 2000 })).toMatchObject({ delivered: 5 });
      expect(redirect.requests.map((entry) => entry.status)).toEqual([status]);
      expect(target.requests.map((entry) => [entry.method, entry.status])).toEqual([['POST', 200]]);
      expect(h.check([redirect, target])).toMatchObject({ received: 5, duplicates: 0 });
      await h.finish(() => Promise.all([target.close(), redirect.close()]));
    }
  });

  it('H12: a 200 with an HTML body (captive proxy) is a success; the body is ignored', async () => {
    server.script([
      {
        type: 'respond',
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: '<html>login</html>',
      },
    ]);
    const h = createHarness({ endpoint: server.url });
    h.track(2);
    expect(await h.emitter.flush({ timeoutMs: 2000 })).toMatchObject({ delivered: 2 });
    expect(server.requests).toHaveLength(1);
    h.check(server);
    await h.finish(() => server.close());
  });

  it('H13: a huge response body is never read whole', async () => {
    const total = 64 * 1024 * 1024;
    server.script([{ type: 'respond', status: 200, bodyBytes: total }]);
    const h = createHarness({ endpoint: server.url });
    h.track(2);
    expect(await h.emitter.flush({ timeoutMs: 3000 })).toMatchObject({ delivered: 2 });
    expect(server.requests).toHaveLength(1);
    // The client cancelled after 64 KB; the server stopped writing long before the end.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests[0]!.responseBytes).toBeLessThan(total / 2);
    h.check(server);
    await h.finish(() => server.close());
  });
});

describe('HTTP status faults at production scale (fake clock)', () => {
  it('H1: the first three gaps are 0.5–1 s, 1–2 s, 2–4 s (U[1,2) jitter from the injected random)', async () => {
    for (const random of [0, 0.5, 0.999]) {
      const { h, transport, flush, finish } = fakeSetup({ random: () => random });
      transport.push({ status: 500 }, { status: 500 }, { status: 500 });
      h.track(10);
      await flush();
      const times = transport.requests.map((entry) => entry.arrivedAt);
      const gapsMs = times.slice(1).map((time, i) => time - (times[i] as number));
      expect(gapsMs).toEqual([500, 1000, 2000].map((base) => base * (1 + random)));
      h.check(transport);
      await finish();
    }
  });

  it('backoff resets after a success', async () => {
    const { h, transport, flush, finish } = fakeSetup({
      flushAt: 1,
      maxBatchEvents: 1,
      maxInFlight: 1,
    });
    transport.push({ status: 500 }, { status: 500 }, { status: 200 }, { status: 500 });
    h.track(2);
    await flush();
    const times = transport.requests.map((entry) => entry.arrivedAt);
    expect(times).toEqual([0, 750, 2250, 2250, 3000]);
    await finish();
  });

  it('H5: 429 without Retry-After follows the computed schedule', async () => {
    const { h, transport, flush, finish } = fakeSetup();
    transport.push({ status: 429 }, { status: 429 });
    h.track(1);
    await flush();
    expect(transport.requests.map((entry) => entry.arrivedAt)).toEqual([0, 750, 2250]);
    await finish();
  });
});
