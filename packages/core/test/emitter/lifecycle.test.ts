import {
  createEmitter,
  createMemoryStore,
  createTracker,
  type DropReport,
  type EventStore,
  FloeError,
  trackSelfDescribingEvent,
} from '@floe/core';
import {
  checkInvariants,
  createDurableTestStore,
  createFakeClock,
  createScriptedTransport,
  startFaultServer,
  waitFor,
} from '@floe/test-utils';
import type { QueuedPayload } from '../../src/store/event-store';
import { FAKE_ENDPOINT, fakeSetup } from './fake-setup';
import { createHarness, makeEvent, runUntilSettled, warmUpFetch } from './harness';

function countTimeouts(): number {
  return process.getActiveResourcesInfo().filter((type) => type === 'Timeout').length;
}

describe('triggers', () => {
  it('sends once flushAt events are queued, without flush()', async () => {
    const { h, transport, clock, finish } = fakeSetup();
    h.track(9);
    await clock.advance(60_000);
    expect(transport.requests).toHaveLength(0);
    h.track(1);
    await clock.settle();
    await clock.advance(0);
    expect(transport.requests.map((entry) => entry.events.length)).toEqual([10]);
    await finish();
  });

  it('sends a byte-full queue without waiting for flushAt', async () => {
    const { h, transport, clock, finish } = fakeSetup();
    h.track(3, { se_pr: 'b'.repeat(15_000) });
    await clock.advance(0);
    expect(transport.requests.map((entry) => entry.events.length)).toEqual([2]);
    await finish();
  });

  it('sends on the flush interval (5 s by default); the interval timer exists only while events wait', async () => {
    const { h, transport, clock, finish } = fakeSetup({ flushIntervalMs: 5000 });
    expect(clock.activeTimers).toBe(0);
    h.track(3);
    await clock.advance(4999);
    expect(transport.requests).toHaveLength(0);
    await clock.advance(1);
    expect(transport.requests.map((entry) => entry.arrivedAt)).toEqual([5000]);
    await clock.advance(20_000);
    expect(clock.activeTimers).toBe(0);
    h.check(transport);
    await finish();
  });

  it('flushIntervalMs: 0 holds no timer at all (edge)', async () => {
    const { h, clock, finish } = fakeSetup({ flushIntervalMs: 0 });
    h.track(3);
    await clock.settle();
    expect(clock.activeTimers).toBe(0);
    await finish();
  });

  it('an idle emitter with queued events never keeps Node alive (unref’d interval timer)', async () => {
    const before = countTimeouts();
    const emitter = createEmitter({ endpoint: 'http://127.0.0.1:9', flushIntervalMs: 5000 });
    emitter.add(makeEvent(0));
    expect(countTimeouts()).toBe(before);
    const result = await emitter.shutdown({ timeoutMs: 0 });
    expect(result).toEqual({ delivered: 0, dropped: 1, pending: 0 });
  });
});

