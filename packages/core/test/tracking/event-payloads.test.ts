import {
  trackPagePing,
  trackPageView,
  trackSelfDescribingEvent,
  trackStructEvent,
  trackTransaction,
  trackUnstructEvent,
} from '@floe/core';
import { CORE_TV, createHarness, decodeJson, deepFreeze, eid, NOW } from './helpers/fixtures';

const HEADER = { tv: CORE_TV, tna: 'test', aid: 'shop', p: 'web' } as const;
const UNSTRUCT = 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0';

describe('exact payloads of every event type', () => {
  it('page view', () => {
    const { tracker, payloads } = createHarness({ appId: 'shop', platform: 'web' });
    const id = trackPageView(tracker, {
      pageUrl: 'https://shop.example.com/cart?x=1',
      pageTitle: 'Cart',
      referrer: 'https://search.example.com/',
    });
    expect(id).toBe(eid(1));
    expect(payloads).toEqual([
      {
        ...HEADER,
        e: 'pv',
        eid: eid(1),
        dtm: String(NOW),
        url: 'https://shop.example.com/cart?x=1',
        page: 'Cart',
        refr: 'https://search.example.com/',
      },
    ]);
  });

  it('page ping with zero offsets sends the zeros and rounds fractions', () => {
    const { tracker, payloads } = createHarness({ appId: 'shop', platform: 'web' });
    trackPagePing(tracker, {
      pageUrl: 'https://shop.example.com/',
      minXOffset: 0,
      maxXOffset: 12.5,
      minYOffset: 0,
      maxYOffset: 839.4,
    });
    expect(payloads).toEqual([
      {
        ...HEADER,
        e: 'pp',
        eid: eid(1),
        dtm: String(NOW),
        url: 'https://shop.example.com/',
        pp_mix: '0',
        pp_max: '13',
        pp_miy: '0',
        pp_may: '839',
      },
    ]);
  });

  it('structured event with value 0', () => {
    const { tracker, payloads } = createHarness({ appId: 'shop', platform: 'web' });
    trackStructEvent(tracker, {
      category: 'video',
      action: 'play',
      label: 'intro',
      property: 'hd',
      value: 0,
    });
    expect(payloads).toEqual([
      {
        ...HEADER,
        e: 'se',
        eid: eid(1),
        dtm: String(NOW),
        se_ca: 'video',
        se_ac: 'play',
        se_la: 'intro',
        se_pr: 'hd',
        se_va: '0',
      },
    ]);
  });

  const checkout = {
    schema: 'iglu:com.acme/checkout/jsonschema/1-0-0',
    data: { orderId: 'o-1', total: 35, express: false, tags: ['a', 'b'], note: null },
  } as const;
  const wrapped = { schema: UNSTRUCT, data: checkout };

  it('self-describing event, base64 off: ue_pr holds the unstruct_event JSON', () => {
    const { tracker, payloads } = createHarness({ appId: 'shop', platform: 'web' });
    trackSelfDescribingEvent(tracker, checkout);
    expect(payloads).toEqual([
      {
        ...HEADER,
        e: 'ue',
        eid: eid(1),
        dtm: String(NOW),
        ue_pr: JSON.stringify(wrapped),
      },
    ]);
    expect(JSON.parse(payloads[0]!['ue_pr']!)).toEqual(wrapped);
  });

  it('self-describing event, base64 on: ue_px decodes to the same JSON', () => {
    const { tracker, payloads } = createHarness({
      appId: 'shop',
      platform: 'web',
      encodeBase64: true,
    });
    trackSelfDescribingEvent(tracker, checkout);
    const { ue_px, ...rest } = payloads[0]!;
    expect(rest).toEqual({ ...HEADER, e: 'ue', eid: eid(1), dtm: String(NOW) });
    expect(ue_px).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeJson(payloads[0], 'ue')).toEqual(wrapped);
  });

  it('trackUnstructEvent is the same function', () => {
    expect(trackUnstructEvent).toBe(trackSelfDescribingEvent);
  });

  describe('transaction and items', () => {
    const entity = {
      schema: 'iglu:com.acme/basket/jsonschema/1-0-0',
      data: { id: 'b-1' },
    } as const;
    const itemEntity = {
      schema: 'iglu:com.acme/product/jsonschema/1-0-0',
      data: { sku: 's-2' },
    } as const;
    const transaction = deepFreeze({
      orderId: 'o-42',
      total: 21.98,
      affiliation: 'web',
      tax: 1.5,
      shipping: 0,
      city: 'Lyon',
      state: 'ARA',
      country: 'FR',
      currency: 'EUR',
      items: [
        { sku: 's-1', price: 7.99, quantity: 2, name: 'Mug', category: 'kitchen' },
        { sku: 's-2', price: 5, quantity: 1, context: [itemEntity] },
      ],
    });
    const context = deepFreeze([entity]);
    const before = JSON.stringify(transaction);

    it('one tr then one ti per item, sharing dtm, order id, currency and the call entities', () => {
      const { tracker, payloads, clock } = createHarness({ appId: 'shop', platform: 'web' });
      clock.set(NOW + 7);
      const ids = trackTransaction(tracker, transaction, { context });
      expect(ids).toEqual([eid(1), eid(2), eid(3)]);
      const co = (...entities: unknown[]) =>
        JSON.stringify({
          schema: 'iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1',
          data: entities,
        });
      const shared = { ...HEADER, dtm: String(NOW + 7) };
      expect(payloads).toEqual([
        {
          ...shared,
          e: 'tr',
          eid: eid(1),
          tr_id: 'o-42',
          tr_tt: '21.98',
          tr_af: 'web',
          tr_tx: '1.5',
          tr_sh: '0',
          tr_ci: 'Lyon',
          tr_st: 'ARA',
          tr_co: 'FR',
          tr_cu: 'EUR',
          co: co(entity),
        },
        {
          ...shared,
          e: 'ti',
          eid: eid(2),
          ti_id: 'o-42',
          ti_sk: 's-1',
          ti_pr: '7.99',
          ti_qu: '2',
          ti_nm: 'Mug',
          ti_ca: 'kitchen',
          ti_cu: 'EUR',
          co: co(entity),
        },
        {
          ...shared,
          e: 'ti',
          eid: eid(3),
          ti_id: 'o-42',
          ti_sk: 's-2',
          ti_pr: '5',
          ti_qu: '1',
          ti_cu: 'EUR',
          co: co(entity, itemEntity),
        },
      ]);
      expect(JSON.stringify(transaction)).toBe(before);
    });

    it('carries the same ttm on every event when a true timestamp is given, and none otherwise', () => {
      const { tracker, payloads } = createHarness();
      trackTransaction(tracker, transaction, { trueTimestamp: new Date(NOW - 60_000) });
      trackTransaction(tracker, transaction);
      expect(payloads.map((p) => p['ttm'])).toEqual([
        String(NOW - 60_000),
        String(NOW - 60_000),
        String(NOW - 60_000),
        undefined,
        undefined,
        undefined,
      ]);
    });

    it('omits ti_cu when the transaction has no currency', () => {
      const { tracker, payloads } = createHarness();
      trackTransaction(tracker, {
        orderId: 'o',
        total: 1,
        items: [{ sku: 's', price: 1, quantity: 1 }],
      });
      expect(payloads[1]).not.toHaveProperty('ti_cu');
      expect(payloads[1]).toHaveProperty('ti_id', 'o');
    });

    it('is all-or-nothing: one bad item rejects the transaction and every item', () => {
      const { tracker, payloads, drops } = createHarness();
      const bad = deepFreeze({
        ...transaction,
        items: [...transaction.items, { sku: 's-3', price: 1, quantity: 1.5 }],
      });
      const ids = trackTransaction(tracker, bad);
      expect(ids).toEqual([eid(1), eid(2), eid(3), eid(4)]);
      expect(payloads).toEqual([]);
      expect(drops).toHaveLength(1);
      expect(drops[0]).toMatchObject({ reason: 'invalid', eids: ids });
      expect(drops[0]!.events.map((p) => p['eid'])).toEqual(ids);
      expect(drops[0]!.error?.message).toMatch(/ti_qu/);
      expect(tracker.stats()).toEqual({ tracked: 0, filtered: 0, dropped: { invalid: 4 } });
    });

    it('a transaction without items is one tr event', () => {
      const { tracker, payloads } = createHarness();
      expect(trackTransaction(tracker, { orderId: 'o', total: 0, items: [] })).toEqual([eid(1)]);
      expect(payloads).toEqual([
        {
          e: 'tr',
          eid: eid(1),
          dtm: String(NOW),
          tv: CORE_TV,
          tna: 'test',
          p: 'srv',
          tr_id: 'o',
          tr_tt: '0',
        },
      ]);
    });
  });
});
