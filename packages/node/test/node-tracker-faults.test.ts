import type { LookupFunction } from 'node:net';
import { type DropReport, type FloeError, type FloeTracker, trackStructEvent } from '@floe/core';
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
const trackers: FloeTracker[] = [];
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
  tracker: FloeTracker;
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

function track(t: FloeTracker, n: number): void {
  for (let i = 0; i < n; i++) trackStructEvent(t, { category: 'faults', action: `a${i}` });
}

describe('node transport under the emitter', () => {
  it('N11: a reset on a stale keep-alive socket is retried; every event arrives once', async () => {
    const s = await server({ staleKeepAlive: true });
    const r = tracker({ endpoint: s.url });
    for (let send = 0; send < 30; send++) {
      track(r.tracker, 1);
      expect(await r.tracker.flush()).toMatchObject({ delivered: 1, pending: 0 });
    }
    expect(checkInvariants({ tracked: r.tracked, dropped: r.drops, server: s })).toMatchObject({
      received: 30,
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

  it('H11: a 307 to a second collector is followed once and delivers exactly once; a 301 is a retryable failure', async () => {
    const target = await server();
    const temporary = await startRedirectServer({ target: target.url, status: 307 });
    servers.push(temporary);
    const r = tracker({ endpoint: temporary.url });
    track(r.tracker, 10);
    expect(await r.tracker.flush()).toMatchObject({ delivered: 10 });
    // The hop re-sends the attempt's own body (same stm) by design, so only the target's log goes
    // to the checker, which would count the hop as a second attempt (see the report).
    expect(checkInvariants({ tracked: r.tracked, dropped: r.drops, server: target })).toMatchObject(
      {
        received: 10,
        duplicates: 0,
      },
    );
    expect(temporary.requests).toHaveLength(1);
    expect(target.requests).toHaveLength(1);
    expect(target.requests[0]!.events.map((e) => e.stm)).toEqual(
      temporary.requests[0]!.events.map((e) => e.stm),
    );
    const moved = await startRedirectServer({ target: target.url, status: 301 });
    servers.push(moved);
    const m = tracker({ endpoint: moved.url, namespace: 'moved' });
    track(m.tracker, 3);
    expect(await m.tracker.flush({ timeoutMs: 300 })).toMatchObject({ delivered: 0, pending: 3 });
    expect(m.failures.length).toBeGreaterThanOrEqual(2);
    expect(m.failures.every((f) => f.willRetry)).toBe(true);
    expect(moved.requests.every((q) => q.method === 'POST')).toBe(true);
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
