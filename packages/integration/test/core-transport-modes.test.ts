// Every core event type, sent by the real tracker and emitter in each transport mode (POST, POST
// with base64, GET, anonymous), lands as good in the real collector.
import { type Collector, startCollector } from '@floe/collector';
import {
  createEmitter,
  createTracker,
  trackPagePing,
  trackPageView,
  trackSelfDescribingEvent,
  trackStructEvent,
  trackTransaction,
} from '@floe/core';

const LINK_CLICK = 'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1';
const WEB_PAGE = 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0';

let collector: Collector;
beforeAll(async () => {
  collector = await startCollector({ port: 0 });
});
afterAll(() => collector.close());
beforeEach(() => collector.reset());

const page = { schema: WEB_PAGE, data: { id: 'a1a1a1a1-1111-4222-8333-444455556666' } } as const;

function trackAll(method: 'GET' | 'POST', encodeBase64: boolean, headers?: Record<string, string>) {
  const drops: unknown[] = [];
  const emitter = createEmitter({
    endpoint: collector.url,
    method,
    flushAt: 4,
    headers,
    onDrop: (r) => drops.push(r),
  });
  const tracker = createTracker({
    namespace: 'e2e',
    platform: 'web',
    appId: 'floe-e2e',
    emitters: [emitter],
    encodeBase64,
    onDrop: (r) => drops.push(r),
  });
  const ids = [
    trackPageView(
      tracker,
      {
        pageUrl: 'https://shop.example/p?x=1',
        pageTitle: 'Product ✓',
        referrer: 'https://ref.example/',
      },
      { context: [page] },
    ),
    trackPagePing(tracker, {
      pageUrl: 'https://shop.example/p',
      minXOffset: 0,
      maxXOffset: 10,
      minYOffset: 0,
      maxYOffset: 500,
    }),
    trackStructEvent(tracker, { category: 'shop', action: 'add', label: 'sku-1', value: 0 }),
    trackSelfDescribingEvent(
      tracker,
      {
        schema: LINK_CLICK,
        data: { targetUrl: 'https://x.example/', elementContent: 'Ünïcödé 😀' },
      },
      { context: [page], trueTimestamp: 1_700_000_000_000 },
    ),
    ...trackTransaction(tracker, {
      orderId: 'o-1',
      total: 35.5,
      tax: 2,
      currency: 'EUR',
      items: [
        { sku: 'a', price: 10, quantity: 2 },
        { sku: 'b', price: 15.5, quantity: 1, name: 'Bee' },
      ],
    }),
  ];
  return { emitter, ids, drops };
}

test.each([
  ['POST', false],
  ['POST', true],
  ['GET', true],
] as const)(
  'every core event type sent by %s (base64 %s) lands as good',
  async (method, encodeBase64) => {
    const { emitter, ids, drops } = trackAll(method, encodeBase64);
    const result = await emitter.flush({ timeoutMs: 10_000 });
    expect(drops).toEqual([]);
    expect(result).toMatchObject({ delivered: ids.length, dropped: 0, pending: 0 });
    expect(collector.bad().flatMap((b) => b.errors)).toEqual([]);
    expect(collector.all()).toEqual({ total: ids.length, good: ids.length, bad: 0 });
    const byId = new Map(collector.good().map((g) => [g.event['event_id'], g]));
    expect([...byId.keys()].sort()).toEqual([...ids].sort());
    const [pv, pp, se, ue, tr, ti1, ti2] = ids.map((id) => byId.get(id)!);
    expect(pv!.rawEvent.api.version).toBe(method === 'GET' ? 'tp1' : 'tp2');
    expect(pv!.event).toMatchObject({
      event: 'page_view',
      page_title: 'Product ✓',
      page_urlquery: 'x=1',
      refr_urlhost: 'ref.example',
      app_id: 'floe-e2e',
      name_tracker: 'e2e',
      platform: 'web',
    });
    expect(pv!.contexts).toEqual([WEB_PAGE]);
    expect(pp!.event).toMatchObject({
      event: 'page_ping',
      pp_xoffset_min: 0,
      pp_xoffset_max: 10,
      pp_yoffset_min: 0,
      pp_yoffset_max: 500,
    });
    expect(se!.event).toMatchObject({ event: 'struct', se_category: 'shop', se_value: 0 });
    expect(ue!.schema).toBe(LINK_CLICK);
    expect(ue!.event['unstruct_event']).toEqual({
      schema: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0',
      data: {
        schema: LINK_CLICK,
        data: { targetUrl: 'https://x.example/', elementContent: 'Ünïcödé 😀' },
      },
    });
    expect(ue!.event).toMatchObject({
      true_tstamp: '2023-11-14T22:13:20.000Z',
      derived_tstamp: '2023-11-14T22:13:20.000Z',
    });
    expect(ue!.rawEvent.parameters[encodeBase64 ? 'ue_px' : 'ue_pr']).toBeDefined();
    expect(tr!.event).toMatchObject({
      event: 'transaction',
      tr_orderid: 'o-1',
      tr_total: 35.5,
      tr_currency: 'EUR',
    });
    expect([ti1!.event['ti_sku'], ti2!.event['ti_name'], ti2!.event['ti_currency']]).toEqual([
      'a',
      'Bee',
      'EUR',
    ]);
    // stm is stamped per attempt, after dtm: derived_tstamp is collector time minus the queue time.
    expect(Date.parse(pv!.event['derived_tstamp'] as string)).toBeLessThanOrEqual(
      Date.parse(pv!.event['collector_tstamp'] as string),
    );
    await emitter.shutdown({ timeoutMs: 5000 });
  },
);

test('an anonymous emitter sends SP-Anonymous and gets the nil network id', async () => {
  const { emitter, ids } = trackAll('POST', false, { 'SP-Anonymous': '*' });
  await emitter.flush({ timeoutMs: 10_000 });
  const goods = collector.good();
  expect(goods).toHaveLength(ids.length);
  for (const g of goods)
    expect(g.event).toMatchObject({
      network_userid: '00000000-0000-0000-0000-000000000000',
      user_ipaddress: 'unknown',
    });
  await emitter.shutdown({ timeoutMs: 5000 });
});
