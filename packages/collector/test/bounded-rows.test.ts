// Bad input cannot balloon: messages per bad row, data reports per message and the size of any
// stored row are capped, and the UI feed is bounded in bytes (issue "Collector hardening").
import { type BadEvent, type Collector, startCollector } from '../src/index';
import { badRowIssues } from './helpers/bad-row-validator';
import { base, body, contexts, JSON_TYPE, PAYLOAD_DATA, post, WEB_PAGE } from './helpers/tp2';

const rowBytes = (row: unknown) => Buffer.byteLength(JSON.stringify(row));

interface FeedItem {
  seq: number;
  kind: string;
  value: unknown;
  valueBytes: number;
}

async function feed(url: string, query = ''): Promise<{ items: FeedItem[]; more: boolean }> {
  return (await (await fetch(`${url}/micro/ui/api/events${query}`)).json()) as {
    items: FeedItem[];
    more: boolean;
  };
}

function failureMessages(bad: BadEvent): Record<string, unknown>[] {
  return (bad.badRow.data.failure.messages ?? []) as unknown as Record<string, unknown>[];
}

describe('with the default limits', () => {
  let collector: Collector;
  beforeAll(async () => {
    collector = await startCollector({ port: 0 });
  });
  afterAll(() => collector.close());
  beforeEach(() => collector.reset());

  test('a 1 MB body of 90,000 bare events makes one bounded, schema-valid bad row', async () => {
    const payload = JSON.stringify({ schema: PAYLOAD_DATA, data: Array(90_000).fill({ e: 'pv' }) });
    expect(Buffer.byteLength(payload)).toBeLessThan(1_048_576);
    expect((await post(collector.url, payload)).status).toBe(200);
    const bad = collector.bad();
    expect(bad).toHaveLength(1);
    const row = bad[0]!;
    expect(badRowIssues(row.badRow)).toEqual([]);
    // Was 44 MB with 180,000 messages; the cap is 4 × maxPayloadSize.
    expect(rowBytes(row)).toBeLessThanOrEqual(4 * 1_048_576);
    // Whatever shape it took, the first violations and the count of the rest are readable.
    const text = JSON.stringify(row.badRow);
    expect(text).toContain('179900 more violations were left out');
    expect(text).toContain("/0: must have required property 'tv'");
  });

  test('an event failing in 300 places keeps 100 messages and counts the rest', async () => {
    const entity = { schema: WEB_PAGE, data: { id: 'not-a-uuid' } };
    const co = JSON.stringify(contexts(...Array(300).fill(entity)));
    await post(collector.url, body(base('pv', { url: 'https://a.example/', co })));
    const [bad] = collector.bad();
    expect(bad!.badRow.schema).toMatch(/schema_violations/);
    expect(badRowIssues(bad!.badRow)).toEqual([]);
    const messages = failureMessages(bad!);
    expect(messages).toHaveLength(101);
    expect(messages[100]).toEqual({
      field: 'messages',
      value: '200',
      error: '200 more failure messages were left out: a bad row keeps the first 100',
    });
    const { items } = await feed(collector.url);
    const incomplete = items.find((i) => i.kind === 'incomplete')!.value as {
      event: { derived_contexts: { data: unknown[] } };
    };
    expect(incomplete.event.derived_contexts.data).toHaveLength(100);
  });

  test('a valid event of a large request is stored whole, under the cap', async () => {
    const entity = { schema: WEB_PAGE, data: { id: 'a1a1a1a1-1111-4222-8333-444455556666' } };
    const co = JSON.stringify(contexts(...Array(5000).fill(entity)));
    const payload = body(base('pv', { url: 'https://a.example/', co }));
    expect(payload.length).toBeGreaterThan(512 * 1024);
    await post(collector.url, payload);
    expect(collector.bad()).toEqual([]);
    const [good] = collector.good();
    expect(good!.contexts).toHaveLength(5000);
    expect(rowBytes(good)).toBeLessThan(4 * 1_048_576);
  });
});

describe('with a small maxPayloadSize (row cap 400,000 bytes)', () => {
  let collector: Collector;
  beforeAll(async () => {
    collector = await startCollector({ port: 0, maxPayloadSize: 100_000 });
  });
  afterAll(() => collector.close());
  beforeEach(() => collector.reset());

  test('a bad row past the cap becomes the pipeline size_violation, keeping its reason', async () => {
    // Invalid JSON full of quotes: the body is repeated, escaped, in the bad row four times.
    const payload = `{"broken": ${'"'.repeat(99_000)}`;
    await post(collector.url, payload, { 'Content-Type': JSON_TYPE });
    const [bad] = collector.bad();
    expect(bad!.badRow.schema).toBe(
      'iglu:com.snowplowanalytics.snowplow.badrows/size_violation/jsonschema/1-0-0',
    );
    expect(badRowIssues(bad!.badRow)).toEqual([]);
    const failure = bad!.badRow.data.failure as Record<string, unknown>;
    expect(failure['maximumAllowedSizeBytes']).toBe(400_000);
    expect(failure['actualSizeBytes']).toBeGreaterThan(400_000);
    expect(failure['expectation']).toMatch(/a stored bad row must be at most 400000 bytes/);
    const cut = bad!.badRow.data.payload as string;
    expect(cut.length).toBeLessThanOrEqual(40_000);
    expect(
      cut.startsWith(
        '{"schema":"iglu:com.snowplowanalytics.snowplow.badrows/tracker_protocol_violations',
      ),
    ).toBe(true);
    expect(cut).toContain('"messages":[{"field":"body"');
    expect(rowBytes(bad)).toBeLessThan(400_000);
    expect(collector.good()).toEqual([]);
  });

  test('a per-event bad row past the cap becomes a size_violation; the incomplete event stays', async () => {
    // ue_pr that is not JSON: the value is repeated, escaped once or twice, in the bad row.
    await post(collector.url, body(base('ue', { ue_pr: '"'.repeat(45_000) })));
    const bad = collector.bad();
    expect(bad).toHaveLength(1);
    expect(bad[0]!.badRow.schema).toMatch(/size_violation/);
    expect(badRowIssues(bad[0]!.badRow)).toEqual([]);
    const cut = bad[0]!.badRow.data.payload as string;
    expect(cut).toContain('schema_violations');
    expect(cut).toContain('"field":"ue_pr"');
    const { items } = await feed(collector.url);
    expect(items.map((i) => i.kind)).toEqual(['incomplete', 'bad']);
    expect(items.every((i) => i.valueBytes <= 400_000)).toBe(true);
  });

  test('a batch repeats its body in per-event bad events only within one row budget', async () => {
    const events = Array.from({ length: 60 }, () =>
      base('pv', { vid: 'abc', page: 'y'.repeat(1000) }),
    );
    const payload = body(...events);
    await post(collector.url, payload);
    const bad = collector.bad();
    expect(bad).toHaveLength(60);
    const withBody = bad.filter((b) => b.collectorPayload.body !== null);
    expect(withBody.length).toBeGreaterThan(0);
    expect(withBody.length).toBeLessThan(60);
    expect(withBody.length * payload.length).toBeLessThanOrEqual(400_000);
    expect(withBody.every((b) => b.collectorPayload.body === payload)).toBe(true);
    // Request order: the first events of the request keep it.
    expect(bad.map((b) => b.collectorPayload.body !== null).indexOf(false)).toBe(withBody.length);
    for (const row of bad) expect(badRowIssues(row.badRow)).toEqual([]);
  });
});
