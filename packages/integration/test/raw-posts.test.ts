// Raw HTTP requests against the embedded collector for the payload rows of reliability.md §5.4 whose
// outcome is the collector's (D2, D5, D12, D13, D14): exact bytes and headers in, status and
// Micro-visible good/bad rows out.
import { badRowErrors } from '@floe/example-demo';
import {
  microAll,
  microBad,
  microGood,
  microReset,
  postRaw,
  startTestCollector,
  type TestCollector,
  TP2_CONTENT_TYPE,
  TP2_PATH,
  tp2Body,
  tp2Event,
} from '../src';

let collector: TestCollector;
let tp2Url: string;

beforeAll(async () => {
  collector = await startTestCollector();
  tp2Url = collector.url + TP2_PATH;
});
afterAll(() => collector.close());
beforeEach(() => microReset(base()));

const base = () => collector.url; // no trailing slash

/**
 * A valid tp2 body of exactly `size` bytes: page views whose titles (at most 2,000 characters, the
 * atomic limit) pad it, so that a body at the limit is all good events. Sizes are summed per event
 * rather than re-serialising the growing body.
 */
function bodyOfSize(size: number): string {
  const envelope = Buffer.byteLength(tp2Body([]));
  const events: string[] = [];
  let bytes = envelope;
  for (;;) {
    const last = tp2Event({ page: '' });
    const separator = events.length > 0 ? 1 : 0;
    const remaining = size - bytes - separator - Buffer.byteLength(JSON.stringify(last));
    if (remaining <= 2000) {
      events.push(JSON.stringify({ ...last, page: 'x'.repeat(remaining) }));
      const body = tp2Body([]).replace('[]', `[${events.join(',')}]`);
      expect(Buffer.byteLength(body)).toBe(size);
      return body;
    }
    const event = JSON.stringify(tp2Event({ page: 'x'.repeat(1500) }));
    bytes += separator + Buffer.byteLength(event);
    events.push(event);
  }
}

describe('D2: oversize POST bodies', () => {
  test('1,048,577 B gets 200 and one size_violation bad row, no good event', async () => {
    const response = await postRaw(tp2Url, bodyOfSize(1_048_577), {
      'Content-Type': TP2_CONTENT_TYPE,
    });
    expect(response.status).toBe(200);
    expect(await microAll(base())).toEqual({ total: 1, good: 0, bad: 1 });
    const [bad] = await microBad(base());
    const [error] = badRowErrors(bad!);
    expect(error?.type).toBe('size_violation');
    const row = JSON.parse(bad!.errors.find((line) => line.startsWith('{')) ?? '{}');
    expect(row.data.failure.actualSizeBytes).toBe(1_048_577);
    expect(row.data.failure.maximumAllowedSizeBytes).toBe(1_048_576);
  });

  test('1,048,576 B (the limit itself) is processed normally', async () => {
    const body = bodyOfSize(1_048_576);
    const events = (JSON.parse(body) as { data: unknown[] }).data.length;
    const response = await postRaw(tp2Url, body, { 'Content-Type': TP2_CONTENT_TYPE });
    expect(response.status).toBe(200);
    expect(await microAll(base())).toEqual({ total: events, good: events, bad: 0 });
  });

  test('2,097,153 B gets 413 and nothing is stored', async () => {
    const response = await postRaw(tp2Url, bodyOfSize(2_097_153), {
      'Content-Type': TP2_CONTENT_TYPE,
    });
    expect(response.status).toBe(413);
    expect(await microAll(base())).toEqual({ total: 0, good: 0, bad: 0 });
  });
});

describe('D5: invalid UTF-8', () => {
  test('raw invalid bytes get 200 and a tracker_protocol_violations bad row; the server lives on', async () => {
    const valid = Buffer.from(tp2Body([tp2Event({ page: 'PLACEHOLDER' })]), 'utf8');
    const at = valid.indexOf('PLACEHOLDER');
    // 0xC3 0x28 is an invalid two-byte sequence; 0xFF never occurs in UTF-8.
    const invalid = Buffer.concat([
      valid.subarray(0, at),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
      valid.subarray(at + 'PLACEHOLDER'.length),
    ]);
    const response = await postRaw(tp2Url, invalid, { 'Content-Type': TP2_CONTENT_TYPE });
    expect(response.status).toBe(200);
    expect(await microAll(base())).toEqual({ total: 1, good: 0, bad: 1 });
    const [bad] = await microBad(base());
    expect(bad?.rawEvent).toBeNull();
    expect(badRowErrors(bad!)[0]?.type).toBe('tracker_protocol_violations');
    // Still serving: a valid request right after is good.
    const next = await postRaw(tp2Url, tp2Body([tp2Event()]), { 'Content-Type': TP2_CONTENT_TYPE });
    expect(next.status).toBe(200);
    expect((await microAll(base())).good).toBe(1);
  });
});

