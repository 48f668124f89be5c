import { createMemoryStore } from '@floe/core';
import {
  checkInvariants,
  createDurableTestStore,
  startFaultServer,
  waitFor,
} from '@floe/test-utils';
import { fakeSetup } from './fake-setup';
import { createHarness, warmUpFetch } from './harness';

// The long rows (H9, N1, N10) at production scale on a fake clock, and N1/N10 shrunk by the
// test-scale factor (÷50) on real sockets.

const MINUTE = 60_000;

function gapsOf(times: readonly number[]): number[] {
  return times.slice(1).map((time, i) => time - (times[i] as number));
}

describe('long scenarios at production scale', () => {
  it('H9: a 404 for 20 minutes with a durable queue: ≤ 30 attempts, gaps reach 60–120 s, every failure surfaced', async () => {
    const store = createDurableTestStore();
    const { h, transport, clock, flush, finish } = fakeSetup({ store });
    transport.fallback = { status: 404 };
    h.track(10);
    await clock.advance(20 * MINUTE);
    const times = transport.requests.map((entry) => entry.arrivedAt);
    expect(times.length).toBeLessThanOrEqual(30);
    const gaps = gapsOf(times);
    expect(Math.max(...gaps)).toBeGreaterThanOrEqual(60_000);
    for (const gap of gaps) expect(gap).toBeLessThan(120_000);
    expect(h.failures).toHaveLength(times.length);
    expect(h.failures.every((f) => f.status === 404 && f.willRetry)).toBe(true);
    expect(h.dropped).toEqual([]);
    transport.fallback = { status: 200 };
    expect(await flush()).toMatchObject({ delivered: 10 });
    h.check(transport);
    await finish();
  });

  it('H9: with the memory queue the batch is dropped after attempt 10 (max_attempts)', async () => {
    const { h, transport, clock, finish } = fakeSetup();
    transport.fallback = { status: 404 };
    h.track(10);
    await clock.advance(20 * MINUTE);
    expect(transport.requests).toHaveLength(10);
    expect(h.dropped).toMatchObject([{ reason: 'max_attempts', status: 404 }]);
    expect(h.failures.at(-1)).toMatchObject({ willRetry: false, status: 404 });
    h.check(transport);
    await finish();
  });

  it('durable queue: events older than 12 h are dropped as max_age; shutdown keeps the rest', async () => {
    const store = createDurableTestStore();
    const { h, transport, clock, finish } = fakeSetup({ store });
    transport.fallback = { error: 'ECONNREFUSED' };
    const old = h.track(10);
    await clock.advance(11 * 60 * MINUTE);
    const recent = h.track(3);
    await clock.advance(90 * MINUTE);
    expect(h.dropped).toMatchObject([{ reason: 'max_age', eids: old.map((e) => e.eid) }]);
    expect(store.size).toBe(3);
    await finish();
    // A durable store keeps what is left: no shutdown_timeout, events released back, store closed.
    expect(h.dropped.map((d) => d.reason)).toEqual(['max_age']);
    expect(store.size).toBe(3);
    expect(store.released.flat().sort()).toEqual(recent.map((e) => e.eid).sort());
    expect(store.closed).toBe(true);
    checkInvariants({
      tracked: h.tracked,
      dropped: h.dropped,
      server: transport,
      pending: recent.map((e) => e.eid as string),
    });
  });

  it('N1: collector down 30 s at 10 ev/s: ≤ 9 attempts in the outage, all 300 delivered within 65 s of recovery', async () => {
    const store = createMemoryStore({ maxEvents: 1000 });
    const { h, transport, clock, finish } = fakeSetup({ store });
    transport.fallback = { error: 'ECONNREFUSED' };
    let maxQueued = 0;
    for (let i = 0; i < 300; i++) {
      h.track(1);
      maxQueued = Math.max(maxQueued, store.size);
      await clock.advance(100);
    }
    expect(transport.requests.length).toBeLessThanOrEqual(9);
    const recovery = clock.monotonic();
    transport.fallback = { status: 200 };
    let delivered = 0;
    while (delivered < 300 && clock.monotonic() - recovery <= 65_000) {
      await clock.advance(500);
      delivered = h.successes.reduce((sum, s) => sum + s.eids.length, 0);
    }
    expect(delivered).toBe(300);
    expect(clock.monotonic() - recovery).toBeLessThanOrEqual(65_000);
    expect(maxQueued).toBeLessThanOrEqual(1000);
    expect(h.check(transport)).toMatchObject({ received: 300, duplicates: 0 });
    await finish();
  });

  it('N10: flapping 5 s down / 5 s up for 2 min at 10 ev/s: no loss, duplicates only from cuts', async () => {
    const { h, transport, clock, flush, finish } = fakeSetup();
    for (let second = 0; second < 120; second++) {
      const down = Math.floor(second / 5) % 2 === 1;
      if (second % 5 === 0) {
        // Each outage starts by cutting a request after the collector stored it.
        if (down) transport.push({ error: 'ECONNRESET', commit: true });
        transport.fallback = down ? { error: 'ECONNREFUSED' } : { status: 200 };
      }
      for (let tick = 0; tick < 10; tick++) {
        h.track(1);
        await clock.advance(100);
      }
    }
    transport.fallback = { status: 200 };
    expect(await flush()).toMatchObject({ dropped: 0, pending: 0 });
    const report = h.check(transport);
    expect(report.received).toBe(1200);
    expect(h.dropped).toEqual([]);
    await finish();
  });
});

