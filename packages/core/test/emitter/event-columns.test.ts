import { createMemoryStore } from '@floe/core';
import { DeferredText } from '../../src/payload/deferred-text';
import { EventColumns } from '../../src/store/event-columns';
import { PreparedEvent } from '../../src/store/prepared-event';

const EID = '0b9a7c3e-5d1f-4a2b-9c8d-7e6f5a4b3c2d';

function tracked(eid: string, seq: number, deferred = false): PreparedEvent {
  const head = `{"e":"ue","eid":"${eid}","ue_pr":`;
  const text = deferred ? new DeferredText([head, '"x"', '}']) : `${head}"x"}`;
  return new PreparedEvent(eid, text, 60 + seq, 1_700_000_000_000 + seq, seq, true);
}

describe('EventColumns: queued events kept as texts and numbers', () => {
  it('gives back prepared events as copies with the same id, text, size, times and seq', () => {
    const columns = new EventColumns();
    const events = [tracked(EID, 1), tracked(EID.replace('0b', '1c'), 2, true)];
    for (const event of events) columns.push(event);
    events.forEach((event, i) => {
      const copy = columns.eventAt(i)!;
      expect(copy).not.toBe(event);
      expect(copy).toMatchObject({
        eid: event.eid,
        bytes: event.bytes,
        queuedAt: event.queuedAt,
        seq: event.seq,
      });
      expect(copy.json).toBe(event.json);
      expect(columns.eidAt(i)).toBe(event.eid);
      expect(columns.bytesAt(i)).toBe(event.bytes);
    });
  });

  it('keeps an id that is not in its text, and events from elsewhere whole', () => {
    const columns = new EventColumns();
    const own = new PreparedEvent('custom id', '{"eid":"custom id","e":"se"}', 30, 0, 3);
    const foreign = { eid: 'f', payload: { eid: 'f' }, bytes: 5, queuedAt: 0 };
    columns.push(own);
    columns.push(foreign);
    expect(columns.eidAt(0)).toBe('custom id');
    expect(columns.eventAt(1)).toBe(foreign);
  });

  it('grows past its capacity and wraps around, at both ends, in order', () => {
    const columns = new EventColumns();
    const eid = (n: number) => `${String(n).padStart(8, '0')}${EID.slice(8)}`;
    for (let n = 0; n < 40; n++) columns.push(tracked(eid(n), n));
    for (let n = 0; n < 10; n++) columns.dropFront();
    columns.unshift(tracked(eid(9), 9));
    for (let n = 40; n < 70; n++) columns.push(tracked(eid(n), n));
    expect(columns.length).toBe(61);
    const seen = Array.from({ length: columns.length }, (_, i) => columns.eventAt(i)!.seq);
    expect(seen).toEqual(Array.from({ length: 61 }, (_, i) => i + 9));
  });

  it('a memory store of tracked events leases, releases and acknowledges them by id', () => {
    const store = createMemoryStore();
    const ids = [EID, EID.replace('0b', '2d'), EID.replace('0b', '3e')];
    for (const [i, eid] of ids.entries()) store.add(tracked(eid, i));
    expect(store.take(2).map((event) => event.eid)).toEqual(ids.slice(0, 2));
    store.release([ids[1]!]);
    store.ack([ids[0]!, ids[2]!]);
    expect(store.size).toBe(1);
    expect(store.take(5).map((event) => event.eid)).toEqual([ids[1]]);
  });
});
