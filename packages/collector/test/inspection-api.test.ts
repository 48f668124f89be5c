import { type Collector, type GoodEvent, startCollector } from '../src/index';
import {
  base,
  body,
  contexts,
  JSON_TYPE,
  LINK_CLICK,
  post,
  unstruct,
  WEB_PAGE,
} from './helpers/tp2';

let collector: Collector;

beforeAll(async () => {
  collector = await startCollector({ port: 0 });
});
afterAll(() => collector.close());
beforeEach(() => collector.reset());

async function api(
  path: string,
  init?: RequestInit,
): Promise<{ status: number; type: string | null; json: unknown; text: string }> {
  const res = await fetch(`${collector.url}${path}`, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, type: res.headers.get('content-type'), json, text };
}

const filter = (path: string, value: unknown) =>
  api(path, { method: 'POST', body: typeof value === 'string' ? value : JSON.stringify(value) });
const page = { schema: WEB_PAGE, data: { id: 'a1a1a1a1-1111-4222-8333-444455556666' } };
const session = {
  schema: 'iglu:com.snowplowanalytics.snowplow/client_session/jsonschema/1-0-2',
  data: {
    userId: 'b1b1b1b1-1111-4222-8333-444455556666',
    sessionId: 'c1c1c1c1-1111-4222-8333-444455556666',
    sessionIndex: 1,
    previousSessionId: null,
    storageMechanism: 'COOKIE_1',
  },
};

/** Three requests: [pv+web_page, se], [link_click+web_page+session], [bad atomic]. */
async function seed(): Promise<void> {
  await post(
    collector.url,
    body(
      base('pv', { url: 'https://a.example/', co: JSON.stringify(contexts(page)) }),
      base('se', { se_ca: 'c', se_ac: 'a' }),
    ),
  );
  await post(
    collector.url,
    body(
      base('ue', {
        ue_pr: JSON.stringify(unstruct(LINK_CLICK, { targetUrl: 'https://b.example/' })),
        co: JSON.stringify(contexts(page, session)),
      }),
    ),
  );
  await post(collector.url, body(base('pv', { url: 'https://a.example/', vid: 'abc' })));
  await fetch(`${collector.url}/com.acme/v9`, {
    method: 'POST',
    headers: { 'Content-Type': JSON_TYPE },
    body: '{}',
  });
}

const types = (events: unknown) => (events as GoodEvent[]).map((e) => e.eventType);

test('/micro/all counts good (without incomplete) and bad, GET and POST', async () => {
  await seed();
  const all = await api('/micro/all');
  expect(all.type).toBe('application/json');
  expect(all.json).toEqual({ total: 5, good: 3, bad: 2 });
  expect((await api('/micro/all', { method: 'POST' })).json).toEqual({ total: 5, good: 3, bad: 2 });
  expect(collector.all()).toEqual({ total: 5, good: 3, bad: 2 });
});

test('/micro/good lists newest request first, request order within a request', async () => {
  await seed();
  expect(types((await api('/micro/good')).json)).toEqual(['unstruct', 'page_view', 'struct']);
  expect(types(collector.good())).toEqual(['unstruct', 'page_view', 'struct']);
});

test('/micro/good filters: event_type, schema, contexts, limit, combined', async () => {
  await seed();
  expect(types((await filter('/micro/good', { event_type: 'struct' })).json)).toEqual(['struct']);
  expect(types((await filter('/micro/good', { schema: LINK_CLICK })).json)).toEqual(['unstruct']);
  expect(
    types(
      (
        await filter('/micro/good', {
          schema: 'iglu:com.snowplowanalytics.snowplow/page_view/jsonschema/1-0-0',
        })
      ).json,
    ),
  ).toEqual(['page_view']);
  expect(types((await filter('/micro/good', { contexts: [WEB_PAGE] })).json)).toEqual([
    'unstruct',
    'page_view',
  ]);
  expect(
    types((await filter('/micro/good', { contexts: [WEB_PAGE, session.schema] })).json),
  ).toEqual(['unstruct']);
  expect(types((await filter('/micro/good', { limit: 2 })).json)).toEqual([
    'unstruct',
    'page_view',
  ]);
  expect(
    types(
      (await filter('/micro/good', { event_type: 'page_view', contexts: [WEB_PAGE], limit: 5 }))
        .json,
    ),
  ).toEqual(['page_view']);
  expect(types((await filter('/micro/good', {})).json)).toHaveLength(3);
  expect(types((await filter('/micro/good', '')).json)).toHaveLength(3);
  expect(types(collector.good({ event_type: 'struct', limit: 1 }))).toEqual(['struct']);
});

