// Compile-time checks: `tsc -p tsconfig.test.json` fails if any line marked @ts-expect-error
// compiles. At run time each bad call still returns its id and is reported, never thrown.
import {
  createTracker,
  type SelfDescribingJson,
  type TrackOptions,
  trackPagePing,
  trackPageView,
  trackSelfDescribingEvent,
  trackStructEvent,
  trackTransaction,
} from '@floe/core';
import { createHarness } from './helpers/fixtures';
import { createTestSink } from './helpers/test-sink';

type Checkout = { orderId: string; total: number };
const CHECKOUT = 'iglu:com.acme/checkout/jsonschema/1-0-0' as const;
const checkout = (data: Checkout): SelfDescribingJson<Checkout, typeof CHECKOUT> => ({
  schema: CHECKOUT,
  data,
});

describe('wrong shapes do not compile', () => {
  it('tracker options', () => {
    const emitters = [createTestSink()];
    // @ts-expect-error namespace is required
    expect(() => createTracker({ platform: 'srv', emitters })).toThrow();
    // @ts-expect-error platform is required
    expect(() => createTracker({ namespace: 'n', emitters })).toThrow();
    // @ts-expect-error platform must be a tracker-protocol code
    expect(() => createTracker({ namespace: 'n', platform: 'server', emitters })).toThrow();
    const deno = { name: 'deno', version: '1.0.0' } as const;
    const options = { namespace: 'n', platform: 'srv', emitters, adapter: deno } as const;
    // @ts-expect-error adapter names are a closed set (only adapter packages pass one)
    expect(createTracker(options).trackerVersion).toBe('floe-deno-1.0.0');
  });

  it('event shapes', () => {
    const h = createHarness();
    // @ts-expect-error pageUrl is required
    trackPageView(h.tracker, { pageTitle: 'x' });
    // @ts-expect-error offsets are numbers
    trackPagePing(h.tracker, { pageUrl: 'u', minXOffset: '0' });
    // @ts-expect-error action is required
    trackStructEvent(h.tracker, { category: 'c' });
    // @ts-expect-error value is a number
    trackStructEvent(h.tracker, { category: 'c', action: 'a', value: '1' });
    // @ts-expect-error items are required
    trackTransaction(h.tracker, { orderId: 'o', total: 1 });
    trackTransaction(h.tracker, {
      orderId: 'o',
      total: 1,
      // @ts-expect-error items have no order id or currency of their own
      items: [{ sku: 's', price: 1, quantity: 1, currency: 'USD' }],
    });
    // @ts-expect-error the schema must look like an Iglu URI
    trackSelfDescribingEvent(h.tracker, { schema: 'com.acme/checkout', data: {} });
    // @ts-expect-error a generated builder ties data to its schema
    checkout({ orderId: 'o' });
    const options: TrackOptions = { trueTimestamp: new Date(0) };
    // @ts-expect-error trueTimestamp is a Date or a number
    trackPageView(h.tracker, { pageUrl: 'u' }, { trueTimestamp: '2020-01-01' });
    // @ts-expect-error subject fields are typed
    trackPageView(h.tracker, { pageUrl: 'u' }, { subject: { viewport: '1x1' } });
    // @ts-expect-error entities are self-describing JSON
    trackPageView(h.tracker, { pageUrl: 'u' }, { context: [{ data: {} }] });
    trackSelfDescribingEvent(h.tracker, checkout({ orderId: 'o', total: 1 }), options);
    // The extra item key is ignored at run time, so that transaction goes through.
    expect(h.payloads.map((p) => p['e'])).toEqual(['tr', 'ti', 'ue']);
    expect(h.drops).toHaveLength(9);
    expect(h.tracker.stats().dropped.invalid).toBe(9);
  });

  it('returns an id, or all ids for a transaction', () => {
    const h = createHarness();
    const id: string = trackPageView(h.tracker, { pageUrl: 'u' });
    const ids: string[] = trackTransaction(h.tracker, { orderId: 'o', total: 1, items: [] });
    // @ts-expect-error a transaction returns an array
    const wrong: string = trackTransaction(h.tracker, { orderId: 'o', total: 1, items: [] });
    expect([id, ...ids, wrong]).toHaveLength(3);
  });
});
