import { createMemoryStore } from '@floe/core';
import { createEventColumns } from '../../src/store/event-columns';
import type { QueuedPayload } from '../../src/store/event-store';

const EID = '0b9a7c3e-5d1f-4a2b-9c8d-7e6f5a4b3c2d';

function queued(eid: string, seq?: number): QueuedPayload {
  const json = `{"e":"se","eid":"${eid}"}`;
  return { eid, json, bytes: json.length, queuedAt: 1_700_000_000_000 + (seq ?? 0), seq };
}

describe('EventColumns: queued events kept as texts and numbers', () => {
  it('gives back each event as a copy with the same id, text, size, time and seq', () => {
    const columns = createEventColumns();
    const events = [queued(EID, 1), queued(EID.replace('0b', '1c'), 2)];
    for (const event of events) columns.push(event);
    events.forEach((event, i) => {
      const copy = columns.eventAt(i);
      expect(copy).not.toBe(event);
      expect(copy).toEqual(event);
      expect(columns.eidAt(i)).toBe(event.eid);
      expect(columns.bytesAt(i)).toBe(event.bytes);
    });
  });

  it('keeps an event restored without a seq without one', () => {
    const columns = createEventColumns();
    columns.push(queued(EID));
    expect(columns.eventAt(0)).not.toHaveProperty('seq');
  });

  it('grows past its capacity and wraps around, at both ends, in order', () => {
    const columns = createEventColumns();
    const eid = (n: number) => `${String(n).padStart(8, '0')}${EID.slice(8)}`;
    for (let n = 0; n < 40; n++) columns.push(queued(eid(n), n));
    for (let n = 0; n < 10; n++) columns.dropFront();
    columns.unshift(queued(eid(9), 9));
    for (let n = 40; n < 70; n++) columns.push(queued(eid(n), n));
    expect(columns.length).toBe(61);
    const seen = Array.from({ length: columns.length }, (_, i) => columns.eventAt(i).seq);
    expect(seen).toEqual(Array.from({ length: 61 }, (_, i) => i + 9));
    const ids = Array.from({ length: columns.length }, (_, i) => columns.eidAt(i));
    expect(ids).toEqual(Array.from({ length: 61 }, (_, i) => eid(i + 9)));
  });

  it('marks an event removed out of order until it reaches the front', () => {
    const columns = createEventColumns();
    for (const n of [1, 2, 3]) columns.push(queued(`e${n}`, n));
    columns.remove(1);
    expect([0, 1, 2].map((i) => columns.removed(i))).toEqual([false, true, false]);
    columns.dropFront();
    expect(columns.removed(0)).toBe(true);
  });

  it('a memory store of them takes, releases and acknowledges by id', () => {
    const store = createMemoryStore();
    const ids = [EID, EID.replace('0b', '2d'), EID.replace('0b', '3e')];
    for (const [i, eid] of ids.entries()) store.add(queued(eid, i));
    expect(store.take(2).map((event) => event.eid)).toEqual(ids.slice(0, 2));
    store.release([ids[1]!]);
    store.ack([ids[0]!, ids[2]!]);
    expect(store.size).toBe(1);
    expect(store.take(5).map((event) => event.eid)).toEqual([ids[1]]);
  });
});