describe('flush()', () => {
  it('covers only the events queued before the call', async () => {
    const { h, transport, clock, finish } = fakeSetup({ flushAt: 5 });
    transport.fallback = { status: 200, delayMs: 1000 };
    h.track(5);
    const first = h.emitter.flush();
    await clock.advance(10);
    h.track(5);
    const result = await runUntilSettled(clock, first);
    expect(result).toEqual({ delivered: 5, dropped: 0, pending: 0 });
    expect(clock.monotonic()).toBe(1000);
    expect(await runUntilSettled(clock, h.emitter.flush())).toEqual({
      delivered: 5,
      dropped: 0,
      pending: 0,
    });
    h.check(transport);
    await finish();
  });

  it('resolves at its deadline during a long pause, counting what is pending; never rejects', async () => {
    const { h, transport, clock, finish } = fakeSetup();
    transport.push({ status: 503, headers: { 'retry-after': '300' } });
    h.track(4);
    const result = await runUntilSettled(clock, h.emitter.flush({ timeoutMs: 5000 }));
    expect(result).toEqual({ delivered: 0, dropped: 0, pending: 4 });
    expect(clock.monotonic()).toBe(5000);
    expect(transport.requests).toHaveLength(1);
    await finish();
  });

  it('resolves at once when nothing is queued', async () => {
    const { h, finish } = fakeSetup();
    await expect(h.emitter.flush()).resolves.toEqual({ delivered: 0, dropped: 0, pending: 0 });
    await finish();
  });

  it('keeps its timers ref’d while awaited, so the process waits for it, and unref’d after', async () => {
    await warmUpFetch();
    const server = await startFaultServer();
    server.script([{ type: 'respond', status: 500 }]);
    const h = createHarness({ endpoint: server.url, backoff: { baseMs: 600, capMs: 600 } });
    h.track(1);
    // Let the short-lived timers of starting the server and the warm-up request run out first, so
    // the baseline counts only what stays.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = countTimeouts();
    const pending = h.emitter.flush({ timeoutMs: 4000 });
    // Once the 500 is in, the backoff (600–1,200 ms) has begun: a fixed sleep would race a slow
    // machine.
    try {
      await waitFor(() => h.failures.length === 1, 2000);
      // The flush deadline and the backoff timer both hold the process while a caller waits.
      await waitFor(() => countTimeouts() >= before + 2, 400, 'the flush and backoff timers');
      expect(await pending).toEqual({ delivered: 1, dropped: 0, pending: 0 });
      // The runtime's own HTTP timers come and go; wait for them, then nothing of ours may be left.
      await waitFor(() => countTimeouts() <= before, 1000);
      h.check(server);
    } finally {
      // Also when an expectation failed: a server left open would keep jest from exiting.
      await h.finish(() => server.close());
    }
  });
});

describe('shutdown()', () => {
  it('stops accepting (closed drops), is idempotent and resolves by deadline + 100 ms', async () => {
    const { h, transport, clock } = fakeSetup();
    transport.fallback = { hang: true };
    h.track(12);
    const started = clock.monotonic();
    const first = h.emitter.shutdown({ timeoutMs: 1000 });
    expect(h.emitter.shutdown({ timeoutMs: 1 })).toBe(first);
    const late = makeEvent(99);
    h.add(late);
    const result = await runUntilSettled(clock, first);
    expect(clock.monotonic() - started).toBeLessThanOrEqual(1100);
    expect(result).toEqual({ delivered: 0, dropped: 12, pending: 0 });
    expect(h.dropped.map((d) => [d.reason, d.eids.length])).toEqual([
      ['closed', 1],
      ['shutdown_timeout', 12],
    ]);
    expect(h.dropped[0]!.error).toMatchObject({ code: 'closed' });
    expect(h.clock.activeTimers).toBe(0);
    expect(transport.closed).toBe(true);
    expect(transport.inFlight).toBe(0);
    h.check(transport);
    expect(await h.emitter.flush()).toEqual({ delivered: 0, dropped: 0, pending: 0 });
  });

  it('delivers what it can first, then releases every handle (real sockets)', async () => {
    await warmUpFetch();
    const server = await startFaultServer();
    const h = createHarness({ endpoint: server.url });
    h.track(25);
    const result = await h.emitter.shutdown({ timeoutMs: 2000 });
    expect(result).toEqual({ delivered: 25, dropped: 0, pending: 0 });
    h.check(server);
    await h.finish(() => server.close());
  });

  it('against a hung collector resolves by deadline + 100 ms and leaks nothing (real sockets)', async () => {
    const server = await startFaultServer();
    server.script([{ type: 'hang', times: Number.POSITIVE_INFINITY }]);
    const h = createHarness({ endpoint: server.url, timeoutMs: 5000 });
    h.track(10);
    const started = performance.now();
    const result = await h.emitter.shutdown({ timeoutMs: 300 });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(295);
    expect(elapsed).toBeLessThan(400 + 1000);
    expect(result).toEqual({ delivered: 0, dropped: 10, pending: 0 });
    h.check(server);
    await h.finish(() => server.close());
  });

  it('with a durable store keeps the remainder, reporting it pending instead of lost', async () => {
    const store = createDurableTestStore();
    const { h, transport, clock } = fakeSetup({ store });
    transport.fallback = { error: 'ECONNREFUSED' };
    const events = h.track(15);
    const result = await runUntilSettled(clock, h.emitter.shutdown({ timeoutMs: 2000 }));
    expect(result).toEqual({ delivered: 0, dropped: 0, pending: 15 });
    expect(h.dropped).toEqual([]);
    expect(store.size).toBe(15);
    expect(store.closed).toBe(true);
    checkInvariants({
      tracked: h.tracked,
      dropped: h.dropped,
      server: transport,
      pending: events.map((e) => e.eid as string),
    });
  });
});

