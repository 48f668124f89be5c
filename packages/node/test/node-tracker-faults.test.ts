import type { LookupFunction } from 'node:net';
import { type DropReport, type FloeError, type Tracker, trackStructEvent } from '@floe/core';
import {
  checkInvariants,
  expectNoLeakedHandles,
  type FaultServer,
  snapshotHandles,
  startFaultServer,
  startRedirectServer,
  tlsFixture,
} from '@floe/test-utils';
import { createNodeTracker } from '../src/tracker/create-node-tracker';
import { tempDir } from './helpers/temp-dir';

// The node transport under the core emitter, against the fault-injection collector: the rows of
// reliability.md §5 where the adapter's I/O matters (real loopback sockets, test-scale timings).
jest.setTimeout(30_000);

const servers: FaultServer[] = [];
const trackers: Tracker[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const t of trackers.splice(0)) await t.shutdown({ timeoutMs: 200 });
  for (const s of servers.splice(0)) await s.close();
  for (const c of cleanups.splice(0)) c();
});

async function server(options?: Parameters<typeof startFaultServer>[0]): Promise<FaultServer> {
  const s = await startFaultServer(options);
  servers.push(s);
  return s;
}

interface Recorded {
  tracker: Tracker;
  tracked: Record<string, string>[];
  drops: DropReport[];
  errors: FloeError[];
  failures: { error?: FloeError; willRetry: boolean }[];
}

function tracker(options: Partial<Parameters<typeof createNodeTracker>[0]>): Recorded {
  const recorded: Omit<Recorded, 'tracker'> = { tracked: [], drops: [], errors: [], failures: [] };
  const t = createNodeTracker({
    endpoint: 'http://unused.invalid',
    namespace: 'faults',
    exitHandlers: false,
    flushIntervalMs: 0,
    timeoutMs: 200,
    backoff: { baseMs: 10, capMs: 200 },
    plugins: [{ afterTrack: (payload) => void recorded.tracked.push({ ...payload }) }],
    onDrop: (d) => recorded.drops.push(d),
    onError: (e) => recorded.errors.push(e),
    onFailure: (f) => recorded.failures.push(f),
    ...options,
  });
  trackers.push(t);
  return { tracker: t, ...recorded };
}

function track(t: Tracker, n: number): void {
  for (let i = 0; i < n; i++) trackStructEvent(t, { category: 'faults', action: `a${i}` });
}

