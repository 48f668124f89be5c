import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCollector } from '../src/index';
import { base, body, post, unstruct } from './helpers/tp2';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'floe-collector-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const pv = (url: string) => base('pv', { url });

test('a restart on the same database file keeps good, incomplete and bad events and their order', async () => {
  const file = join(dir, 'nested', 'collector.db');
  const first = await startCollector({ port: 0, storage: { file } });
  await post(first.url, body(pv('https://a.example/1'), pv('https://a.example/2')));
  await post(first.url, body({ ...pv('https://a.example/3'), vid: 'abc' }));
  await post(first.url, body(pv('https://a.example/4')));
  const before = { all: first.all(), good: first.good(), bad: first.bad() };
  expect(before.all).toEqual({ total: 4, good: 3, bad: 1 });
  await first.close();

  const second = await startCollector({ port: 0, storage: { file } });
  try {
    expect(second.all()).toEqual(before.all);
    expect(second.good()).toEqual(before.good);
    expect(second.bad()).toEqual(before.bad);
    expect(second.good().map((g) => g.event['page_url'])).toEqual([
      'https://a.example/4',
      'https://a.example/1',
      'https://a.example/2',
    ]);
    // New requests still list first after the restart.
    await post(second.url, body(pv('https://a.example/5')));
    expect(second.good({ limit: 1 })[0]!.event['page_url']).toBe('https://a.example/5');
    const feed = (await (await fetch(`${second.url}/micro/ui/api/events`)).json()) as {
      items: { kind: string }[];
      counts: unknown;
    };
    expect(feed.items.map((i) => i.kind)).toEqual([
      'good',
      'good',
      'incomplete',
      'bad',
      'good',
      'good',
    ]);
    expect(feed.counts).toEqual({ total: 5, good: 4, bad: 1, incomplete: 1 });
    expect(second.good({ event_type: 'page_view', contexts: [] })).toHaveLength(4);
    second.reset();
    expect(second.all()).toEqual({ total: 0, good: 0, bad: 0 });
  } finally {
    await second.close();
  }
  const third = await startCollector({ port: 0, storage: { file } });
  expect(third.all().total).toBe(0);
  await third.close();
});

test('memory and SQLite storage answer the same queries', async () => {
  const memory = await startCollector({ port: 0 });
  const sqlite = await startCollector({ port: 0, storage: { file: join(dir, 'same.db') } });
  try {
    for (const c of [memory, sqlite]) {
      await post(c.url, body(pv('https://a.example/1'), base('se', { se_ca: 'c', se_ac: 'a' })));
      await post(c.url, body({ ...pv('https://a.example/2'), aid: 'x'.repeat(300) }));
      await fetch(`${c.url}/com.acme/v1?e=pv`);
    }
    const strip = (value: unknown) =>
      JSON.parse(
        JSON.stringify(value)
          .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'id')
          .replace(/127\.0\.0\.1:\d+/g, 'host')
          .replace(/\d{4}-\d\d-\d\d[T ][\d:.]+Z?/g, 'time'),
      );
    expect(strip(sqlite.all())).toEqual(strip(memory.all()));
    for (const filter of [{}, { event_type: 'struct' }, { limit: 1 }]) {
      expect(strip(sqlite.good(filter))).toEqual(strip(memory.good(filter)));
    }
    for (const filter of [{}, { vendor: 'com.acme' }, { version: 'tp2', limit: 1 }]) {
      expect(strip(sqlite.bad(filter))).toEqual(strip(memory.bad(filter)));
    }
  } finally {
    await Promise.all([memory.close(), sqlite.close()]);
  }
});

test('maxEvents evicts the oldest requests and counts them', async () => {
  for (const storage of ['memory', { file: join(dir, 'capped.db') }] as const) {
    const c = await startCollector({ port: 0, maxEvents: 3, storage });
    try {
      for (let i = 1; i <= 5; i++) await post(c.url, body(pv(`https://a.example/${i}`)));
      expect(c.good().map((g) => g.event['page_url'])).toEqual([
        'https://a.example/5',
        'https://a.example/4',
        'https://a.example/3',
      ]);
      expect(c.all()).toEqual({ total: 3, good: 3, bad: 0 });
      expect(c.evicted()).toBe(2);
    } finally {
      await c.close();
    }
  }
});

test('an unopenable database is a CollectorError', async () => {
  const file = join(dir, 'file-not-dir');
  writeFileSync(file, 'x');
  await expect(
    startCollector({ port: 0, storage: { file: join(file, 'db.sqlite') } }),
  ).rejects.toMatchObject({ code: 'storage_failed' });
});

test("the user's schema folders come first, and a schema added while running is picked up", async () => {
  const uri = 'iglu:com.acme/checkout/jsonschema/1-0-0';
  const schemaDir = join(dir, 'schemas');
  const c = await startCollector({ port: 0, schemaDirs: [schemaDir] });
  try {
    const event = () => base('ue', { ue_pr: JSON.stringify(unstruct(uri, { total: 10 })) });
    await post(c.url, body(event()));
    expect(c.bad()).toHaveLength(1);
    mkdirSync(join(schemaDir, 'com.acme', 'checkout', 'jsonschema'), { recursive: true });
    writeFileSync(
      join(schemaDir, 'com.acme', 'checkout', 'jsonschema', '1-0-0'),
      JSON.stringify({
        $schema:
          'http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#',
        self: { vendor: 'com.acme', name: 'checkout', format: 'jsonschema', version: '1-0-0' },
        type: 'object',
        properties: { total: { type: 'number', minimum: 0 } },
        required: ['total'],
        additionalProperties: false,
      }),
    );
    await post(c.url, body(event()));
    expect(c.good().map((g) => g.schema)).toEqual([uri]);
    expect(c.schemaRoots[0]).toBe(schemaDir);
    const response = await fetch(`${c.url}/micro/iglu/com.acme/checkout/jsonschema/1-0-0`);
    expect(response.status).toBe(200);
  } finally {
    await c.close();
  }
});