test('/micro/bad lists and filters by vendor, version and limit', async () => {
  await seed();
  const all = (await api('/micro/bad')).json as { collectorPayload: { api: { vendor: string } } }[];
  expect(all.map((b) => b.collectorPayload.api.vendor)).toEqual([
    'com.acme',
    'com.snowplowanalytics.snowplow',
  ]);
  expect((await filter('/micro/bad', { vendor: 'com.acme' })).json).toHaveLength(1);
  expect((await filter('/micro/bad', { version: 'tp2' })).json).toHaveLength(1);
  expect((await filter('/micro/bad', { vendor: 'com.acme', version: 'tp2' })).json).toHaveLength(0);
  expect((await filter('/micro/bad', { limit: 1 })).json).toHaveLength(1);
  expect(collector.bad({ version: 'v9' })).toHaveLength(1);
});

test('unparsable or mistyped filters answer 400 with a message', async () => {
  for (const [path, value] of [
    ['/micro/good', '{not json'],
    ['/micro/good', '[1]'],
    ['/micro/good', { limit: 0 }],
    ['/micro/good', { limit: 1.5 }],
    ['/micro/good', { contexts: 'x' }],
    ['/micro/good', { event_type: 3 }],
    ['/micro/bad', { vendor: false }],
    ['/micro/bad', { limit: -1 }],
  ] as const) {
    const res = await filter(path, value);
    expect([path, res.status]).toEqual([path, 400]);
    expect((res.json as { error: string }).error).toEqual(expect.any(String));
  }
});

test('/micro/reset clears good and bad', async () => {
  await seed();
  const res = await api('/micro/reset');
  expect(res.status).toBe(200);
  expect(res.type).toMatch(/^text\/plain/);
  expect(res.text).toBe('Reset completed');
  expect(collector.all()).toEqual({ total: 0, good: 0, bad: 0 });
  await seed();
  expect((await api('/micro/reset', { method: 'POST' })).text).toBe('Reset completed');
  expect((await api('/micro/good')).json).toEqual([]);
});

test('/micro/iglu serves resolved schemas, 404 with the resolution error or a format hint', async () => {
  const ok = await api('/micro/iglu/com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1');
  expect(ok.status).toBe(200);
  expect(ok.type).toBe('application/json');
  expect((ok.json as { self: unknown }).self).toEqual({
    vendor: 'com.snowplowanalytics.snowplow',
    name: 'link_click',
    format: 'jsonschema',
    version: '1-0-1',
  });
  const missing = await api('/micro/iglu/com.acme/nope/jsonschema/1-0-0');
  expect(missing.status).toBe(404);
  expect(missing.json).toMatchObject({
    uri: 'iglu:com.acme/nope/jsonschema/1-0-0',
    tried: expect.arrayContaining([expect.stringContaining('com.acme')]),
  });
  const malformed = await api('/micro/iglu/com.acme/nope/jsonschema/1-0');
  expect(malformed.status).toBe(404);
  expect((malformed.json as { hint: string }).hint).toMatch(/model.*revision.*addition/);
  expect(collector.schema(LINK_CLICK)).toMatchObject({ self: { name: 'link_click' } });
});

test('unknown /micro/* answers 404 listing the endpoints', async () => {
  for (const path of ['/micro/events', '/micro/columns', '/micro', '/micro/good/extra']) {
    const res = await api(path);
    expect(res.status).toBe(404);
    expect((res.json as { endpoints: string[] }).endpoints).toEqual(
      expect.arrayContaining(['GET /micro/good', 'GET|POST /micro/reset']),
    );
  }
});

test('results are visible as soon as the tracker request completes (commit before response)', async () => {
  for (let i = 0; i < 20; i++) {
    await post(collector.url, body(base('se', { se_ca: 'c', se_ac: String(i) })));
    expect(collector.all().good).toBe(i + 1);
  }
});

test('reads return copies: mutating a result does not change the store', async () => {
  await seed();
  const first = collector.good()[0]! as { eventType: string | null };
  first.eventType = 'changed';
  expect(collector.good()[0]!.eventType).toBe('unstruct');
});