describe('D12: JSON nested deeper than 40', () => {
  const nested = (depth: number): unknown => (depth <= 1 ? {} : { a: nested(depth - 1) });

  test('a body nested past the limit is a tracker_protocol_violations bad row', async () => {
    const body = JSON.stringify({
      schema: 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4',
      data: [{ ...tp2Event(), deep: nested(45) }],
    });
    const response = await postRaw(tp2Url, body, { 'Content-Type': TP2_CONTENT_TYPE });
    expect(response.status).toBe(200);
    expect(await microAll(base())).toEqual({ total: 1, good: 0, bad: 1 });
    const [bad] = await microBad(base());
    expect(badRowErrors(bad!)[0]?.type).toBe('tracker_protocol_violations');
  });

  test('a self-describing event nested past the limit is a schema_violations bad row', async () => {
    const ue = JSON.stringify({
      schema: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0',
      data: { schema: 'iglu:com.example_company/save-game/jsonschema/1-0-0', data: nested(45) },
    });
    const event = tp2Event({ e: 'ue', ue_pr: ue });
    const response = await postRaw(tp2Url, tp2Body([event]), { 'Content-Type': TP2_CONTENT_TYPE });
    expect(response.status).toBe(200);
    expect(await microAll(base())).toEqual({ total: 1, good: 0, bad: 1 });
    const [bad] = await microBad(base());
    expect(bad?.rawEvent?.parameters.eid).toBe(event.eid);
    const errors = badRowErrors(bad!);
    expect(errors[0]?.type).toBe('schema_violations');
    expect(errors.map((error) => `${error.path ?? ''} ${error.message}`).join('\n')).toMatch(
      /ue_pr|depth|deep|nest/i,
    );
  });
});

describe('D13: atomic fields over their maxLength', () => {
  test.each([
    ['app_id', { aid: 'a'.repeat(256) }, /app_id/],
    ['page_url', { url: `https://integration.example.com/${'p'.repeat(4100)}` }, /page_url/],
  ])('%s too long is a schema_violations bad row', async (_field, fields, pattern) => {
    const event = tp2Event(fields);
    const response = await postRaw(tp2Url, tp2Body([event]), { 'Content-Type': TP2_CONTENT_TYPE });
    expect(response.status).toBe(200);
    expect(await microAll(base())).toEqual({ total: 1, good: 0, bad: 1 });
    const [bad] = await microBad(base());
    expect(bad?.rawEvent?.parameters.eid).toBe(event.eid);
    const errors = badRowErrors(bad!);
    expect(errors[0]?.type).toBe('schema_violations');
    expect(JSON.stringify(errors)).toMatch(pattern);
  });

  test('app_id of exactly 255 characters is good', async () => {
    const event = tp2Event({ aid: 'a'.repeat(255) });
    await postRaw(tp2Url, tp2Body([event]), { 'Content-Type': TP2_CONTENT_TYPE });
    const [good] = await microGood(base());
    expect(good?.event.app_id).toBe('a'.repeat(255));
  });
});

describe('D14: Content-Type variants', () => {
  test.each([
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=UTF-8',
    'Application/JSON; Charset=UTF-8',
  ])('%s is accepted', async (contentType) => {
    const event = tp2Event();
    const response = await postRaw(tp2Url, tp2Body([event]), { 'Content-Type': contentType });
    expect(response.status).toBe(200);
    const good = await microGood(base());
    expect(good.map((item) => item.event.event_id)).toEqual([event.eid]);
  });

  test.each([
    ['application/json;charset=UTF-8', { 'Content-Type': 'application/json;charset=UTF-8' }],
    ['text/plain', { 'Content-Type': 'text/plain' }],
    ['text/plain; charset=UTF-8', { 'Content-Type': 'text/plain; charset=UTF-8' }],
    ['no Content-Type', {}],
  ])('%s is a protocol violation with 200', async (_label, headers) => {
    const response = await postRaw(tp2Url, tp2Body([tp2Event()]), headers);
    expect(response.status).toBe(200);
    expect(await microAll(base())).toEqual({ total: 1, good: 0, bad: 1 });
    const [bad] = await microBad(base());
    expect(badRowErrors(bad!)[0]?.type).toBe('tracker_protocol_violations');
  });
});
