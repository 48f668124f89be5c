import { type FaultServer, startFaultServer } from '@floe/test-utils';
import { fakeSetup } from './fake-setup';
import { createHarness, warmUpFetch } from './harness';

// Decision 29: one redirect policy, in core, for every transport.
const TP2 = '/com.snowplowanalytics.snowplow/tp2';
const CREDENTIALS = {
  Authorization: 'Bearer secret',
  Cookie: 'session=1',
  'Proxy-Authorization': 'Basic cHJveHk6cHc=',
  'X-Configured': 'yes',
};

describe('redirects through the fetch transport on real sockets', () => {
  let servers: FaultServer[] = [];

  beforeAll(warmUpFetch);

  afterEach(async () => {
    await Promise.all(servers.map((server) => server.close()));
    servers = [];
  });

  it('A → B → C: one hop taken with a fresh stm and no credentials, the second refused and retried', async () => {
    servers = await Promise.all([startFaultServer(), startFaultServer(), startFaultServer()]);
    const [a, b, c] = servers as [FaultServer, FaultServer, FaultServer];
    // A answers after 20 ms, so a stm stamped for the hop is later than A's.
    a.script([
      {
        type: 'respond',
        status: 307,
        headers: { location: `${b.url}${TP2}` },
        delayMs: 20,
        times: Number.POSITIVE_INFINITY,
      },
    ]);
    b.script([{ type: 'respond', status: 308, headers: { location: `${c.url}${TP2}` } }]);
    const h = createHarness({ endpoint: a.url, headers: CREDENTIALS, maxInFlight: 1 });
    h.track(5);
    expect(await h.emitter.flush({ timeoutMs: 3000 })).toEqual({
      delivered: 5,
      dropped: 0,
      pending: 0,
    });
    expect(c.requests).toEqual([]);
    expect(a.requests.map((entry) => entry.status)).toEqual([307, 307]);
    expect(b.requests.map((entry) => entry.status)).toEqual([308, 200]);
    // The second hop was not followed: a failed attempt under the status policy, then retried.
    expect(h.failures).toMatchObject([{ status: 308, willRetry: true }]);
    for (const entry of a.requests) {
      expect(entry.headers).toMatchObject({ authorization: 'Bearer secret', cookie: 'session=1' });
      expect(entry.headers['x-configured']).toBe('yes');
    }
    for (const entry of b.requests) {
      for (const name of ['authorization', 'cookie', 'proxy-authorization', 'x-configured']) {
        expect(entry.headers[name]).toBeUndefined();
      }
      expect(entry.contentType).toBe('application/json; charset=UTF-8');
    }
    const stm = (entry: { events: { stm?: string }[] }) => Number(entry.events[0]!.stm);
    expect(stm(b.requests[0]!)).toBeGreaterThanOrEqual(stm(a.requests[0]!) + 20);
    // One log in arrival order (the servers share one clock), so I4 compares attempts in turn.
    const requests = [...a.requests, ...b.requests].sort((x, y) => x.arrivedAt - y.arrivedAt);
    expect(h.check({ requests })).toMatchObject({ received: 5, duplicates: 0 });
    await h.finish();
  });
});

describe('redirects at production scale (fake transport)', () => {
  it('a same-origin hop keeps the configured headers', async () => {
    const { h, transport, flush, finish } = fakeSetup({ headers: CREDENTIALS });
    transport.push({ status: 307, headers: { location: '/collector/tp2' } });
    h.track(2);
    expect(await flush()).toMatchObject({ delivered: 2 });
    const [first, hop] = transport.requests;
    expect(hop!.path).toBe('/collector/tp2');
    expect(hop!.headers).toMatchObject({ authorization: 'Bearer secret', 'x-configured': 'yes' });
    expect(first!.headers['authorization']).toBe('Bearer secret');
    h.check(transport);
    await finish();
  });

  it('https → http is refused: a failed attempt with code insecure_redirect, never sent in clear', async () => {
    const { h, transport, flush, finish } = fakeSetup({ headers: CREDENTIALS });
    transport.push({ status: 308, headers: { location: 'http://collector.test/tp2' } });
    h.track(3);
    expect(await flush()).toMatchObject({ delivered: 3 });
    expect(transport.requests.map((entry) => entry.path)).toEqual([TP2, TP2]);
    expect(h.failures).toHaveLength(1);
    expect(h.failures[0]).toMatchObject({ willRetry: true });
    expect(h.failures[0]!.error).toMatchObject({
      name: 'TransportError',
      code: 'insecure_redirect',
    });
    h.check(transport);
    await finish();
  });

  it('301, 302 and 303 are never followed; a 307 without Location is a failed attempt', async () => {
    for (const reply of [
      { status: 301, headers: { location: 'https://elsewhere.test/tp2' } },
      { status: 303, headers: { location: 'https://elsewhere.test/tp2' } },
      { status: 307 },
    ]) {
      const { h, transport, flush, finish } = fakeSetup();
      transport.push(reply);
      h.track(1);
      await flush();
      expect(transport.requests.map((entry) => [entry.method, entry.path])).toEqual([
        ['POST', TP2],
        ['POST', TP2],
      ]);
      expect(h.failures).toMatchObject([{ status: reply.status, willRetry: true }]);
      await finish();
    }
  });

  it('a GET hop is built again at the target path with a fresh stm; a cross-origin one drops the headers', async () => {
    const { h, transport, clock, flush, finish } = fakeSetup({
      method: 'GET',
      headers: CREDENTIALS,
    });
    transport.push({
      status: 307,
      headers: { location: 'https://other.test/r/i?stale=1' },
      delayMs: 40,
    });
    const [event] = h.track(1);
    await flush();
    const [first, hop] = transport.requests;
    expect(hop!.path).toBe('/r/i');
    expect(hop!.query).not.toContain('stale');
    expect(hop!.events[0]!.eid).toBe(event!['eid']);
    expect(Number(hop!.events[0]!.stm) - Number(first!.events[0]!.stm)).toBe(40);
    expect(hop!.headers['authorization']).toBeUndefined();
    expect(clock.monotonic()).toBe(40);
    h.check(transport);
    await finish();
  });
});