describe('queue caps and clocks', () => {
  it('P9 in small: overflow drops the oldest with eids and events (queue_full), never silently', async () => {
    const store = createMemoryStore({ maxEvents: 5 });
    const { h, transport, flush, finish } = fakeSetup({ store, flushAt: 100 });
    const events = h.track(8);
    expect(h.dropped).toHaveLength(3);
    expect(h.dropped.flatMap((d) => d.eids)).toEqual(events.slice(0, 3).map((e) => e.eid));
    expect(h.dropped.every((d) => d.reason === 'queue_full' && d.events.length === 1)).toBe(true);
    expect(await flush()).toEqual({ delivered: 5, dropped: 0, pending: 0 });
    h.check(transport);
    await finish();
  });

  it('a drop report parses its payloads only when they are read, once', () => {
    // Tracked events are queued as text; a burst past the cap evicts inside track(), where an
    // onDrop that only counts eids must not pay for parsing each evicted event.
    const reports: DropReport[] = [];
    const emitter = createEmitter({
      endpoint: 'https://collector.test',
      store: createMemoryStore({ maxEvents: 2 }),
      flushAt: 100,
      flushIntervalMs: 0,
      onDrop: (report) => reports.push(report),
    });
    const tracker = createTracker({ namespace: 'ns', platform: 'srv', emitters: [emitter] });
    const data = { name: 'é"x', n: 1 };
    const eids = [1, 2, 3].map(() =>
      trackSelfDescribingEvent(tracker, { schema: 'iglu:com.acme/a/jsonschema/1-0-0', data }),
    );
    expect(reports).toHaveLength(1);
    const [report] = reports;
    expect(report!.eids).toEqual([eids[0]]);
    const parse = jest.spyOn(JSON, 'parse');
    try {
      expect(Object.keys(report!)).toContain('events');
      expect(parse).not.toHaveBeenCalled();
      const [payload] = report!.events;
      expect(JSON.parse(payload!['ue_pr']!).data).toEqual({
        schema: 'iglu:com.acme/a/jsonschema/1-0-0',
        data,
      });
      expect(report!.events).toBe(report!.events);
      expect(parse).toHaveBeenCalledTimes(2); // the payload once, and the assertion's own parse
    } finally {
      parse.mockRestore();
    }
    void emitter.shutdown({ timeoutMs: 0 });
  });

  it('a synchronous burst of 100,000 events fits the defaults and is delivered', async () => {
    const { h, transport, flush, finish } = fakeSetup();
    for (let i = 0; i < 100_000; i++) h.emitter.add(makeEvent(i));
    expect(h.dropped).toEqual([]);
    const result = await flush();
    expect(result).toEqual({ delivered: 100_000, dropped: 0, pending: 0 });
    // The backlog leaves in bodies packed to the byte cap, never in one request (pitfall 7).
    for (const entry of transport.requests) {
      expect(entry.bytes).toBeLessThanOrEqual(40_000);
      expect(entry.events.length).toBeLessThanOrEqual(500);
    }
    expect(transport.requests.length).toBeLessThan(1000);
    await finish();
  });

  it('P10: a wall-clock jump during a backoff changes neither the wait nor dtm, only stm', async () => {
    const { h, transport, clock, flush, finish } = fakeSetup({ flushAt: 1 });
    transport.push({ status: 500 });
    const [event] = h.track(1);
    await clock.advance(100);
    expect(transport.requests).toHaveLength(1);
    clock.jumpWall(-3_600_000);
    await flush();
    const [first, second] = transport.requests;
    expect(second!.arrivedAt - first!.arrivedAt).toBe(750);
    expect(Number(first!.events[0]!.stm) - Number(second!.events[0]!.stm)).toBe(3_600_000 - 750);
    expect(second!.events[0]!.payload['dtm']).toBe(event!['dtm']);
    await finish();
  });

  it('starts with 2 requests in flight and grows toward maxInFlight while a backlog waits', async () => {
    const { h, transport, clock, finish } = fakeSetup({
      maxInFlight: 3,
      flushAt: 2,
      maxBatchEvents: 2,
    });
    transport.fallback = { status: 200, delayMs: 100 };
    h.track(10);
    await runUntilSettled(clock, h.emitter.flush());
    expect(transport.maxInFlight).toBe(3);
    expect(transport.requests.map((entry) => entry.arrivedAt)).toEqual([0, 0, 100, 100, 100]);
    h.check(transport);
    await finish();
  });
});

