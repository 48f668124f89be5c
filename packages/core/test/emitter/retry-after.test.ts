import { startFaultServer } from '@floe/test-utils';
import { fakeSetup } from './fake-setup';
import { createHarness, warmUpFetch } from './harness';

// Retry-After has one-second resolution, so its rows run at production scale on a fake clock
// (reliability.md §4), with one real-socket check of the 1 s floor.

function arrivals(transport: { requests: readonly { arrivedAt: number }[] }): number[] {
  return transport.requests.map((entry) => entry.arrivedAt);
}

describe('Retry-After at production scale', () => {
  it('H3: 503 with Retry-After: 2 → the next attempt exactly 2,000 ms later, and not counted', async () => {
    // maxAttempts 1: a counted failure would drop the batch at once.
    const { h, transport, flush, finish } = fakeSetup({ maxAttempts: 1 });
    transport.push({ status: 503, headers: { 'retry-after': '2' } });
    h.track(5);
    expect(await flush()).toEqual({ delivered: 5, dropped: 0, pending: 0 });
    expect(arrivals(transport)).toEqual([0, 2000]);
    expect(h.failures).toMatchObject([{ status: 503, willRetry: true }]);
    h.check(transport);
    await finish();
  });

  it('H4: 429 with an HTTP date 3 s ahead pauses the whole emitter, other batches included', async () => {
    const { h, transport, clock, flush, finish } = fakeSetup({
      maxInFlight: 2,
      flushAt: 5,
      maxBatchEvents: 5,
    });
    const date = new Date(clock.now() + 3000).toUTCString();
    transport.push(
      { status: 429, headers: { 'retry-after': date }, delayMs: 10 },
      { status: 200, delayMs: 50 },
    );
    h.track(20);
    expect(await flush()).toEqual({ delivered: 20, dropped: 0, pending: 0 });
    const times = arrivals(transport);
    // Two batches left at once; after the 429 nothing else left before 3 s had passed.
    expect(times.slice(0, 2)).toEqual([0, 0]);
    // The pause ends at the date itself (wall clock), 3 s after the first request left.
    for (const time of times.slice(2)) expect(time).toBeGreaterThanOrEqual(3000);
    expect(times.slice(2)).toContain(3000);
    expect(transport.maxInFlight).toBe(2);
    h.check(transport);
    await finish();
  });

  it('H6: Retry-After 0 and -5 wait the 1 s floor; abc falls back to backoff floored at 1 s', async () => {
    for (const value of ['0', '-5', 'abc']) {
      const { h, transport, flush, finish } = fakeSetup();
      transport.push(
        ...Array.from({ length: 5 }, () => ({ status: 503, headers: { 'retry-after': value } })),
      );
      h.track(1);
      await flush();
      const times = arrivals(transport);
      const gaps = times.slice(1).map((time, i) => time - (times[i] as number));
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1000);
      if (value === 'abc') {
        // Counted: the computed schedule (750, 1500, 3000, 6000 with this jitter), floored at 1 s.
        expect(gaps).toEqual([1000, 1500, 3000, 6000, 12_000]);
      } else {
        expect(gaps).toEqual([1000, 1000, 1000, 1000, 1000]);
      }
      h.check(transport);
      await finish();
    }
  });

  it('H7: Retry-After: 86400 is clamped to 300 s', async () => {
    const { h, transport, flush, finish } = fakeSetup();
    transport.push({ status: 503, headers: { 'retry-after': '86400' } });
    h.track(1);
    await flush();
    expect(arrivals(transport)).toEqual([0, 300_000]);
    await finish();
  });

  it('Retry-After waits are not counted, but 30 attempts in all end a memory-store batch', async () => {
    const ok = fakeSetup();
    ok.transport.push(
      ...Array.from({ length: 25 }, () => ({ status: 429, headers: { 'retry-after': '1' } })),
    );
    ok.h.track(1);
    expect(await ok.flush()).toMatchObject({ delivered: 1 });
    expect(ok.transport.requests).toHaveLength(26);
    await ok.finish();

    const capped = fakeSetup();
    capped.transport.fallback = { status: 429, headers: { 'retry-after': '1' } };
    capped.h.track(1);
    expect(await capped.flush()).toMatchObject({ dropped: 1 });
    expect(capped.transport.requests).toHaveLength(30);
    expect(capped.h.dropped.map((d) => d.reason)).toEqual(['max_attempts']);
    capped.h.check(capped.transport);
    await capped.finish();
  });

  it('a shorter backoff never cuts a Retry-After pause short', async () => {
    const { h, transport, flush, finish } = fakeSetup({
      maxInFlight: 2,
      flushAt: 1,
      maxBatchEvents: 1,
    });
    transport.push({ status: 503, headers: { 'retry-after': '60' } }, { status: 500, delayMs: 5 });
    h.track(3);
    await flush();
    const times = arrivals(transport);
    expect(times.slice(0, 2)).toEqual([0, 0]);
    for (const time of times.slice(2)) expect(time).toBeGreaterThanOrEqual(60_000);
    h.check(transport);
    await finish();
  });
});

describe('Retry-After on a real socket', () => {
  beforeAll(warmUpFetch);

  it('H3/H6: Retry-After: 0 waits at least the 1 s floor, then delivers', async () => {
    const server = await startFaultServer();
    server.script([{ type: 'respond', status: 503, headers: { 'retry-after': '0' } }]);
    const h = createHarness({ endpoint: server.url });
    h.track(3);
    expect(await h.emitter.flush({ timeoutMs: 4000 })).toMatchObject({ delivered: 3 });
    const [first, second] = server.requests.map((entry) => entry.arrivedAt);
    expect(second! - first!).toBeGreaterThanOrEqual(995);
    expect(second! - first!).toBeLessThan(1000 + 1500);
    h.check(server);
    await h.finish(() => server.close());
  });
});
