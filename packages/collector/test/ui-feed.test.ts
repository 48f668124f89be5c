// The UI feed is bounded in bytes: large rows are left out and read in pages.
import { type Collector, startCollector } from '../src/index';
import { JSON_TYPE, post } from './helpers/tp2';

interface FeedItem {
  seq: number;
  kind: string;
  value: unknown;
  valueBytes: number;
  errors: string[];
}
interface Feed {
  lastSeq: number;
  items: FeedItem[];
  more: boolean;
}
interface ItemPage {
  seq: number;
  offset: number;
  text: string;
  nextOffset: number | null;
}

let collector: Collector;

beforeAll(async () => {
  collector = await startCollector({ port: 0, maxPayloadSize: 100_000 });
});
afterAll(() => collector.close());
beforeEach(() => collector.reset());

const getJson = async <T>(path: string): Promise<{ status: number; body: T; bytes: number }> => {
  const res = await fetch(`${collector.url}${path}`);
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as T, bytes: Buffer.byteLength(text) };
};

/** A request whose body is not JSON: its bad row repeats the body, escaped, about 14 times. */
const notJson = (quotes: number) =>
  post(collector.url, `{"x": ${'"'.repeat(quotes)}`, { 'Content-Type': JSON_TYPE });

test('rows over 128 KiB come without their value, and their JSON reads back in pages', async () => {
  await notJson(20_000);
  await notJson(10);
  const { body: feed } = await getJson<Feed>('/micro/ui/api/events');
  expect(feed.items.map((i) => i.kind)).toEqual(['bad', 'bad']);
  const [large, small] = feed.items;
  expect(large!.value).toBeNull();
  expect(large!.valueBytes).toBeGreaterThan(128 * 1024);
  expect(large!.errors[0]).toMatch(/body/);
  expect(small!.value).not.toBeNull();

  let text = '';
  let offset: number | null = 0;
  let pages = 0;
  while (offset !== null) {
    const page: { status: number; body: ItemPage; bytes: number } = await getJson<ItemPage>(
      `/micro/ui/api/item?seq=${large!.seq}&offset=${offset}`,
    );
    expect(page.status).toBe(200);
    expect(page.body.offset).toBe(offset);
    expect(page.body.text.length).toBeLessThanOrEqual(256 * 1024);
    text += page.body.text;
    offset = page.body.nextOffset;
    pages++;
  }
  expect(pages).toBeGreaterThan(1);
  // Request order within the listing is newest request first: the large row is the older one.
  expect(JSON.parse(text)).toEqual(collector.bad()[1]);

  const missing = await getJson<{ error: string }>('/micro/ui/api/item?seq=999999');
  expect(missing.status).toBe(404);
});

test('one feed answer stops at about 2 MiB and says there is more', async () => {
  for (let i = 0; i < 30; i++) await notJson(7_000);
  const first = await getJson<Feed>('/micro/ui/api/events?limit=1000');
  expect(first.body.items.every((i) => i.value !== null)).toBe(true);
  expect(first.body.more).toBe(true);
  expect(first.body.items.length).toBeGreaterThan(1);
  expect(first.body.items.length).toBeLessThan(30);
  expect(first.bytes).toBeLessThan(3 * 1024 * 1024);
  const last = first.body.items.at(-1)!.seq;
  const rest = await getJson<Feed>(`/micro/ui/api/events?limit=1000&after=${last}`);
  const seqs = [...first.body.items, ...rest.body.items].map((i) => i.seq);
  expect(new Set(seqs).size).toBe(seqs.length);
  let after = rest.body.items.at(-1)!.seq;
  let more = rest.body.more;
  let total = seqs.length;
  while (more) {
    const next = await getJson<Feed>(`/micro/ui/api/events?limit=1000&after=${after}`);
    total += next.body.items.length;
    after = next.body.items.at(-1)!.seq;
    more = next.body.more;
  }
  expect(total).toBe(30);
});

test('the feed without `after` lists the newest items, and `limit` still applies', async () => {
  for (let i = 0; i < 5; i++) await notJson(10);
  const all = await getJson<Feed>('/micro/ui/api/events');
  expect(all.body.items).toHaveLength(5);
  expect(all.body.more).toBe(false);
  const newest = await getJson<Feed>('/micro/ui/api/events?limit=2');
  expect(newest.body.items.map((i) => i.seq)).toEqual(all.body.items.slice(3).map((i) => i.seq));
  expect(newest.body.more).toBe(false);
  const paged = await getJson<Feed>(`/micro/ui/api/events?limit=2&after=${all.body.items[0]!.seq}`);
  expect(paged.body.items.map((i) => i.seq)).toEqual(all.body.items.slice(1, 3).map((i) => i.seq));
  expect(paged.body.more).toBe(true);
});