describe('callbacks and errors', () => {
  it('a throwing callback is reported through onError and never changes the batch; a throwing onError is swallowed', async () => {
    const clock = createFakeClock();
    const transport = createScriptedTransport(clock);
    transport.push({ status: 500 });
    const errors: FloeError[] = [];
    const dropped: DropReport[] = [];
    let onErrorCalls = 0;
    const emitter = createEmitter({
      endpoint: FAKE_ENDPOINT,
      transport,
      clock,
      flushIntervalMs: 0,
      onSuccess: () => {
        throw new Error('success boom');
      },
      onFailure: () => {
        throw new Error('failure boom');
      },
      onDrop: (report) => {
        dropped.push(report);
        throw new Error('drop boom');
      },
      onError: (error) => {
        errors.push(error);
        onErrorCalls++;
        if (onErrorCalls > 1) throw new Error('onError boom');
      },
    });
    const events = [makeEvent(0), makeEvent(1)];
    for (const event of events) emitter.add(event);
    expect(await runUntilSettled(clock, emitter.flush())).toEqual({
      delivered: 2,
      dropped: 0,
      pending: 0,
    });
    expect(transport.requests).toHaveLength(2);
    await runUntilSettled(clock, emitter.shutdown());
    emitter.add(makeEvent(2));
    expect(errors.map((e) => [e.code, e.message.split(':')[0]])).toEqual([
      ['callback', 'onFailure threw'],
      ['callback', 'onSuccess threw'],
      ['callback', 'onDrop threw'],
    ]);
    expect(errors[0]).toBeInstanceOf(FloeError);
    checkInvariants({ tracked: events, dropped, server: transport });
  });

  it('reports store failures through onError; a failed add is a reported drop, a failed take is retried', async () => {
    const inner = createMemoryStore();
    let failTake = 1;
    let failAdd = 1;
    const store: EventStore = {
      durable: false,
      get size() {
        return inner.size;
      },
      get byteSize() {
        return inner.byteSize;
      },
      add(event: QueuedPayload) {
        if (failAdd-- > 0) throw new Error('disk full');
        return inner.add(event);
      },
      async take(limit: number, maxBytes?: number) {
        if (failTake-- > 0) throw new Error('read failed');
        return inner.take(limit, maxBytes);
      },
      ack: async (eids: readonly string[]) => inner.ack(eids),
      release: async (eids: readonly string[]) => inner.release(eids),
    };
    const { h, transport, flush, finish } = fakeSetup({ store });
    const [lost] = h.track(3);
    expect(h.dropped).toMatchObject([{ reason: 'queue_full', eids: [lost!.eid] }]);
    expect(await flush()).toEqual({ delivered: 2, dropped: 0, pending: 0 });
    expect(h.errors.map((e) => (e as FloeError).code)).toEqual(['store', 'store']);
    h.check(transport);
    await finish();
  });

  it('rejects impossible options with FloeError invalid_config', () => {
    expect(() => createEmitter({ endpoint: '' })).toThrow(FloeError);
    expect(() => createEmitter({ endpoint: 'https://c.test', flushAt: 0 })).toThrow(/flushAt/);
    expect(() => createEmitter({ endpoint: 'https://c.test', timeoutMs: -1 })).toThrow(/timeoutMs/);
    expect(() => createEmitter({ endpoint: 'https://c.test', method: 'PUT' as 'GET' })).toThrow(
      /method/,
    );
    expect(() => createEmitter({ endpoint: 'http://[bad' })).toThrow(/endpoint/);
    try {
      createEmitter({ endpoint: 'https://c.test', maxInFlight: 0 });
    } catch (error) {
      expect((error as FloeError).code).toBe('invalid_config');
    }
    // A bare host gets https://.
    expect(createEmitter({ endpoint: 'collector.example.com', flushIntervalMs: 0 }).method).toBe(
      'POST',
    );
  });
});
