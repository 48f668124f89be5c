import type { EventStore, QueuedPayload } from '@floe/core';
import { fakeSetup } from './fake-setup';

/** A durable store that can lose events on its own, as the browser's `localStorage` queue does. */
interface ForgetfulStore extends EventStore {
  /**
   * Another tab takes the `count` oldest waiting events over: they stay counted in `size` until
   * the next `take` finds their keys gone and drops them (a page back from the back/forward cache).
   */
  takeOver(count: number): void;
  /** Forgets every event at once, taken ones included (consent denied). */
  clear(): void;
}

function createForgetfulStore(): ForgetfulStore {
  const entries: { event: QueuedPayload; taken: boolean; gone: boolean }[] = [];
  const remove = (eids: readonly string[]): void => {
    const done = new Set(eids);
    for (let i = entries.length - 1; i >= 0; i--) {
      if (done.has(entries[i]!.event.eid)) entries.splice(i, 1);
    }
  };
  return {
    durable: true,
    get size() {
      return entries.length;
    },
    get byteSize() {
      return entries.reduce((sum, entry) => sum + entry.event.bytes, 0);
    },
    add(event) {
      entries.push({ event, taken: false, gone: false });
      return [];
    },
    take(limit) {
      const taken: QueuedPayload[] = [];
      for (let i = 0; i < entries.length && taken.length < limit; i++) {
        const entry = entries[i]!;
        if (entry.gone) entries.splice(i--, 1);
        else if (!entry.taken) {
          entry.taken = true;
          taken.push(entry.event);
        }
      }
      return taken;
    },
    ack: remove,
    release(eids) {
      const back = new Set(eids);
      for (const entry of entries) if (back.has(entry.event.eid)) entry.taken = false;
    },
    takeOver(count) {
      for (const entry of entries.filter((e) => !e.taken).slice(0, count)) entry.gone = true;
    },
    clear() {
      entries.length = 0;
    },
  };
}

describe('events a store lets go of on its own', () => {
  it('do not hold flush(): events another tab took over leave the count, unreported', async () => {
    const store = createForgetfulStore();
    const { h, transport, flush, finish } = fakeSetup({ store, flushAt: 100 });
    const events = h.track(5);
    store.takeOver(3);
    // Without a deadline: it must resolve on its own, not when a timer gives up.
    expect(await flush()).toEqual({ delivered: 2, dropped: 0, pending: 0 });
    expect(transport.requests).toHaveLength(1);
    expect(transport.requests[0]!.events.map((event) => event.eid)).toEqual(
      events.slice(3).map((event) => event['eid']),
    );
    // They are not lost (another tab sends them), so they are no drop.
    expect(h.dropped).toEqual([]);
    // The emitter's counts stay true: later events are flushed as before.
    h.track(2);
    expect(await flush()).toEqual({ delivered: 2, dropped: 0, pending: 0 });
    await finish();
  });

  it('do not hold flush(): a store cleared under a batch in flight (consent denied)', async () => {
    const store = createForgetfulStore();
    const { clock, h, transport, flush, finish } = fakeSetup({
      store,
      flushAt: 2,
      maxInFlight: 1,
    });
    transport.push({ status: 200, delayMs: 1000 });
    h.track(2);
    await clock.settle();
    expect(transport.inFlight).toBe(1);
    h.track(3);
    store.clear();
    // The batch in flight is delivered; the three waiting events are gone with the store's.
    expect(await flush()).toEqual({ delivered: 2, dropped: 0, pending: 0 });
    expect(h.dropped).toEqual([]);
    expect(await flush()).toEqual({ delivered: 0, dropped: 0, pending: 0 });
    h.track(1);
    expect(await flush()).toEqual({ delivered: 1, dropped: 0, pending: 0 });
    await finish();
  });
});
