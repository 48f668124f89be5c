import { makeFetchTransport, TransportError } from '@floe/core';
import { type FaultServer, startFaultServer, tlsFixture, waitFor } from '@floe/test-utils';
import type { FetchFunction } from '../../src/transport/fetch-types';
import { fakeSetup } from './fake-setup';
import { arrivalGaps, createHarness, warmUpFetch } from './harness';

// Real-socket rows of reliability.md §5.2 at test scale, with fake-clock twins where the
// production figures matter.

describe('network faults on real sockets', () => {
  let server: FaultServer;

  beforeAll(warmUpFetch);

  beforeEach(async () => {
    server = await startFaultServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('N2: a reset before the body is read is retried, with no duplicate', async () => {
    server.script([{ type: 'resetBeforeRead', times: 2 }]);
    const h = createHarness({ endpoint: server.url });
    h.track(10);
    expect(await h.emitter.flush({ timeoutMs: 3000 })).toEqual({
      delivered: 10,
      dropped: 0,
      pending: 0,
    });
    expect(server.requests.map((entry) => entry.status)).toEqual(['reset', 'reset', 200]);
    expect(h.failures.map((f) => [f.willRetry, f.error?.name])).toEqual([
      [true, 'TransportError'],
      [true, 'TransportError'],
    ]);
    expect(h.check(server)).toMatchObject({ received: 10, duplicates: 0 });
    await h.finish(() => server.close());
  });

  it('N3: a reset after commit on batch 1 of 3 gives exactly 10 duplicates with new stm', async () => {
    server.script([{ type: 'resetAfterCommit' }]);
    const h = createHarness({ endpoint: server.url, maxBatchEvents: 10 });
    h.track(30);
    expect(await h.emitter.flush({ timeoutMs: 3000 })).toEqual({
      delivered: 30,
      dropped: 0,
      pending: 0,
    });
    const report = h.check(server, 10);
    expect(report).toMatchObject({ received: 30, duplicates: 10, ambiguous: 1 });
    // Batches overlap (several in flight), so the resend is found by its events, not its place.
    const [cut] = server.requests;
    const cutEids = cut!.events.map((e) => e.eid);
    const resent = server.requests.slice(1).find((entry) => entry.events[0]!.eid === cutEids[0]);
    expect(resent!.events.map((e) => e.eid)).toEqual(cutEids);
    expect(resent!.events[0]!.stm).not.toBe(cut!.events[0]!.stm);
    await h.finish(() => server.close());
  });

  it('N4: a hung request is aborted at the timeout, then retried; one request in flight', async () => {
    server.script([{ type: 'hang' }]);
    const h = createHarness({ endpoint: server.url, maxInFlight: 1 });
    h.track(5);
    expect(await h.emitter.flush({ timeoutMs: 3000 })).toMatchObject({ delivered: 5 });
    expect(server.requests.map((entry) => entry.action)).toEqual(['hang', 'normal']);
    // The retry left only after the 200 ms timeout and a backoff of at least 10 ms.
    expect(arrivalGaps(server)[0]).toBeGreaterThanOrEqual(205);
    expect(arrivalGaps(server)[0]).toBeLessThan(210 + 1000);
    expect(h.failures).toHaveLength(1);
    expect(h.failures[0]!.error).toMatchObject({
      name: 'TransportError',
      timeout: true,
      code: 'timeout',
    });
    h.check(server);
    await h.finish(() => server.close());
  });

  it('N5: an answer 100 ms before the timeout is a success; no retry', async () => {
    server.script([{ type: 'respond', status: 200, delayMs: 100 }]);
    const h = createHarness({ endpoint: server.url });
    h.track(3);
    expect(await h.emitter.flush({ timeoutMs: 3000 })).toMatchObject({ delivered: 3 });
    expect(server.requests).toHaveLength(1);
    expect(h.failures).toEqual([]);
    h.check(server);
    await h.finish(() => server.close());
  });

  it('N6: a stalled upload times out and is retried; nothing is stored from the partial body', async () => {
    server.script([{ type: 'partialRead' }]);
    const h = createHarness({ endpoint: server.url });
    h.track(10, { se_pr: 'p'.repeat(3000) });
    expect(await h.emitter.flush({ timeoutMs: 3000 })).toMatchObject({ delivered: 10 });
    const [partial, retry] = server.requests;
    expect(partial).toMatchObject({ action: 'partialRead', committed: false });
    expect(retry).toMatchObject({ status: 200, committed: true });
    expect(h.failures[0]!.error).toMatchObject({ timeout: true });
    expect(h.check(server)).toMatchObject({ duplicates: 0 });
    await h.finish(() => server.close());
  });

  it('N7: status line then reset — 200 is a success, 503 is retried', async () => {
    server.script([
      { type: 'headersThenDestroy', status: 200 },
      { type: 'headersThenDestroy', status: 503 },
    ]);
    const h = createHarness({ endpoint: server.url, flushAt: 2 });
    h.track(2);
    await h.emitter.flush({ timeoutMs: 3000 });
    h.track(2);
    expect(await h.emitter.flush({ timeoutMs: 3000 })).toMatchObject({ delivered: 2 });
    expect(server.requests.map((entry) => entry.status)).toEqual([200, 503, 200]);
    expect(h.successes.map((s) => s.status)).toEqual([200, 200]);
    expect(h.failures.map((f) => [f.status, f.willRetry])).toEqual([[503, true]]);
    expect(h.check(server)).toMatchObject({ received: 4, duplicates: 0 });
    await h.finish(() => server.close());
  });

  it('N8: an unresolvable host is retried with backoff and the error is surfaced', async () => {
    let failures = 2;
    const flaky: FetchFunction = (input, init) => {
      if (failures-- > 0) {
        const code = failures === 1 ? 'ENOTFOUND' : 'EAI_AGAIN';
        const cause = Object.assign(new Error(`getaddrinfo ${code} collector.invalid`), { code });
        return Promise.reject(new TypeError('fetch failed', { cause }));
      }
      return fetch(input, init as RequestInit) as unknown as ReturnType<FetchFunction>;
    };
    const h = createHarness({
      endpoint: server.url,
      transport: makeFetchTransport({ fetch: flaky }),
    });
    h.track(4);
    expect(await h.emitter.flush({ timeoutMs: 3000 })).toMatchObject({ delivered: 4 });
    expect(h.failures.map((f) => (f.error as TransportError).causeCode)).toEqual([
      'ENOTFOUND',
      'EAI_AGAIN',
    ]);
    expect(h.failures.every((f) => f.willRetry && f.error instanceof TransportError)).toBe(true);
    h.check(server);
    await h.finish(() => server.close());
  });

  it('N9: a TLS failure keeps the events, climbs to the backoff cap and reports every attempt', async () => {
    const tls = await startFaultServer({ tls: tlsFixture() });
    const h = createHarness({ endpoint: tls.url });
    h.track(3);
    const result = await h.emitter.flush({ timeoutMs: 900 });
    expect(result).toEqual({ delivered: 0, dropped: 0, pending: 3 });
    expect(h.failures.length).toBeGreaterThanOrEqual(4);
    for (const failure of h.failures) {
      expect(failure.willRetry).toBe(true);
      expect((failure.error as TransportError).causeCode).toMatch(/CERT|SELF_SIGNED/);
    }
    expect(tls.requests).toEqual([]);
    // Each wait is at least the un-jittered backoff: 10, 20, 40, 80, 160, then the 200 ms cap.
    const times = h.failureTimes;
    for (let i = 1; i < times.length; i++) {
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(
        Math.min(200, 10 * 2 ** (i - 1)) - 2,
      );
    }
    await h.emitter.shutdown({ timeoutMs: 0 });
    expect(h.dropped.map((d) => [d.reason, d.eids.length])).toEqual([['shutdown_timeout', 3]]);
    h.check(tls);
    await h.finish(() => tls.close());
  });

  it('N11: a stale keep-alive socket (reset on reuse) is retried; 20 sends, none lost', async () => {
    server.setStaleKeepAlive(true);
    const h = createHarness({ endpoint: server.url, flushAt: 1 });
    for (let i = 0; i < 20; i++) {
      h.track(1);
      await h.emitter.flush({ timeoutMs: 3000 });
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    expect(server.requests.some((entry) => entry.action === 'staleKeepAlive')).toBe(true);
    expect(h.dropped).toEqual([]);
    expect(h.check(server)).toMatchObject({ received: 20, duplicates: 0 });
    await h.finish(() => server.close());
  });

  it('N12: 10 concurrent flush() calls share one drain; one request at a time; each event once', async () => {
    server.script([{ type: 'delay', ms: 40, times: 3 }]);
    const h = createHarness({ endpoint: server.url, maxBatchEvents: 10, maxInFlight: 1 });
    h.track(25);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => h.emitter.flush({ timeoutMs: 3000 })),
    );
    for (const result of results) expect(result).toEqual({ delivered: 25, dropped: 0, pending: 0 });
    expect(server.requests.map((entry) => entry.events.length)).toEqual([10, 10, 5]);
    for (const gap of arrivalGaps(server)) expect(gap).toBeGreaterThanOrEqual(39);
    expect(h.check(server)).toMatchObject({ received: 25, duplicates: 0 });
    await h.finish(() => server.close());
  });

  it('a flush called during a backoff waits for it (no busy loop, no early return)', async () => {
    server.script([{ type: 'respond', status: 500 }]);
    const h = createHarness({ endpoint: server.url, backoff: { baseMs: 150, capMs: 150 } });
    h.track(2);
    const first = h.emitter.flush({ timeoutMs: 3000 });
    await waitFor(() => h.failures.length === 1);
    const second = await h.emitter.flush({ timeoutMs: 3000 });
    expect(second).toEqual({ delivered: 2, dropped: 0, pending: 0 });
    expect(await first).toEqual({ delivered: 2, dropped: 0, pending: 0 });
    expect(server.requests).toHaveLength(2);
    h.check(server);
    await h.finish(() => server.close());
  });
});

describe('network faults at production scale (fake clock)', () => {
  it('N4: a hang is aborted at exactly 5,000 ms and retried after the backoff; one in flight', async () => {
    const { h, transport, flush, finish } = fakeSetup({ maxBatchEvents: 10, maxInFlight: 1 });
    transport.push({ hang: true });
    h.track(10);
    h.track(10);
    await flush();
    expect(transport.requests.map((entry) => entry.arrivedAt)).toEqual([0, 5750, 5750]);
    expect(transport.maxInFlight).toBe(1);
    expect(transport.requests[0]!.status).toBe('client_aborted');
    h.check(transport);
    await finish();
  });

  it('N5: an answer at 4,900 ms of a 5,000 ms timeout is a success', async () => {
    const { h, transport, flush, finish } = fakeSetup();
    transport.push({ status: 200, delayMs: 4900 });
    h.track(10);
    expect(await flush()).toMatchObject({ delivered: 10 });
    expect(transport.requests).toHaveLength(1);
    expect(h.failures).toEqual([]);
    await finish();
  });

  it('retry: false drops on a network error or timeout too (retry_disabled), never resending', async () => {
    const { h, transport, flush, finish } = fakeSetup({
      retry: false,
      flushAt: 5,
      maxBatchEvents: 5,
    });
    transport.push({ error: 'ECONNREFUSED' }, { hang: true });
    h.track(10);
    expect(await flush()).toEqual({ delivered: 0, dropped: 10, pending: 0 });
    expect(transport.requests).toHaveLength(2);
    expect(h.dropped.map((d) => d.reason)).toEqual(['retry_disabled', 'retry_disabled']);
    expect(h.failures.map((f) => f.willRetry)).toEqual([false, false]);
    expect((h.failures[0]!.error as TransportError).causeCode).toBe('ECONNREFUSED');
    h.check(transport);
    await finish();
  });
});