describe('node transport under the emitter', () => {
  it('N11: a reset on a stale keep-alive socket is retried; every event arrives once', async () => {
    const s = await server({ staleKeepAlive: true });
    const r = tracker({ endpoint: s.url });
    // Whether a request meets the reset depends on whether undici has read the server's FIN
    // before it reuses the socket: keep sending (30 at least, 300 at most) until some have.
    let sends = 0;
    const hasReset = () => r.failures.some((f) => (f.error as { causeCode?: string })?.causeCode);
    while (sends < 30 || (sends < 300 && !hasReset())) {
      track(r.tracker, 1);
      expect(await r.tracker.flush()).toMatchObject({ delivered: 1, pending: 0 });
      sends++;
    }
    expect(checkInvariants({ tracked: r.tracked, dropped: r.drops, server: s })).toMatchObject({
      received: sends,
      duplicates: 0,
    });
    const resets = r.failures.filter(
      (f) => (f.error as { causeCode?: string } | undefined)?.causeCode,
    );
    expect(resets.length).toBeGreaterThan(0);
    for (const f of resets) {
      expect(f.willRetry).toBe(true);
      expect(['ECONNRESET', 'EPIPE']).toContain((f.error as { causeCode?: string }).causeCode);
    }
  });

  it('H11: a 307 to a second collector is followed once with a fresh stm and delivers exactly once; a 301 is a retryable failure', async () => {
    const target = await server();
    const temporary = await startRedirectServer({ target: target.url, status: 307 });
    servers.push(temporary);
    const r = tracker({ endpoint: temporary.url });
    track(r.tracker, 10);
    expect(await r.tracker.flush()).toMatchObject({ delivered: 10 });
    // The redirect server stores nothing: the target's log is the delivery.
    expect(checkInvariants({ tracked: r.tracked, dropped: r.drops, server: target })).toMatchObject(
      {
        received: 10,
        duplicates: 0,
      },
    );
    expect(temporary.requests).toHaveLength(1);
    expect(target.requests).toHaveLength(1);
    // Core stamps the hop afresh (decision 29): never earlier than the first request's stm.
    const first = Number(temporary.requests[0]!.events[0]!.stm);
    for (const event of target.requests[0]!.events) {
      expect(Number(event.stm)).toBeGreaterThanOrEqual(first);
    }
    const moved = await startRedirectServer({ target: target.url, status: 301 });
    servers.push(moved);
    const m = tracker({ endpoint: moved.url, namespace: 'moved' });
    track(m.tracker, 3);
    expect(await m.tracker.flush({ timeoutMs: 300 })).toMatchObject({ delivered: 0, pending: 3 });
    expect(m.failures.length).toBeGreaterThanOrEqual(2);
    expect(m.failures.every((f) => f.willRetry)).toBe(true);
    expect(moved.requests.every((q) => q.method === 'POST')).toBe(true);
  });

  it('redirects, three origins A → B → C: one hop per attempt, credentials left behind on it', async () => {
    const c = await server();
    const b = await startRedirectServer({ target: c.url, status: 308 });
    servers.push(b);
    const a = await startRedirectServer({ target: b.url, status: 307 });
    servers.push(a);
    const r = tracker({
      endpoint: a.url,
      headers: { authorization: 'Bearer secret', cookie: 'sid=1', 'x-team': 'checkout' },
    });
    track(r.tracker, 2);
    expect(await r.tracker.flush({ timeoutMs: 300 })).toMatchObject({ delivered: 0, pending: 2 });
    // Each attempt is A then B: B's own redirect is not followed, so C never hears of it.
    expect(c.requests).toHaveLength(0);
    expect(b.requests.length).toBe(a.requests.length);
    expect(a.requests.length).toBeGreaterThanOrEqual(2);
    expect(a.requests[0]!.headers['authorization']).toBe('Bearer secret');
    for (const hop of b.requests) {
      expect(hop.headers['authorization']).toBeUndefined();
      expect(hop.headers['cookie']).toBeUndefined();
      expect(hop.headers['x-team']).toBeUndefined();
      expect(hop.method).toBe('POST');
    }
    expect(r.failures.every((f) => f.willRetry)).toBe(true);
  });

  it('redirects: an https → http hop is refused over real TLS, with insecure_redirect', async () => {
    const plain = await server();
    const secure = await server({ tls: tlsFixture() });
    secure.script([
      {
        type: 'respond',
        status: 307,
        headers: { location: `${plain.url}/com.snowplowanalytics.snowplow/tp2` },
        times: Number.POSITIVE_INFINITY,
      },
    ]);
    const r = tracker({
      endpoint: secure.url,
      headers: { authorization: 'Bearer secret' },
      http: { tls: { ca: tlsFixture().cert } },
    });
    track(r.tracker, 1);
    expect(await r.tracker.flush({ timeoutMs: 300 })).toMatchObject({ delivered: 0, pending: 1 });
    expect(plain.requests).toHaveLength(0);
    expect(r.failures.length).toBeGreaterThanOrEqual(1);
    for (const f of r.failures) expect(f.error?.code).toBe('insecure_redirect');
  });

  it('N9: a self-signed certificate keeps the events and surfaces the TLS error on every attempt', async () => {
    const s = await server({ tls: tlsFixture() });
    const r = tracker({ endpoint: s.url });
    track(r.tracker, 5);
    expect(await r.tracker.flush({ timeoutMs: 400 })).toMatchObject({ delivered: 0, pending: 5 });
    expect(r.failures.length).toBeGreaterThanOrEqual(2);
    for (const f of r.failures) {
      expect(f.willRetry).toBe(true);
      expect((f.error as { causeCode?: string }).causeCode).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    }
    expect(r.drops).toEqual([]);
    const trusted = tracker({
      endpoint: s.url,
      namespace: 'trusted',
      http: { tls: { ca: tlsFixture().cert } },
    });
    track(trusted.tracker, 2);
    expect(await trusted.tracker.flush()).toMatchObject({ delivered: 2 });
  });

  it('N8: an unresolvable host (injected lookup) is retried with backoff and surfaced', async () => {
    const lookup = ((hostname: string, _options: unknown, callback: (e: Error) => void) =>
      callback(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
      )) as unknown as LookupFunction;
    const r = tracker({ endpoint: 'http://collector.invalid', http: { lookup } });
    track(r.tracker, 2);
    expect(await r.tracker.flush({ timeoutMs: 300 })).toMatchObject({ delivered: 0, pending: 2 });
    expect(r.failures.length).toBeGreaterThanOrEqual(2);
    expect(
      r.failures.every((f) => (f.error as { causeCode?: string }).causeCode === 'ENOTFOUND'),
    ).toBe(true);
  });

  it('H13: a 5 MiB answer is never buffered; the batch counts as delivered', async () => {
    const s = await server();
    s.script([{ type: 'respond', status: 200, bodyBytes: 5 * 1024 * 1024 }]);
    const r = tracker({ endpoint: s.url });
    track(r.tracker, 3);
    expect(await r.tracker.flush()).toMatchObject({ delivered: 3 });
    expect(s.requests[0]!.responseBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it('I6: after shutdown of a disk-queue tracker no socket, timer or file handle is left', async () => {
    const { dir, cleanup } = tempDir('floe-i6-');
    cleanups.push(cleanup);
    const s = await server();
    const baseline = snapshotHandles();
    const r = tracker({ endpoint: s.url, queueDir: dir, flushIntervalMs: 5000 });
    track(r.tracker, 25);
    await r.tracker.flush();
    await r.tracker.shutdown();
    await expectNoLeakedHandles(baseline);
    checkInvariants({ tracked: r.tracked, dropped: r.drops, server: s });
  });
});