describe('long scenarios shrunk onto real sockets (÷50)', () => {
  beforeAll(warmUpFetch);

  it('N1: collector refused for 600 ms while tracking 300 events: none lost, delivered soon after', async () => {
    const server = await startFaultServer();
    const h = createHarness({ endpoint: server.url });
    await server.stopListening(600);
    const started = performance.now();
    for (let i = 0; i < 60; i++) {
      h.track(5);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await waitFor(() => performance.now() - started >= 600);
    // One capped gap plus the drain (65 s ÷ 50 = 1.3 s), with a second of slack.
    const result = await h.emitter.flush({ timeoutMs: 1300 + 1000 });
    expect(result).toMatchObject({ dropped: 0, pending: 0 });
    expect(h.successes.reduce((sum, s) => sum + s.eids.length, 0)).toBe(300);
    expect(h.failures.length).toBeGreaterThan(0);
    expect(
      h.failures.every((f) => (f.error as { causeCode?: string }).causeCode === 'ECONNREFUSED'),
    ).toBe(true);
    expect(h.check(server)).toMatchObject({ received: 300, duplicates: 0 });
    await h.finish(() => server.close());
  });

  it('N10: flapping 100 ms down / 100 ms up for 1.6 s with cuts after commit: no loss, bounded duplicates', async () => {
    const server = await startFaultServer();
    // Shrunk windows no longer dwarf the backoff cap (100 ms vs 200–400 ms, where production has
    // 5 s vs 60 s), so the batch retried first after each outage — the one every cut hits — can
    // use up a memory store's 10 attempts. A durable queue has no attempt cap; the memory-store
    // version of this row runs at production scale above.
    const h = createHarness({ endpoint: server.url, store: createDurableTestStore() });
    const flapping = (async () => {
      for (let cycle = 0; cycle < 8; cycle++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        // At most one cut pending: an unused one from an earlier cycle is replaced.
        server.script([{ type: 'resetAfterCommit' }]);
        await server.stopListening(100);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    for (let i = 0; i < 80; i++) {
      h.track(15);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await flapping;
    await server.reopen();
    const result = await h.emitter.flush({ timeoutMs: 3000 });
    expect(result).toMatchObject({ dropped: 0, pending: 0 });
    const report = h.check(server);
    expect(report.received).toBe(1200);
    await h.finish(() => server.close());
  });
});
