import { type Collector, type GoodEvent, startCollector } from '../src/index';
import {
  base,
  body,
  contexts,
  encode,
  LINK_CLICK,
  pixel,
  post,
  unstruct,
  WEB_PAGE,
} from './helpers/tp2';

let collector: Collector;
const T0 = Date.parse('2024-05-01T09:10:00.000Z');

beforeAll(async () => {
  collector = await startCollector({ port: 0, clock: () => T0 });
});
afterAll(() => collector.close());
beforeEach(() => collector.reset());

const click = { targetUrl: 'https://example.com/a', elementId: 'cta' };
const page = { schema: WEB_PAGE, data: { id: '2d6e4b3c-4a55-4c4e-8f8e-1f0b9a0f3a11' } };

function only(events: GoodEvent[]): GoodEvent {
  expect(events).toHaveLength(1);
  return events[0]!;
}

describe('POST tp2: every event type lands as good', () => {
  test('page view, with all enriched fields, an entity and the Micro shape', async () => {
    const event = base('pv', {
      url: 'https://shop.example.com:8443/products/1?ref=mail#top',
      page: 'Product 1',
      refr: 'https://www.google.com/search?q=shoes',
      co: JSON.stringify(contexts(page)),
      res: '1920x1080',
      vp: '1200x800',
      cookie: '1',
      vid: '3',
      sid: '0f6b7c3e-9d2a-4a51-9b1e-2f0c4b1a7d55',
      uid: 'user-1',
      tz: 'Europe/London',
    });
    const res = await post(collector.url, body(event));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('ok');
    expect(collector.all()).toEqual({ total: 1, good: 1, bad: 0 });
    const good = only(collector.good());
    expect(good.incomplete).toBe(false);
    expect(good.eventType).toBe('page_view');
    expect(good.schema).toBe('iglu:com.snowplowanalytics.snowplow/page_view/jsonschema/1-0-0');
    expect(good.contexts).toEqual([WEB_PAGE]);
    expect(good.rawEvent.api).toEqual({ vendor: 'com.snowplowanalytics.snowplow', version: 'tp2' });
    expect(good.rawEvent.parameters).toEqual(event);
    expect(good.rawEvent.contentType).toBe('application/json; charset=UTF-8');
    expect(good.rawEvent.source.name).toMatch(/^floe-local-collector-\d+\.\d+\.\d+/);
    expect(good.rawEvent.context.timestamp).toBe('2024-05-01T09:10:00.000Z');
    expect(good.rawEvent.context.headers).toContainEqual(
      'Content-Type: application/json; charset=UTF-8',
    );
    const e = good.event;
    expect(Object.keys(e)).toHaveLength(131);
    expect(e).toMatchObject({
      app_id: 'app',
      platform: 'web',
      event: 'page_view',
      event_id: event.eid,
      name_tracker: 'test',
      v_tracker: 'floe-core-0.1.0',
      user_id: 'user-1',
      user_ipaddress: '127.0.0.1',
      domain_sessionidx: 3,
      domain_sessionid: event.sid,
      page_url: event.url,
      page_title: 'Product 1',
      page_urlscheme: 'https',
      page_urlhost: 'shop.example.com',
      page_urlport: 8443,
      page_urlpath: '/products/1',
      page_urlquery: 'ref=mail',
      page_urlfragment: 'top',
      refr_urlhost: 'www.google.com',
      refr_urlport: 443,
      refr_urlpath: '/search',
      refr_urlquery: 'q=shoes',
      refr_urlfragment: null,
      dvce_screenwidth: 1920,
      dvce_screenheight: 1080,
      br_viewwidth: 1200,
      br_viewheight: 800,
      br_cookies: true,
      os_timezone: 'Europe/London',
      collector_tstamp: '2024-05-01T09:10:00.000Z',
      etl_tstamp: '2024-05-01T09:10:00.000Z',
      dvce_created_tstamp: '2024-05-01T10:00:00.000Z',
      dvce_sent_tstamp: '2024-05-01T10:00:00.100Z',
      derived_tstamp: '2024-05-01T09:09:59.900Z',
      true_tstamp: null,
      event_vendor: 'com.snowplowanalytics.snowplow',
      event_name: 'page_view',
      event_format: 'jsonschema',
      event_version: '1-0-0',
      unstruct_event: null,
      derived_contexts: {},
      geo_country: null,
      br_name: null,
    });
    expect(e['contexts']).toEqual({
      schema: 'iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-0',
      data: [page],
    });
    expect(e['network_userid']).toBe(good.rawEvent.context.userId);
    expect(e['v_collector']).toBe(good.rawEvent.source.name);
  });

  test('page ping keeps zero offsets as integers', async () => {
    await post(
      collector.url,
      body(
        base('pp', {
          url: 'https://a.example/',
          pp_mix: '0',
          pp_max: '10',
          pp_miy: '0',
          pp_may: '250',
        }),
      ),
    );
    const e = only(collector.good({ event_type: 'page_ping' })).event;
    expect([
      e['pp_xoffset_min'],
      e['pp_xoffset_max'],
      e['pp_yoffset_min'],
      e['pp_yoffset_max'],
    ]).toEqual([0, 10, 0, 250]);
  });

  test('structured event', async () => {
    await post(
      collector.url,
      body(
        base('se', { se_ca: 'shop', se_ac: 'add', se_la: 'sku-1', se_pr: 'red', se_va: '7.99' }),
      ),
    );
    const good = only(collector.good());
    expect(good.schema).toBe('iglu:com.google.analytics/event/jsonschema/1-0-0');
    expect(good.event).toMatchObject({
      event: 'struct',
      se_category: 'shop',
      se_action: 'add',
      se_label: 'sku-1',
      se_property: 'red',
      se_value: 7.99,
      event_vendor: 'com.google.analytics',
      event_name: 'event',
    });
  });

  test.each([
    ['ue_pr', (v: unknown) => JSON.stringify(v)],
    ['ue_px unpadded', (v: unknown) => encode(v, false)],
    ['ue_px padded', (v: unknown) => encode(v, true)],
  ])('self-describing event via %s, with base64 entities', async (label, enc) => {
    const key = label.startsWith('ue_pr') ? 'ue_pr' : 'ue_px';
    // A 2-byte remainder needs padding, so the padded and unpadded forms really differ.
    let content = 'Buy ✓ now';
    while (!encode(unstruct(LINK_CLICK, { ...click, elementContent: content }), true).endsWith('='))
      content += '!';
    const data = { ...click, elementContent: content };
    const event = base('ue', {
      [key]: enc(unstruct(LINK_CLICK, data)),
      cx: encode(contexts(page), label.endsWith('padded') && !label.includes('unpadded')),
    });
    if (label === 'ue_px padded') expect(event.ue_px).toMatch(/=$/);
    if (label === 'ue_px unpadded') expect(event.ue_px).not.toMatch(/=/);
    await post(collector.url, body(event));
    const good = only(collector.good());
    expect(good.eventType).toBe('unstruct');
    expect(good.schema).toBe(LINK_CLICK);
    expect(good.contexts).toEqual([WEB_PAGE]);
    expect(good.rawEvent.parameters[key]).toBe(event[key]);
    expect(good.event['unstruct_event']).toEqual({
      schema: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0',
      data: { schema: LINK_CLICK, data },
    });
    expect(good.event).toMatchObject({
      event_vendor: 'com.snowplowanalytics.snowplow',
      event_name: 'link_click',
      event_format: 'jsonschema',
      event_version: '1-0-1',
    });
  });

  test('transaction and items from one batch keep their order', async () => {
    const tr = base('tr', {
      tr_id: 'o-1',
      tr_tt: '35',
      tr_tx: '2.5',
      tr_sh: '0',
      tr_cu: 'EUR',
      tr_af: 'web',
      tr_ci: 'Paris',
      tr_st: 'IDF',
      tr_co: 'FR',
    });
    const ti1 = base('ti', {
      ti_id: 'o-1',
      ti_sk: 'a',
      ti_nm: 'Alpha',
      ti_ca: 'cat',
      ti_pr: '10',
      ti_qu: '2',
      ti_cu: 'EUR',
    });
    const ti2 = base('ti', { ti_id: 'o-1', ti_sk: 'b', ti_pr: '12.5', ti_qu: '1' });
    await post(collector.url, body(tr, ti1, ti2));
    const goods = collector.good();
    expect(goods.map((g) => g.event['event_id'])).toEqual([tr.eid, ti1.eid, ti2.eid]);
    expect(goods[0]!.event).toMatchObject({
      event: 'transaction',
      tr_orderid: 'o-1',
      tr_total: 35,
      tr_tax: 2.5,
      tr_shipping: 0,
      tr_currency: 'EUR',
      tr_city: 'Paris',
    });
    expect(goods[1]!.event).toMatchObject({
      event: 'transaction_item',
      ti_orderid: 'o-1',
      ti_sku: 'a',
      ti_name: 'Alpha',
      ti_price: 10,
      ti_quantity: 2,
      ti_currency: 'EUR',
    });
    expect(goods.map((g) => g.schema)).toEqual([
      'iglu:com.snowplowanalytics.snowplow/transaction/jsonschema/1-0-0',
      'iglu:com.snowplowanalytics.snowplow/transaction_item/jsonschema/1-0-0',
      'iglu:com.snowplowanalytics.snowplow/transaction_item/jsonschema/1-0-0',
    ]);
  });

  test('query parameters are merged into every event and override the body', async () => {
    const a = base('pv', { url: 'https://a.example/', aid: 'body-app' });
    const b = base('se', { se_ca: 'c', se_ac: 'a' });
    await post(
      collector.url,
      body(a, b),
      undefined,
      '/com.snowplowanalytics.snowplow/tp2?aid=query-app&lang=fr',
    );
    const goods = collector.good();
    expect(goods.map((g) => [g.event['app_id'], g.event['br_lang']])).toEqual([
      ['query-app', 'fr'],
      ['query-app', 'fr'],
    ]);
    expect(goods[0]!.rawEvent.parameters['aid']).toBe('query-app');
  });
});

