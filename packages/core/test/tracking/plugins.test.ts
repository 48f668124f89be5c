import {
  type Payload,
  type TrackedEvent,
  trackPageView,
  trackStructEvent,
  trackTransaction,
} from '@floe/core';
import { createHarness } from './helpers/fixtures';

const se = { category: 'c', action: 'a' };

describe('plugins', () => {
  it('beforeTrack returning false filters the event: counted, not a drop, id still returned', () => {
    const seen: TrackedEvent[] = [];
    const h = createHarness({
      plugins: [
        {
          name: 'only-pv',
          beforeTrack: (event) => {
            seen.push(event);
            return event.eventType === 'pv';
          },
        },
      ],
    });
    const filtered = trackStructEvent(h.tracker, se);
    const kept = trackPageView(h.tracker, { pageUrl: 'https://x.example/' });
    expect(filtered).not.toBe(kept);
    expect(h.payloads.map((p) => p['eid'])).toEqual([kept]);
    expect(h.tracker.stats()).toEqual({ tracked: 1, filtered: 1, dropped: {} });
    expect(h.drops).toEqual([]);
    expect(seen[0]).toMatchObject({ eventType: 'se', eid: filtered, payload: { se_ca: 'c' } });
  });

  it('filters single events of a transaction', () => {
    const h = createHarness({
      plugins: [{ beforeTrack: (event) => event.payload['ti_sk'] !== 'drop-me' }],
    });
    const ids = trackTransaction(h.tracker, {
      orderId: 'o',
      total: 2,
      items: [
        { sku: 'keep', price: 1, quantity: 1 },
        { sku: 'drop-me', price: 1, quantity: 1 },
      ],
    });
    expect(h.payloads.map((p) => p['eid'])).toEqual([ids[0], ids[1]]);
    expect(h.tracker.stats()).toMatchObject({ tracked: 2, filtered: 1 });
  });

  it('afterTrack sees every finished payload, after the emitters got it', () => {
    const after: Payload[] = [];
    const h = createHarness({
      plugins: [{ afterTrack: (payload) => after.push(payload) }],
      globalContexts: [{ schema: 'iglu:com.acme/g/jsonschema/1-0-0', data: {} }],
    });
    trackStructEvent(h.tracker, se);
    expect(after).toEqual(h.payloads);
    expect(after[0]).toHaveProperty('co');
  });

  it('plugins that throw are reported (code plugin) and tracking goes on', () => {
    const order: string[] = [];
    const h = createHarness({
      plugins: [
        {
          name: 'broken',
          beforeTrack: () => {
            throw new Error('before');
          },
          afterTrack: () => {
            throw new Error('after');
          },
        },
        { name: 'next', beforeTrack: () => void order.push('next ran') },
      ],
    });
    const id = trackStructEvent(h.tracker, se);
    expect(h.payloads.map((p) => p['eid'])).toEqual([id]);
    expect(order).toEqual(['next ran']);
    expect(h.errors.map((e) => [e.name, e.code, e.message])).toEqual([
      ['FloeError', 'plugin', 'plugin broken.beforeTrack threw'],
      ['FloeError', 'plugin', 'plugin broken.afterTrack threw'],
    ]);
    expect(h.tracker.stats()).toEqual({ tracked: 1, filtered: 0, dropped: {} });
  });
});
