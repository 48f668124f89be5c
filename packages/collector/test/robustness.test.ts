import fc from 'fast-check';
import {
  type CollectorApp,
  type CollectorRequest,
  createCollectorApp,
  startCollector,
} from '../src/index';
import { badRowIssues } from './helpers/bad-row-validator';
import { send } from './helpers/raw-http';
import {
  base,
  body,
  encode,
  JSON_TYPE,
  LINK_CLICK,
  PAYLOAD_DATA,
  post,
  unstruct,
} from './helpers/tp2';

const KEYS = [
  'e',
  'eid',
  'tv',
  'p',
  'aid',
  'dtm',
  'stm',
  'ttm',
  'vid',
  'sid',
  'res',
  'url',
  'refr',
  'se_va',
  'tr_tt',
  'ti_qu',
  'cookie',
  'ue_pr',
  'ue_px',
  'co',
  'cx',
  'tnuid',
  'ip',
  'ua',
  'duid',
];
const PATHS = [
  '/com.snowplowanalytics.snowplow/tp2',
  '/i',
  '/ice.png',
  '/com.acme/v1',
  '/com.snowplowanalytics.snowplow/tp1',
];

const sdj = fc.oneof(
  fc.record({
    schema: fc.constantFrom(LINK_CLICK, 'iglu:com.acme/x/jsonschema/1-0-0', 'iglu:bad', 'nope'),
    data: fc.jsonValue({ maxDepth: 3 }),
  }),
  fc.jsonValue({ maxDepth: 4 }),
);
const jsonParam = fc.oneof(
  sdj.map((inner) => JSON.stringify(unstruct(LINK_CLICK, inner))),
  sdj.map((inner) =>
    encode(unstruct(String((inner as { schema?: unknown })?.schema ?? ''), inner), true),
  ),
  fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    'pv',
    'ue',
    'se',
    'tr',
    'ti',
    'pp',
    'web',
    '1',
    '0',
    '-1',
    '1e400',
    '123x456',
    '1714557600000',
  ),
  jsonParam,
);
const event = fc.dictionary(
  fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })),
  value,
  { maxKeys: 12 },
);
const bodyBytes = fc.oneof(
  fc
    .array(event, { maxLength: 5 })
    .map((events) => Buffer.from(JSON.stringify({ schema: PAYLOAD_DATA, data: events }))),
  fc.jsonValue({ maxDepth: 6 }).map((v) => Buffer.from(JSON.stringify(v))),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
  fc
    .integer({ min: 35, max: 60 })
    .map((depth) => Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`)),
  fc.constant(Buffer.alloc(0)),
);
const queryText = fc.oneof(
  fc
    .array(fc.tuple(fc.constantFrom(...KEYS, 'nuid', 'x'), fc.string({ maxLength: 20 })), {
      maxLength: 6,
    })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')),
  fc.string({
    unit: fc.constantFrom('%', 'a', 'E', '0', '=', '&', '+', 'z', 'F', '9'),
    maxLength: 30,
  }),
  fc.constant(''),
);
const request: fc.Arbitrary<CollectorRequest> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'HEAD', 'post'),
  target: fc.tuple(fc.constantFrom(...PATHS), queryText).map(([p, q]) => (q ? `${p}?${q}` : p)),
  headers: fc.array(
    fc.oneof(
      fc.tuple(
        fc.constant('Content-Type'),
        fc.constantFrom(JSON_TYPE, 'application/json', 'text/plain', ''),
      ),
      fc.tuple(
        fc.constantFrom(
          'SP-Anonymous',
          'Cookie',
          'X-Forwarded-For',
          'User-Agent',
          'Referer',
          'Origin',
          'Host',
        ),
        fc.string({ maxLength: 40 }),
      ),
    ),
    { maxLength: 5 },
  ),
  body: bodyBytes,
  remoteAddress: fc.constantFrom('127.0.0.1', '::ffff:127.0.0.1', '::1', null),
});

let app: CollectorApp;
beforeAll(async () => {
  app = await createCollectorApp({ maxPayloadSize: 4096, dropPayloadSize: 8192 });
});
afterAll(() => app.close());

test('the pipeline never throws, always stores something, and every bad row validates (3,000 runs)', () => {
  fc.assert(
    fc.property(request, (req) => {
      app.reset();
      const result = app.ingest(req);
      const path = req.target.split('?')[0];
      if ((path === '/i' || path === '/ice.png') && req.method.toUpperCase() === 'POST') {
        expect(result).toMatchObject({ status: 404, good: 0, bad: 0 });
        return;
      }
      expect(result.status).toBe(200);
      expect(result.good + result.bad).toBeGreaterThan(0);
      expect(result.eventIds).toHaveLength(result.good);
      const bad = app.bad();
      expect(bad).toHaveLength(result.bad);
      for (const row of bad) {
        const issues = badRowIssues(row.badRow);
        if (issues.length > 0) throw new Error(`${row.badRow.schema}: ${JSON.stringify(issues)}`);
      }
      expect(app.all().total).toBe(app.good().length + bad.length);
    }),
    { numRuns: 3000, seed: 20240501 },
  );
});

describe('over HTTP', () => {
  test('malformed, oversized, deep and invalid-UTF-8 bodies never crash the server', async () => {
    const collector = await startCollector({ port: 0 });
    try {
      let deep = '';
      for (let i = 0; i < 100_000; i++) deep += '[';
      const cases: (string | Buffer)[] = [
        deep,
        `{"schema":"${PAYLOAD_DATA}","data":${'['.repeat(41)}${']'.repeat(41)}}`,
        Buffer.from([0xff, 0xfe, 0xfd]),
        Buffer.from([0xed, 0xa0, 0x80]),
        '{"schema":"x","data":[',
        'null',
        '"\\ud800"',
        body(base('ue', { ue_pr: '{"schema":' })),
        body(
          base('ue', {
            ue_px: encode({
              schema: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0',
              data: { schema: LINK_CLICK, data: null },
            }),
          }),
        ),
        Buffer.alloc(1_500_000, 0x7b),
      ];
      for (const payload of cases) {
        const res = await post(collector.url, payload);
        expect(res.status).toBe(200);
      }
      expect(collector.all()).toEqual({ total: cases.length, good: 0, bad: cases.length });
      expect((await fetch(`${collector.url}/health`)).status).toBe(200);
    } finally {
      await collector.close();
    }
  });

  test('a few hundred random requests over real sockets all get an answer', async () => {
    const collector = await startCollector({ port: 0 });
    try {
      await fc.assert(
        fc.asyncProperty(request, async (req) => {
          const headers: Record<string, string> = Object.fromEntries(
            req.headers.filter(([, v]) => /^[\x20-\x7e]*$/.test(v)),
          );
          const payload = Buffer.from(req.body ?? []);
          headers['Content-Length'] = String(payload.byteLength);
          const res = await send(collector.url, {
            method: req.method.toUpperCase(),
            path: req.target,
            headers,
            chunks: [payload],
          });
          expect([200, 404]).toContain(res.status);
        }),
        { numRuns: 300, seed: 7 },
      );
      expect((await fetch(`${collector.url}/health`)).status).toBe(200);
    } finally {
      await collector.close();
    }
  });
});
