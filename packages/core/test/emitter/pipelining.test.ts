import {
  createEmitter,
  createMemoryStore,
  type EventStore,
  type Transport,
  type TransportRequest,
} from '@floe/core';
import { makeEvent } from './harness';

/**
 * A transport that answers after a macrotask, logging each request by the batch's first eid.
 * With `sent: 'reported'` it says it reports writes and calls `onSent` a moment after the request
 * (logged); with `sent: 'silent'` it says so but never does (a write that never completed).
 */
function loggingTransport(
  log: string[],
  statuses: number[] = [],
  sent: 'unknown' | 'reported' | 'silent' = 'unknown',
): Transport {
  return {
    ...(sent === 'unknown' ? {} : { reportsSent: true }),
    makeRequest(request: TransportRequest) {
      const body = JSON.parse(request.body as string) as { data: { eid: string }[] };
      log.push(`request ${body.data[0]!.eid}`);
      if (sent === 'reported' && request.onSent) {
        const onSent = request.onSent;
        setImmediate(() => {
          log.push(`sent ${body.data[0]!.eid}`);
          onSent();
        });
      }
      const status = statuses.shift() ?? 200;
      return new Promise((resolve) => setTimeout(() => resolve({ status, headers: {} }), 2));
    },
  };
}

function emitterFor(
  log: string[],
  store: EventStore,
  statuses?: number[],
  sent?: 'unknown' | 'reported' | 'silent',
) {
  return createEmitter({
    endpoint: 'http://collector.test',
    transport: loggingTransport(log, statuses, sent),
    store,
    flushAt: 10,
    maxBatchEvents: 10,
    flushIntervalMs: 0,
    backoff: { baseMs: 5, capMs: 20 },
    onSuccess: ({ eids }) => log.push(`success ${eids[0]}`),
    onFailure: ({ eids, willRetry }) => log.push(`failure ${eids[0]} retry=${willRetry}`),
  });
}

/** A memory store seen through a wrapper: durable or not, with an optional spy on `take`. */
function wrapped(
  durable: boolean,
  onTake: (taken: number) => void = () => {},
  inner = createMemoryStore(),
): EventStore {
  return {
    durable,
    get size() {
      return inner.size;
    },
    get byteSize() {
      return inner.byteSize;
    },
    add: (event) => inner.add(event),
    take: (limit, maxBytes) => {
      const taken = inner.take(limit, maxBytes);
      if (taken.length > 0) onTake(taken.length);
      return taken;
    },
    ack: (eids) => inner.ack(eids),
    release: (eids) => inner.release(eids),
  };
}

const events = Array.from({ length: 40 }, (_, i) => makeEvent(i));
const eidOf = (i: number): string => events[i]!['eid']!;

