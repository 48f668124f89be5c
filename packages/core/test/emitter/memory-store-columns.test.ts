import { createMemoryStore } from '@floe/core';
import type { QueuedPayload } from '../../src/store/event-store';

// The memory store keeps waiting events in columns on a growable ring; these rows check that what
// comes back out is what went in, in order, across growth and wrap-around at both ends.

const EID = '0b9a7c3e-5d1f-4a2b-9c8d-7e6f5a4b3c2d';

function queued(eid: string, seq?: number): QueuedPayload {
  const json = `{"e":"se","eid":"${eid}"}`;
  const event = { eid, json, bytes: json.length, queuedAt: 1_700_000_000_000 + (seq ?? 0) };
  return seq === undefined ? event : { ...event, seq };
}

describe('the memory store’s columns', () => {
  it('give back each event as a copy with the same id, text, size, time and seq', () => {
    const store = createMemoryStore();
    const events = [queued(EID, 1), queued(EID.replace('0b', '1c'), 2)];
    for (const event of events) store.add(event);
    const copies = store.take(10);
    expect(copies).toEqual(events);
    for (const [i, copy] of copies.entries()) expect(copy).not.toBe(events[i]);
  });

  it('keep an event restored without a seq without one', () => {
    const store = createMemoryStore();
    store.add(queued(EID));
    expect(store.take(1)[0]?.seq).toBeUndefined();
  });

  it('grow past their capacity and wrap around, at both ends, in order', () => {
    const store = createMemoryStore();
    const eid = (n: number) => `${String(n).padStart(8, '0')}${EID.slice(8)}`;
    for (let n = 0; n < 40; n++) store.add(queued(eid(n), n));
    const first = store.take(10);
    store.ack(first.slice(0, 9).map((event) => event.eid));
    // The last one taken goes back to the front, then the ring grows past 64 slots.
    store.release([eid(9)]);
    for (let n = 40; n < 70; n++) store.add(queued(eid(n), n));
    expect(store.size).toBe(61);
    const all = store.take(100);
    expect(all.map((event) => event.seq)).toEqual(Array.from({ length: 61 }, (_, i) => i + 9));
    expect(all.map((event) => event.eid)).toEqual(Array.from({ length: 61 }, (_, i) => eid(i + 9)));
  });

  it('skip an event acked out of order when it reaches the front', () => {
    const store = createMemoryStore();
    for (const n of [1, 2, 3]) store.add(queued(`e${n}`, n));
    store.ack(['e2']);
    expect(store.take(10).map((event) => event.eid)).toEqual(['e1', 'e3']);
    expect(store.size).toBe(2);
  });
});
