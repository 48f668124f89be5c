import { createMemoryStore, FloeError } from '@floe/core';
import type { QueuedPayload } from '../../src/store/event-store';

function queued(eid: string, bytes = 100): QueuedPayload {
  return { eid, json: `{"eid":"${eid}"}`, bytes, queuedAt: 0 };
}

/** An event whose fields count how often the store reads them. */
function counted(eid: string, reads: { count: number }): QueuedPayload {
  return {
    get eid() {
      reads.count++;
      return eid;
    },
    json: `{"eid":"${eid}"}`,
    get bytes() {
      reads.count++;
      return 10;
    },
    queuedAt: 0,
  };
}

describe('createMemoryStore', () => {
  it('leases the oldest events, keeps them until ack, and counts bytes and events', () => {
    const store = createMemoryStore();
    expect(store.durable).toBe(false);
    for (const eid of ['a', 'b', 'c']) expect(store.add(queued(eid))).toEqual([]);
    expect([store.size, store.byteSize]).toEqual([3, 300]);
    expect(store.take(2).map((e) => e.eid)).toEqual(['a', 'b']);
    expect(store.take(5).map((e) => e.eid)).toEqual(['c']);
    expect(store.take(5)).toEqual([]);
    expect(store.size).toBe(3);
    store.ack(['a', 'c']);
    expect([store.size, store.byteSize]).toEqual([1, 100]);
  });

  it('release puts leased events back at the front in their original order', () => {
    const store = createMemoryStore();
    for (const eid of ['a', 'b', 'c', 'd']) store.add(queued(eid));
    store.take(3);
    store.release(['b', 'c']);
    expect(store.take(10).map((e) => e.eid)).toEqual(['b', 'c', 'd']);
    expect(store.size).toBe(4);
  });

  it('honours the byte hint of take but always returns one event', () => {
    const store = createMemoryStore();
    store.add(queued('huge', 5000));
    store.add(queued('a', 100));
    store.add(queued('b', 100));
    expect(store.take(10, 1000).map((e) => e.eid)).toEqual(['huge']);
    expect(store.take(10, 150).map((e) => e.eid)).toEqual(['a']);
  });

  it('evicts the oldest waiting events when over the byte cap, before the count cap', () => {
    const store = createMemoryStore({ maxBytes: 350, maxEvents: 100 });
    for (const eid of ['a', 'b', 'c']) store.add(queued(eid));
    expect(store.add(queued('d')).map((e) => e.eid)).toEqual(['a']);
    expect(store.add(queued('big', 250)).map((e) => e.eid)).toEqual(['b', 'c']);
    expect([store.size, store.byteSize]).toEqual([2, 350]);
  });

  it('evicts by count when bytes allow, and never evicts leased events', () => {
    const store = createMemoryStore({ maxEvents: 3 });
    for (const eid of ['a', 'b', 'c']) store.add(queued(eid));
    store.take(2);
    expect(store.add(queued('d')).map((e) => e.eid)).toEqual(['c']);
    // Only the new event is waiting now, so it is the one evicted.
    expect(store.add(queued('e')).map((e) => e.eid)).toEqual(['d']);
    expect(store.size).toBe(3);
  });

  it('acks an event that was never leased (a scan) without breaking the queue', () => {
    const store = createMemoryStore();
    for (const eid of ['a', 'b', 'c']) store.add(queued(eid));
    store.ack(['b']);
    expect(store.size).toBe(2);
    expect(store.take(10).map((e) => e.eid)).toEqual(['a', 'c']);
  });

  it('does not lease a second event with an eid already leased', () => {
    const store = createMemoryStore();
    store.add(queued('a'));
    store.add(queued('a'));
    expect(store.take(10)).toHaveLength(1);
    expect(store.take(10)).toHaveLength(0);
    store.ack(['a']);
    expect(store.take(10)).toHaveLength(1);
  });

  it('keeps each take apart: batches settle in any order, a release returns the one taken last', () => {
    const store = createMemoryStore();
    for (const eid of ['a', 'b', 'c', 'd', 'e']) store.add(queued(eid));
    expect(store.take(2).map((e) => e.eid)).toEqual(['a', 'b']);
    expect(store.take(2).map((e) => e.eid)).toEqual(['c', 'd']);
    // The batch taken ahead settles first; the first one is given back, then taken again.
    store.ack(['c', 'd']);
    expect([store.size, store.byteSize]).toEqual([3, 300]);
    store.release(['a', 'b']);
    expect(store.take(10).map((e) => e.eid)).toEqual(['a', 'b', 'e']);
    // Part of a batch, then the rest: nothing is counted twice, and a settled id is free again.
    store.ack(['b']);
    store.ack(['a', 'e', 'b']);
    expect([store.size, store.byteSize]).toEqual([0, 0]);
    // A settled take is let go (each lives and dies young): none is kept once its events settle.
    expect((store as unknown as { takes: number }).takes).toBe(0);
    store.add(queued('a'));
    expect(store.take(10).map((e) => e.eid)).toEqual(['a']);
  });

  it('does not lease an eid held by an earlier take while a later take holds others', () => {
    const store = createMemoryStore();
    for (const eid of ['a', 'b', 'a']) store.add(queued(eid));
    expect(store.take(1).map((e) => e.eid)).toEqual(['a']);
    expect(store.take(10).map((e) => e.eid)).toEqual(['b']);
    store.ack(['a']);
    expect(store.take(10).map((e) => e.eid)).toEqual(['a']);
    store.release(['a']);
    expect(store.take(10).map((e) => e.eid)).toEqual(['a']);
    expect(store.size).toBe(2);
  });

  it('does O(1) work per operation whatever the backlog (field reads, not time)', () => {
    const store = createMemoryStore();
    const reads = { count: 0 };
    for (let i = 0; i < 200_000; i++) store.add(counted(String(i), reads));
    const perAdd = reads.count / 200_000;
    // Each event is copied into the columns once: its id and size read, whatever the backlog.
    expect(perAdd).toBeLessThanOrEqual(3);
    reads.count = 0;
    const batch = store.take(10);
    store.ack(batch.map((event) => event.eid));
    store.release([]);
    expect(reads.count).toBeLessThanOrEqual(60);
    reads.count = 0;
    for (let i = 0; i < 1000; i++) store.ack(store.take(10).map((event) => event.eid));
    expect(reads.count / 1000).toBeLessThanOrEqual(60);
    expect(store.size).toBe(200_000 - 10 - 10_000);
  });

  it('holds a synchronous burst of 100,000 ordinary events under the defaults', () => {
    const store = createMemoryStore();
    let evicted = 0;
    for (let i = 0; i < 100_000; i++) evicted += store.add(queued(`e${i}`, 650)).length;
    expect(evicted).toBe(0);
    expect(store.size).toBe(100_000);
  });

  it('rejects impossible caps with a FloeError', () => {
    expect(() => createMemoryStore({ maxBytes: 0 })).toThrow(FloeError);
    expect(() => createMemoryStore({ maxEvents: 0 })).toThrow(/positive/);
  });
});