describe('taking the next batch while a request is in flight', () => {
  it('memory store: the next batch is on its way before the last one is acknowledged', async () => {
    const log: string[] = [];
    const emitter = emitterFor(log, createMemoryStore());
    for (let i = 0; i < 30; i++) emitter.add(events[i]!);
    expect(await emitter.flush()).toEqual({ delivered: 30, dropped: 0, pending: 0 });
    expect(log).toEqual([
      `request ${eidOf(0)}`,
      `request ${eidOf(10)}`,
      `success ${eidOf(0)}`,
      `request ${eidOf(20)}`,
      `success ${eidOf(10)}`,
      `success ${eidOf(20)}`,
    ]);
    await emitter.shutdown();
  });

  it('a transport that takes bytes gets each batch taken ahead as prepared bytes with its own stm', async () => {
    const bodies: { kind: string; eids: string[]; stms: Set<string> }[] = [];
    const transport: Transport = {
      acceptsBytes: true,
      async makeRequest(request: TransportRequest) {
        const kind = request.bodyBytes ? 'bytes' : 'text';
        const text = request.bodyBytes
          ? Buffer.from(request.bodyBytes).toString('utf8')
          : (request.body as string);
        const body = JSON.parse(text) as { data: { eid: string; stm: string }[] };
        const stms = new Set(body.data.map((event) => event.stm));
        bodies.push({ kind, eids: body.data.map((event) => event.eid), stms });
        await new Promise((resolve) => setTimeout(resolve, 2));
        return { status: 200, headers: {} };
      },
    };
    const emitter = createEmitter({
      endpoint: 'http://collector.test',
      transport,
      store: createMemoryStore(),
      flushAt: 10,
      maxBatchEvents: 10,
      flushIntervalMs: 0,
    });
    for (let i = 0; i < 30; i++) emitter.add(events[i]!);
    expect(await emitter.flush()).toEqual({ delivered: 30, dropped: 0, pending: 0 });
    // The first batch is built when it is taken; the ones taken ahead go as bytes.
    expect(bodies.map((body) => body.kind)).toEqual(['text', 'bytes', 'bytes']);
    expect(bodies.flatMap((body) => body.eids)).toEqual(events.slice(0, 30).map((e) => e['eid']));
    for (const body of bodies) {
      expect(body.stms.size).toBe(1);
      expect(Math.abs(Number([...body.stms][0]) - Date.now())).toBeLessThan(5_000);
    }
    await emitter.shutdown();
  });

  it('durable store: a batch is acknowledged before the next leaves, so a crash repeats one batch at most', async () => {
    const log: string[] = [];
    const emitter = emitterFor(log, wrapped(true));
    for (let i = 0; i < 30; i++) emitter.add(events[i]!);
    expect(await emitter.flush()).toEqual({ delivered: 30, dropped: 0, pending: 0 });
    expect(log).toEqual([
      `request ${eidOf(0)}`,
      `success ${eidOf(0)}`,
      `request ${eidOf(10)}`,
      `success ${eidOf(10)}`,
      `request ${eidOf(20)}`,
      `success ${eidOf(20)}`,
    ]);
    await emitter.shutdown();
  });

  it('a failed batch is retried before the batch taken ahead, and nothing more is taken during failures', async () => {
    const log: string[] = [];
    const takes: number[] = [];
    const spy = wrapped(false, (taken) => takes.push(taken));
    const emitter = emitterFor(log, spy, [503, 503]);
    for (let i = 0; i < 40; i++) emitter.add(events[i]!);
    expect(await emitter.flush()).toEqual({ delivered: 40, dropped: 0, pending: 0 });
    expect(log.filter((line) => line.startsWith('request'))).toEqual([
      `request ${eidOf(0)}`,
      `request ${eidOf(0)}`,
      `request ${eidOf(0)}`,
      `request ${eidOf(10)}`,
      `request ${eidOf(20)}`,
      `request ${eidOf(30)}`,
    ]);
    // The first batch, the one taken ahead of it, then one batch per success: no batch is taken
    // while the first one keeps failing.
    expect(takes).toEqual([10, 10, 10, 10]);
    await emitter.shutdown();
  });

  it('a transport that reports writes: the books wait for the next request to be on the wire', async () => {
    const log: string[] = [];
    const emitter = emitterFor(log, createMemoryStore(), [], 'reported');
    for (let i = 0; i < 30; i++) emitter.add(events[i]!);
    expect(await emitter.flush()).toEqual({ delivered: 30, dropped: 0, pending: 0 });
    // Only the requests sent while another batch's books were pending carry an onSent.
    expect(log).toEqual([
      `request ${eidOf(0)}`,
      `request ${eidOf(10)}`,
      `sent ${eidOf(10)}`,
      `success ${eidOf(0)}`,
      `request ${eidOf(20)}`,
      `sent ${eidOf(20)}`,
      `success ${eidOf(10)}`,
      `success ${eidOf(20)}`,
    ]);
    await emitter.shutdown();
  });

  it('a transport that says it reports writes but never does: books are kept at the next answer, nothing hangs', async () => {
    const log: string[] = [];
    const emitter = emitterFor(log, createMemoryStore(), [], 'silent');
    for (let i = 0; i < 30; i++) emitter.add(events[i]!);
    expect(await emitter.flush()).toEqual({ delivered: 30, dropped: 0, pending: 0 });
    expect(log.filter((line) => line.startsWith('success'))).toEqual([
      `success ${eidOf(0)}`,
      `success ${eidOf(10)}`,
      `success ${eidOf(20)}`,
    ]);
    const started = Date.now();
    expect(await emitter.shutdown({ timeoutMs: 1000 })).toEqual({
      delivered: 0,
      dropped: 0,
      pending: 0,
    });
    expect(Date.now() - started).toBeLessThan(100);
  });
});
