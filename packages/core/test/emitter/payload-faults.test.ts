import { checkInvariants, type FaultServer, startFaultServer } from '@floe/test-utils';
import { createHarness, makeEvent, warmUpFetch } from './harness';

// The emitter's half of the payload rows of reliability.md §5.4 on real sockets. The collector's
// half (validation, bad rows, raw size rules) belongs to the collector's and test-utils' suites.

describe('payload and data faults on real sockets', () => {
  let server: FaultServer;

  beforeAll(warmUpFetch);

  beforeEach(async () => {
    server = await startFaultServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('D1: a 60 KB event is sent alone, stored, and retried after a failure', async () => {
    server.script([
      { type: 'respond', status: 500, match: { path: '/com.snowplowanalytics.snowplow/tp2' } },
    ]);
    // One request at a time, so the batches keep the order the rows below expect.
    const h = createHarness({ endpoint: server.url, maxInFlight: 1 });
    h.track(2);
    const big = makeEvent(2, { se_pr: 'x'.repeat(60_000) });
    h.add(big);
    h.track(2);
    expect(await h.emitter.flush({ timeoutMs: 3000 })).toMatchObject({ delivered: 5, pending: 0 });
    const sizes = server.requests.map((entry) => [entry.status, entry.events.length]);
    expect(sizes).toEqual([
      [500, 2],
      [200, 2],
      [200, 1],
      [200, 2],
    ]);
    expect(server.requests[2]!.events[0]!.eid).toBe(big.eid);
    h.check(server);
    await h.finish(() => server.close());
  });

  it('D2/D6: events of 1,048,577 B, 2,097,153 B and 10 MB are rejected at add(); the rest go through', async () => {
    const h = createHarness({ endpoint: server.url });
    const huge = [1_048_577, 2_097_153, 10_000_000].map((size, i) =>
      makeEvent(i, { se_pr: 's'.repeat(size) }),
    );
    h.track(1);
    h.add(...huge);
    h.track(1);
    expect(h.dropped.map((d) => [d.reason, d.error?.code])).toEqual([
      ['too_large', 'too_large'],
      ['too_large', 'too_large'],
      ['too_large', 'too_large'],
    ]);
    expect(await h.emitter.flush({ timeoutMs: 2000 })).toEqual({
      delivered: 2,
      dropped: 0,
      pending: 0,
    });
    expect(server.requests).toHaveLength(1);
    expect(Math.max(...server.requests.map((entry) => entry.bytes))).toBeLessThan(2000);
    h.check(server);
    await h.finish(() => server.close());
  });

  it('D3: 100 events of 30 KB — every body on the wire is ≤ 40,000 B unless it holds one event', async () => {
    const h = createHarness({ endpoint: server.url });
    const events = Array.from({ length: 100 }, (_, i) =>
      makeEvent(i, { se_pr: 'z'.repeat(i % 4 === 0 ? 30_000 : 9_000) }),
    );
    h.add(...events);
    expect(await h.emitter.flush({ timeoutMs: 5000 })).toMatchObject({ delivered: 100 });
    for (const entry of server.requests) {
      if (entry.events.length > 1) expect(entry.bytes).toBeLessThanOrEqual(40_000);
    }
    // Batches are packed up to the cap: a 30 KB event and a 9 KB one share a body just under it,
    // and a body never takes the next event when that would pass 40,000 B.
    expect(server.requests.some((entry) => entry.events.length > 1 && entry.bytes > 39_000)).toBe(
      true,
    );
    const order = events.map((e) => e.eid);
    for (const entry of server.requests) {
      const last = order.indexOf(entry.events.at(-1)!.eid);
      const next = events[last + 1];
      if (!next || entry.events.length === 10) continue;
      const nextCost =
        Buffer.byteLength(JSON.stringify(next)) + ',"stm":"0000000000000"'.length + 1;
      expect(entry.bytes + nextCost).toBeGreaterThan(40_000);
    }
    expect(server.badRows).toEqual([]);
    h.check(server);
    await h.finish(() => server.close());
  });

  it('D4/D5: a lone surrogate arrives as U+FFFD in well-formed UTF-8 that validates', async () => {
    const h = createHarness({ endpoint: server.url });
    const event = makeEvent(0, { se_la: 'before\uD800after', se_pr: 'pair 😀 ok' });
    h.emitter.add(event);
    await h.emitter.flush({ timeoutMs: 2000 });
    const received = server.requests[0]!.events[0]!.payload;
    expect(received['se_la']).toBe('before\uFFFDafter');
    expect(received['se_pr']).toBe('pair 😀 ok');
    expect(server.badRows).toEqual([]);
    const repaired = { ...event, se_la: 'before\uFFFDafter' };
    checkInvariants({ tracked: [repaired], dropped: h.dropped, server });
    await h.finish(() => server.close());
  });

  it('D7/D8: a payload value that is an object, BigInt or NaN is an invalid drop; the queue is unaffected', async () => {
    const h = createHarness({ endpoint: server.url });
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    for (const value of [cyclic, BigInt(1), Number.NaN, () => 1]) {
      h.emitter.add({ ...makeEvent(0), se_pr: value as unknown as string });
    }
    h.track(3);
    expect(h.dropped.map((d) => [d.reason, d.error?.code])).toEqual(
      Array.from({ length: 4 }, () => ['invalid', 'invalid_event']),
    );
    expect(await h.emitter.flush({ timeoutMs: 2000 })).toEqual({
      delivered: 3,
      dropped: 0,
      pending: 0,
    });
    h.check(server);
    await h.finish(() => server.close());
  });

  it('D9/D10: every tp2 value on the wire is a string and no key is added but stm; the body validates', async () => {
    const h = createHarness({ endpoint: server.url });
    const event = {
      ...makeEvent(0),
      vid: 3 as unknown as string,
      cookie: true as unknown as string,
    };
    h.emitter.add(event);
    h.track(2);
    await h.emitter.flush({ timeoutMs: 2000 });
    const [first, ...rest] = server.requests[0]!.events.map((e) => e.payload);
    expect(first).toMatchObject({ vid: '3', cookie: '1' });
    for (const [index, payload] of rest.entries()) {
      expect(Object.keys(payload).sort()).toEqual(
        [...Object.keys(h.tracked[index]!), 'stm'].sort(),
      );
    }
    expect(server.badRows).toEqual([]);
    const stringified = { ...event, vid: '3', cookie: '1' };
    checkInvariants({ tracked: [stringified, ...h.tracked], dropped: h.dropped, server });
    await h.finish(() => server.close());
  });

  it('D11: a 200 for data that fails its schema is not retried', async () => {
    const h = createHarness({ endpoint: server.url });
    const ue = JSON.stringify({
      schema: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0',
      data: { schema: 'iglu:com.acme/nope/jsonschema/1-0-0', data: { wrong: true } },
    });
    h.add({ ...makeEvent(0), e: 'ue', ue_pr: ue });
    expect(await h.emitter.flush({ timeoutMs: 2000 })).toMatchObject({ delivered: 1 });
    expect(server.requests).toHaveLength(1);
    expect(h.failures).toEqual([]);
    h.check(server);
    await h.finish(() => server.close());
  });

  it('D12/D13: deep JSON and over-long atomic fields are sent unchanged (the collector judges them)', async () => {
    const h = createHarness({ endpoint: server.url });
    let deep: unknown = 'leaf';
    for (let i = 0; i < 41; i++) deep = { d: deep };
    const ue = JSON.stringify({
      schema: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0',
      data: { schema: 'iglu:com.acme/deep/jsonschema/1-0-0', data: deep },
    });
    h.add({
      ...makeEvent(0),
      e: 'ue',
      ue_pr: ue,
      aid: 'a'.repeat(256),
      url: `https://x.test/${'p'.repeat(4100)}`,
    });
    await h.emitter.flush({ timeoutMs: 2000 });
    expect(server.requests[0]!.events[0]!.payload['ue_pr']).toBe(ue);
    h.check(server);
    await h.finish(() => server.close());
  });

  it('D14: the wire Content-Type is exactly application/json; charset=UTF-8', async () => {
    const h = createHarness({ endpoint: server.url, headers: { 'Content-Type': 'text/plain' } });
    h.track(2);
    await h.emitter.flush({ timeoutMs: 2000 });
    expect(server.requests.map((entry) => entry.contentType)).toEqual([
      'application/json; charset=UTF-8',
    ]);
    expect(server.badRows).toEqual([]);
    h.check(server);
    await h.finish(() => server.close());
  });
});
