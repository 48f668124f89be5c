import {
  createEmitter,
  createMemoryStore,
  type EventStore,
  type Transport,
  type TransportRequest,
} from '@floe/core';
import { makeEvent } from './harness';

/** A transport that answers after a macrotask, logging each request by the batch's first eid. */
function loggingTransport(log: string[], statuses: number[] = []): Transport {
  return {
    makeRequest(request: TransportRequest) {
      const body = JSON.parse(request.body as string) as { data: { eid: string }[] };
      log.push(`request ${body.data[0]!.eid}`);
      const status = statuses.shift() ?? 200;
      return new Promise((resolve) => setTimeout(() => resolve({ status, headers: {} }), 1));
    },
  };
}

function emitterFor(log: string[], store: EventStore, statuses?: number[]) {
  return createEmitter({
    endpoint: 'http://collector.test',
    transport: loggingTransport(log, statuses),
    store,
    flushAt: 10,
    maxBatchEvents: 10,
    flushIntervalMs: 0,
    backoff: { baseMs: 5, capMs: 20 },
    onSuccess: ({ eids }) => log.push(`success ${eids[0]}`),
    onFailure: ({ eids, willRetry }) => log.push(`failure ${eids[0]} retry=${willRetry}`),
  });
}

/** The memory store, claiming to be durable. */
function durable(inner = createMemoryStore()): EventStore {
  return {
    durable: true,
    get size() {
      return inner.size;
    },
    get byteSize() {
      return inner.byteSize;
    },
    add: (event) => inner.add(event),
    take: (limit, maxBytes) => inner.take(limit, maxBytes),
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

  it('durable store: a batch is acknowledged before the next leaves, so a crash repeats one batch at most', async () => {
    const log: string[] = [];
    const emitter = emitterFor(log, durable());
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
    const store = createMemoryStore();
    const takes: number[] = [];
    const spy: EventStore = {
      ...store,
      durable: false,
      get size() {
        return store.size;
      },
      get byteSize() {
        return store.byteSize;
      },
      add: (event) => store.add(event),
      take: (limit, maxBytes) => {
        const taken = store.take(limit, maxBytes);
        if (taken.length > 0) takes.push(taken.length);
        return taken;
      },
      ack: (eids) => store.ack(eids),
      release: (eids) => store.release(eids),
    };
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
});
