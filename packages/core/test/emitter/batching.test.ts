import { FloeError } from '@floe/core';
import { ENVELOPE_BYTES, POST_CONTENT_TYPE } from '../../src/emitter/post-body';
import { MAX_EVENT_BYTES } from '../../src/protocol/event-size';
import { fakeSetup } from './fake-setup';
import { makeEvent } from './harness';

const STM_COST = ',"stm":"1767225600000"'.length;

function eventBytes(payload: Record<string, string>): number {
  return Buffer.byteLength(JSON.stringify(payload));
}

describe('batching by count and exact bytes', () => {
  it('sends batches of at most maxBatchEvents as payload_data 1-0-4 with the exact Content-Type', async () => {
    const { h, transport, flush, finish } = fakeSetup({ maxBatchEvents: 10 });
    h.track(25);
    expect(await flush()).toEqual({ delivered: 25, dropped: 0, pending: 0 });
    expect(transport.requests.map((entry) => entry.events.length)).toEqual([10, 10, 5]);
    for (const entry of transport.requests) {
      expect(entry.method).toBe('POST');
      expect(entry.path).toBe('/com.snowplowanalytics.snowplow/tp2');
      expect(entry.contentType).toBe(POST_CONTENT_TYPE);
      expect(entry.badRow).toBeUndefined();
    }
    expect(ENVELOPE_BYTES).toBe(88);
    h.check(transport);
    await finish();
  });

  it('counts the envelope, commas and stm exactly: a body of exactly maxPostBytes fits, one byte less does not', async () => {
    const events = Array.from({ length: 6 }, (_, i) =>
      makeEvent(i, { se_pr: 'é'.repeat(100 + i) }),
    );
    const exact =
      ENVELOPE_BYTES + events.slice(0, 4).reduce((sum, e) => sum + eventBytes(e) + STM_COST, 0) + 3;
    for (const [maxPostBytes, expected] of [
      [exact, [4, 2]],
      [exact - 1, [3, 3]],
    ] as const) {
      const { h, transport, flush, finish } = fakeSetup({ maxPostBytes, flushAt: 100 });
      h.add(...events.map((e) => ({ ...e })));
      await flush();
      expect(transport.requests.map((entry) => entry.events.length)).toEqual(expected);
      expect(transport.requests[0]!.bytes).toBe(
        maxPostBytes === exact ? exact : exact - eventBytes(events[3]!) - STM_COST - 1,
      );
      h.check(transport);
      await finish();
    }
  });

  it('D3: 100 events of 30 KB never make a body over 40,000 B unless it holds a single event', async () => {
    const { h, transport, flush, finish } = fakeSetup({ flushAt: 10 });
    for (let i = 0; i < 100; i++) {
      // Mixed sizes, multi-byte text: 30 KB, then smaller ones that can share a body.
      const size = i % 3 === 0 ? 30_000 : 1000 + i * 37;
      h.add(makeEvent(i, { se_pr: 'ü'.repeat(size / 2) }));
    }
    expect(await flush()).toEqual({ delivered: 100, dropped: 0, pending: 0 });
    for (const entry of transport.requests) {
      if (entry.events.length > 1) expect(entry.bytes).toBeLessThanOrEqual(40_000);
      expect(entry.events.length).toBeLessThanOrEqual(10);
    }
    expect(transport.requests.some((entry) => entry.events.length > 1)).toBe(true);
    h.check(transport);
    await finish();
  });

  it('D1: an event over maxPostBytes is sent alone, and stored and retried like any other', async () => {
    // One request at a time, so the retry of the big event comes before the next batch.
    const { h, transport, flush, finish } = fakeSetup({ maxInFlight: 1 });
    const [small] = h.track(1);
    const big = makeEvent(1, { se_pr: 'x'.repeat(60_000) });
    h.add(big);
    h.track(1);
    transport.push({ status: 200 }, { status: 500 }, { status: 200 });
    await flush();
    expect(transport.requests.map((entry) => entry.events.map((e) => e.eid))).toEqual([
      [small!.eid],
      [big.eid],
      [big.eid],
      [h.tracked[2]!.eid],
    ]);
    expect(transport.requests[1]!.bytes).toBeGreaterThan(60_000);
    expect(h.failures).toEqual([{ eids: [big.eid], status: 500, willRetry: true }]);
    h.check(transport);
    await finish();
  });

  it('D2/D6: rejects an event over 1,000,000 B at add() with a typed too_large error; never queued', async () => {
    const { h, transport, flush, finish } = fakeSetup();
    const huge = makeEvent(0, { se_pr: 'x'.repeat(MAX_EVENT_BYTES) });
    const tenMegabytes = makeEvent(1, { se_pr: 'y'.repeat(10_000_000) });
    h.add(huge, tenMegabytes);
    h.track(3);
    expect(h.dropped.map((d) => [d.reason, d.eids])).toEqual([
      ['too_large', [huge.eid]],
      ['too_large', [tenMegabytes.eid]],
    ]);
    const error = h.dropped[0]!.error!;
    expect(error).toBeInstanceOf(FloeError);
    expect(error.code).toBe('too_large');
    expect(await flush()).toEqual({ delivered: 3, dropped: 0, pending: 0 });
    expect(transport.requests).toHaveLength(1);
    h.check(transport);
    await finish();
  });

  it('stamps one full-precision stm per attempt on every event of the batch, fresh on a retry', async () => {
    const { h, transport, clock, flush, finish } = fakeSetup();
    h.track(3);
    transport.push({ status: 503 });
    await flush();
    const [first, second] = transport.requests;
    expect(new Set(first!.events.map((e) => e.stm))).toEqual(new Set([String(clock.now() - 750)]));
    expect(Number(second!.events[0]!.stm) - Number(first!.events[0]!.stm)).toBe(750);
    for (const [index, event] of second!.events.entries()) {
      expect(event.payload['dtm']).toBe(h.tracked[index]!['dtm']);
    }
    h.check(transport);
    await finish();
  });

  it('D4/D9: repairs lone surrogates and stringifies non-string values before serialising', async () => {
    const { h, transport, flush, finish } = fakeSetup();
    const broken = { ...makeEvent(0), se_la: 'a\uD800b', vid: 1 as unknown as string };
    h.emitter.add(broken);
    await flush();
    const received = transport.requests[0]!.events[0]!.payload;
    expect(received['se_la']).toBe('a\uFFFDb');
    expect(received['vid']).toBe('1');
    expect(transport.requests[0]!.badRow).toBeUndefined();
    await finish();
  });

  it('rejects an event without an eid or with an unsendable value as invalid', async () => {
    const { h, flush, finish } = fakeSetup();
    const { eid: _eid, ...noEid } = makeEvent(0);
    h.emitter.add(noEid);
    h.emitter.add({ ...makeEvent(1), co: {} as unknown as string });
    expect(h.dropped.map((d) => d.reason)).toEqual(['invalid', 'invalid']);
    expect(h.dropped[0]!.error?.code).toBe('invalid_event');
    expect(await flush()).toEqual({ delivered: 0, dropped: 0, pending: 0 });
    await finish();
  });

  it('D14: sends exactly application/json; charset=UTF-8 whatever headers the user adds', async () => {
    const { h, transport, flush, finish } = fakeSetup({
      headers: { 'content-type': 'text/plain', 'SP-Anonymous': '*' },
    });
    h.track(1);
    await flush();
    const headers = transport.requests[0]!.headers;
    expect(headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(headers['sp-anonymous']).toBe('*');
    await finish();
  });
});

describe('GET', () => {
  it('sends one event per /i request with stm in the query and co/cx last, percent-encoded', async () => {
    const { h, transport, flush, finish } = fakeSetup({ method: 'GET' });
    expect(h.emitter.method).toBe('GET');
    const event = makeEvent(0, {
      se_la: "a b+c!'()*~ é/?&=",
      cx: 'eyJ4IjoxfQ',
      url: 'https://x.test/?q=1',
    });
    h.add(event);
    h.track(2);
    await flush();
    expect(transport.requests).toHaveLength(3);
    const [first] = transport.requests;
    expect(first!.method).toBe('GET');
    expect(first!.path).toBe('/i');
    expect(first!.query).toContain('se_la=a%20b%2Bc%21%27%28%29%2A~%20%C3%A9%2F%3F%26%3D');
    expect(first!.query).toMatch(/&stm=\d{13}&cx=eyJ4IjoxfQ$/);
    expect(first!.events[0]!.payload['se_la']).toBe(event['se_la']);
    h.check(transport);
    await finish();
  });

  it('sends an event whose query passes 20,000 B by POST instead', async () => {
    const { h, transport, flush, finish } = fakeSetup({ method: 'GET' });
    h.add(makeEvent(0, { se_pr: '%'.repeat(7000) }));
    await flush();
    expect(transport.requests.map((entry) => entry.method)).toEqual(['POST']);
    h.check(transport);
    await finish();
  });

  it('drops it as too_large at add() when POST is not allowed; never sends an oversize GET', async () => {
    const { h, transport, flush, finish } = fakeSetup({ method: 'GET', postFallback: false });
    const big = makeEvent(0, { se_pr: '%'.repeat(7000) });
    h.add(big);
    h.track(1);
    await flush();
    expect(h.dropped).toMatchObject([{ reason: 'too_large', eids: [big.eid] }]);
    expect(transport.requests.map((entry) => entry.method)).toEqual(['GET']);
    h.check(transport);
    await finish();
  });

  it('honours an endpoint path prefix for GET and POST', async () => {
    const { h, transport, flush, finish } = fakeSetup({ endpoint: 'https://c.test/collector/' });
    h.track(1);
    await flush();
    expect(transport.requests[0]!.path).toBe('/collector/com.snowplowanalytics.snowplow/tp2');
    await finish();
  });
});
