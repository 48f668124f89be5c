import { startFaultServer } from '@floe/test-utils';
import { fakeSetup } from './fake-setup';
import { createHarness, warmUpFetch } from './harness';

// Decision 28: by default several batches are in flight, in an adaptive window (2 at first, up to
// maxInFlight 8, halved on pushback). The rows that need one request in flight set maxInFlight: 1.

/** Records how many requests are in flight each time one leaves, on the fake clock. */
function sampleInFlight(setup: ReturnType<typeof fakeSetup>): [number, number][] {
  const samples: [number, number][] = [];
  const { transport, clock } = setup;
  const send = transport.send.bind(transport);
  transport.send = (request) => {
    const answer = send(request);
    samples.push([clock.monotonic(), transport.inFlight]);
    return answer;
  };
  return samples;
}

describe('requests in flight (fake clock)', () => {
  it('the window starts at 2 and grows by one per success while a backlog waits, up to 8', async () => {
    const setup = fakeSetup({ flushAt: 10, maxBatchEvents: 10 });
    const { h, transport, flush, finish } = setup;
    const samples = sampleInFlight(setup);
    transport.fallback = { status: 200, delayMs: 100 };
    h.track(400);
    expect(await flush()).toEqual({ delivered: 400, dropped: 0, pending: 0 });
    expect(samples.slice(0, 3)).toEqual([
      [0, 1],
      [0, 2],
      [100, 2],
    ]);
    expect(transport.maxInFlight).toBe(8);
    expect(transport.requests).toHaveLength(40);
    h.check(transport);
    await finish();
  });

  it('halves the window on a 503 and pauses the whole emitter for the backoff', async () => {
    const setup = fakeSetup({ flushAt: 10, maxBatchEvents: 10 });
    const { h, transport, clock, flush, finish } = setup;
    const samples = sampleInFlight(setup);
    transport.fallback = { status: 200, delayMs: 100 };
    h.track(600);
    const done = flush();
    while (transport.maxInFlight < 8) await clock.next();
    transport.push({ status: 503, delayMs: 100 });
    expect(await done).toEqual({ delivered: 600, dropped: 0, pending: 0 });
    const failedAt = h.failureTimes[0]!;
    const refused = transport.requests.find((entry) => entry.status === 503)!;
    expect(failedAt).toBe(refused.arrivedAt + 100);
    const after = samples.filter(([time]) => time > failedAt);
    // Nothing leaves during the 750 ms backoff; then at most 4 (8 halved), growing again later.
    expect(after[0]![0]).toBe(failedAt + 750);
    expect(Math.max(...after.filter(([time]) => time === failedAt + 750).map(([, n]) => n))).toBe(
      4,
    );
    expect(h.failures).toMatchObject([{ status: 503, willRetry: true }]);
    h.check(transport);
    await finish();
  });

  it('requests that fail together grow the backoff once, not once each', async () => {
    const { h, transport, flush, finish } = fakeSetup({ flushAt: 10, maxBatchEvents: 10 });
    transport.push({ error: 'ECONNREFUSED' }, { error: 'ECONNREFUSED' });
    h.track(20);
    expect(await flush()).toMatchObject({ delivered: 20 });
    const times = transport.requests.map((entry) => entry.arrivedAt);
    // Both failed at 0; the retries leave after the first backoff step (500 × 1.5), not the second.
    expect(times).toEqual([0, 0, 750, 750]);
    h.check(transport);
    await finish();
  });

  it('maxInFlight: 1 keeps strictly one request in flight', async () => {
    const { h, transport, flush, finish } = fakeSetup({ maxInFlight: 1, maxBatchEvents: 10 });
    transport.fallback = { status: 200, delayMs: 50 };
    h.track(100);
    expect(await flush()).toMatchObject({ delivered: 100 });
    expect(transport.maxInFlight).toBe(1);
    await finish();
  });
});

describe('requests in flight on real sockets', () => {
  beforeAll(warmUpFetch);

  it('overlap at a slow collector, with no loss and duplicates only from an ambiguous cut', async () => {
    const server = await startFaultServer();
    server.script([{ type: 'delay', ms: 1000, times: 2 }, { type: 'resetAfterCommit' }]);
    const h = createHarness({
      endpoint: server.url,
      maxBatchEvents: 10,
      flushAt: 10,
      timeoutMs: 3000,
    });
    h.track(60);
    expect(await h.emitter.flush({ timeoutMs: 5000 })).toEqual({
      delivered: 60,
      dropped: 0,
      pending: 0,
    });
    const [first, second] = server.requests;
    // The second request left while the first one waited its 1,000 ms (no timeout, no retry).
    expect(second!.arrivedAt - first!.arrivedAt).toBeLessThan(1000);
    expect(h.failures).toHaveLength(1);
    expect(h.check(server, 10)).toMatchObject({ received: 60, ambiguous: 1 });
    expect(h.check(server, 10).duplicates).toBeLessThanOrEqual(10);
    await h.finish(() => server.close());
  });
});