describe('GET requests', () => {
  test('/i is tp1 and answers the 43-byte GIF', async () => {
    const event = base('ue', {
      ue_px: encode(unstruct(LINK_CLICK, click)),
      cx: encode(contexts(page)),
    });
    const res = await pixel(collector.url, event);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/gif');
    expect(res.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
    expect((await res.arrayBuffer()).byteLength).toBe(43);
    const good = only(collector.good());
    expect(good.rawEvent.api).toEqual({ vendor: 'com.snowplowanalytics.snowplow', version: 'tp1' });
    expect(good.rawEvent.contentType).toBeNull();
    expect(good.schema).toBe(LINK_CLICK);
    expect(good.rawEvent.parameters).toEqual(event);
  });

  test('GET tp2, /ice.png and HEAD are pixels too', async () => {
    await pixel(
      collector.url,
      base('pv', { url: 'https://a.example/' }),
      '/com.snowplowanalytics.snowplow/tp2',
    );
    await pixel(collector.url, base('pv', { url: 'https://b.example/' }), '/ice.png');
    const head = await fetch(`${collector.url}/i?e=pv&tv=t&p=web&url=https%3A%2F%2Fc.example%2F`, {
      method: 'HEAD',
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('43');
    expect(collector.good().map((g) => [g.rawEvent.api.version, g.event['page_urlhost']])).toEqual([
      ['tp1', 'c.example'],
      ['tp1', 'b.example'],
      ['tp2', 'a.example'],
    ]);
  });

  test('+ decodes as a space and percent-escapes as UTF-8', async () => {
    await fetch(`${collector.url}/i?e=se&tv=t&p=web&se_ca=a+b&se_ac=%C3%A9t%C3%A9%2B`);
    expect(only(collector.good()).event).toMatchObject({ se_category: 'a b', se_action: 'été+' });
  });
});

describe('enrichment rules', () => {
  test('derived_tstamp: the §9 worked example with an injected clock', async () => {
    const created = Date.parse('2024-05-01T10:00:00.000Z');
    const sent = Date.parse('2024-05-01T10:05:00.000Z');
    await post(
      collector.url,
      body(base('pv', { url: 'https://a.example/', dtm: String(created), stm: String(sent) })),
    );
    expect(only(collector.good()).event['derived_tstamp']).toBe('2024-05-01T09:05:00.000Z');
  });

  test('derived_tstamp: the true timestamp wins, and created ≥ sent falls back to collector time', async () => {
    await post(
      collector.url,
      body(
        base('pv', { url: 'https://a.example/', ttm: '1700000000123' }),
        base('pv', { url: 'https://a.example/', dtm: '1714557600000', stm: '1714557600000' }),
      ),
    );
    expect(collector.good().map((g) => g.event['derived_tstamp'])).toEqual([
      '2023-11-14T22:13:20.123Z',
      '2024-05-01T09:10:00.000Z',
    ]);
  });

  test('network_userid: tnuid > nuid > the collector choice; ip, ua and X-Forwarded-For', async () => {
    const headers = {
      'Content-Type': 'application/json',
      'X-Forwarded-For': '203.0.113.9, 10.0.0.1',
      'User-Agent': 'UA/1.0',
    };
    await post(
      collector.url,
      body(
        base('pv', { url: 'https://a.example/', tnuid: 't-id', nuid: 'n-id' }),
        base('pv', { url: 'https://a.example/', nuid: 'n-id', ip: '198.51.100.7', ua: 'Param-UA' }),
        base('pv', { url: 'https://a.example/' }),
      ),
      headers,
    );
    const [first, second, third] = collector.good().map((g) => g.event);
    expect(first).toMatchObject({
      network_userid: 't-id',
      user_ipaddress: '203.0.113.9',
      useragent: 'UA/1.0',
    });
    expect(second).toMatchObject({
      network_userid: 'n-id',
      user_ipaddress: '198.51.100.7',
      useragent: 'Param-UA',
    });
    expect(third!['network_userid']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('page_url falls back to the Referer header', async () => {
    await post(collector.url, body(base('se', { se_ca: 'c', se_ac: 'a' })), {
      'Content-Type': 'application/json',
      Referer: 'http://ref.example/x?y=1',
    });
    expect(only(collector.good()).event).toMatchObject({
      page_url: 'http://ref.example/x?y=1',
      page_urlport: 80,
      page_urlquery: 'y=1',
    });
  });

  test('a missing eid is generated from the id source', async () => {
    let n = 0;
    const ids = await startCollector({
      port: 0,
      idSource: () => `00000000-0000-4000-8000-00000000000${n++}`,
    });
    try {
      const { eid: _eid, ...event } = base('pv', { url: 'https://a.example/' });
      await post(ids.url, body(event));
      const good = only(ids.good());
      expect(good.rawEvent.context.userId).toBe('00000000-0000-4000-8000-000000000000');
      expect(good.event['event_id']).toBe('00000000-0000-4000-8000-000000000001');
    } finally {
      await ids.close();
    }
  });
});
