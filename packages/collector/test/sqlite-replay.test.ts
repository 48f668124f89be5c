import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CollectorApp,
  type CollectorOptions,
  type CollectorRequest,
  createCollectorApp,
} from '../src/index';
import {
  base,
  body,
  contexts,
  encode,
  JSON_TYPE,
  LINK_CLICK,
  query,
  unstruct,
  WEB_PAGE,
} from './helpers/tp2';

// SQLite keeps valid events as their parameters and rebuilds the rest on read by replaying the
// pipeline; this suite proves the rebuilt events are exactly what memory storage keeps.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'floe-replay-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function deterministic(): CollectorOptions {
  let t = Date.parse('2024-05-01T09:10:00.000Z');
  let n = 0;
  return {
    clock: () => (t += 7),
    idSource: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  };
}

const page = { schema: WEB_PAGE, data: { id: 'a1a1a1a1-1111-4222-8333-444455556666' } };
const tp2 = (payload: string, headers: [string, string][] = []): CollectorRequest => ({
  method: 'POST',
  target: '/com.snowplowanalytics.snowplow/tp2?lang=fr',
  headers: [
    ['Host', 'localhost:9090'],
    ['Content-Type', JSON_TYPE],
    ['User-Agent', 'UA/1'],
    ...headers,
  ],
  body: Buffer.from(payload),
  remoteAddress: '127.0.0.1',
});

function requests(): CollectorRequest[] {
  const { eid: _dropped, ...noEid } = base('se', {
    se_ca: 'c',
    se_ac: 'a',
    se_va: '0.30000000000000004',
  });
  return [
    tp2(
      body(
        base('pv', {
          url: 'https://a.example:8080/p?q=1#f',
          page: 'Pâge',
          refr: 'http://r.example/',
          res: '10x20',
          vp: '3x4',
          ds: '5x6',
          cookie: '0',
          f_pdf: '1',
          vid: '2',
          sid: 'c1c1c1c1-1111-4222-8333-444455556666',
          co: JSON.stringify(contexts(page)),
        }),
        base('pp', {
          url: 'https://a.example/',
          pp_mix: '0',
          pp_max: '5',
          pp_miy: '-3',
          pp_may: '9',
          ttm: '1700000000000',
        }),
        noEid,
        base('ue', {
          ue_px: encode(
            unstruct(LINK_CLICK, { targetUrl: 'https://t.example/', elementClasses: ['a', 'b'] }),
            true,
          ),
          cx: encode(contexts(page, page)),
        }),
        base('tr', { tr_id: 'o', tr_tt: '1.5', tr_cu: 'EUR' }),
        base('ti', { ti_id: 'o', ti_sk: 's', ti_pr: '1.5', ti_qu: '1', ti_na: 'legacy name' }),
        base('pv', {
          url: 'https://a.example/',
          tnuid: 'tracker-nuid',
          ip: '198.51.100.1',
          ua: 'Param UA',
        }),
      ),
      [
        ['X-Forwarded-For', '203.0.113.5'],
        ['Referer', 'https://ref.example/x'],
      ],
    ),
    tp2(body(base('se', { se_ca: 'c', se_ac: 'a' })), [
      ['SP-Anonymous', '*'],
      ['Cookie', 'sp=abc'],
    ]),
    tp2(
      body(
        base('pv', { vid: 'abc', url: 'https://a.example/' }),
        base('ue', { ue_pr: JSON.stringify(unstruct(LINK_CLICK, {})) }),
      ),
    ),
    {
      method: 'GET',
      target: `/i?${query(base('pv', { url: 'https://g.example/', nuid: 'query-nuid', cv: 'custom-collector' }))}`,
      headers: [['Host', 'x']],
      remoteAddress: '::ffff:127.0.0.1',
    },
    { method: 'GET', target: '/i?e=pv&url=%zz', headers: [], remoteAddress: '::1' },
    tp2('{not json'),
  ];
}

async function fill(options: CollectorOptions, batch: CollectorRequest[]): Promise<CollectorApp> {
  const app = await createCollectorApp({ ...deterministic(), ...options });
  for (const request of batch) app.ingest(request);
  return app;
}

test('events rebuilt from SQLite equal the memory copies exactly, also after reopening', async () => {
  const file = join(dir, 'replay.db');
  const batch = requests();
  const memory = await fill({}, batch);
  const sqlite = await fill({ storage: { file } }, batch);
  try {
    const expected = { all: memory.all(), good: memory.good(), bad: memory.bad() };
    expect(expected.all).toEqual({ total: 13, good: 9, bad: 4 });
    expect(JSON.stringify(sqlite.good())).toBe(JSON.stringify(expected.good));
    expect(JSON.stringify(sqlite.bad())).toBe(JSON.stringify(expected.bad));
    expect(sqlite.all()).toEqual(expected.all);
    for (const filter of [
      { event_type: 'page_view' },
      { contexts: [WEB_PAGE] },
      { schema: LINK_CLICK, limit: 1 },
    ]) {
      expect(JSON.stringify(sqlite.good(filter))).toBe(JSON.stringify(memory.good(filter)));
    }
    sqlite.close();
    const reopened = await createCollectorApp({ storage: { file } });
    expect(JSON.stringify(reopened.good())).toBe(JSON.stringify(expected.good));
    reopened.close();
  } finally {
    memory.close();
    sqlite.close();
  }
});
