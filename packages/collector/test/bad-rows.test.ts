import { type BadEvent, type Collector, startCollector } from '../src/index';
import { badRowIssues } from './helpers/bad-row-validator';
import {
  base,
  body,
  contexts,
  encode,
  JSON_TYPE,
  LINK_CLICK,
  PAYLOAD_DATA,
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

const pv = () => base('pv', { url: 'https://a.example/' });

/** The one bad event stored, checked against its own schema from the bundled copy. */
function onlyBad(type: string, version: string): BadEvent {
  const bad = collector.bad();
  expect(bad).toHaveLength(1);
  const event = bad[0]!;
  expect(event.badRow.schema).toBe(
    `iglu:com.snowplowanalytics.snowplow.badrows/${type}/jsonschema/${version}`,
  );
  expect(badRowIssues(event.badRow)).toEqual([]);
  expect(JSON.parse(event.errors[1]!)).toEqual(event.badRow);
  expect(event.badRow.data.processor.artifact).toBe('floe-local-collector');
  return event;
}

function messages(event: BadEvent): Record<string, unknown>[] {
  return event.badRow.data.failure.messages as unknown as Record<string, unknown>[];
}

describe('request-level bad rows (200, no good events)', () => {
  test('size_violation above maxPayloadSize', async () => {
    const big = body({ ...pv(), page: 'x'.repeat(1_100_000) });
    const res = await post(collector.url, big);
    expect(res.status).toBe(200);
    const bad = onlyBad('size_violation', '1-0-0');
    expect(bad.badRow.data.failure).toMatchObject({
      maximumAllowedSizeBytes: 1_048_576,
      actualSizeBytes: Buffer.byteLength(big),
    });
    expect(bad.badRow.data.payload).toBe(big.slice(0, Math.floor(Buffer.byteLength(big) / 10)));
    expect(bad.collectorPayload.body).toBeNull();
    expect(bad.rawEvent).toBeNull();
    expect(bad.errors[0]).toBe(
      'Error while extracting event(s) from collector payload and validating it/them.',
    );
    expect(collector.all()).toEqual({ total: 1, good: 0, bad: 1 });
  });

  test('adapter_failures for an unknown vendor/version, with capped fields', async () => {
    const vendor = `com.${'v'.repeat(80)}`;
    const res = await post(
      collector.url,
      body(pv()),
      { 'Content-Type': JSON_TYPE },
      `/${vendor}/version-that-is-too-long`,
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
    const bad = onlyBad('adapter_failures', '1-0-0');
    const failure = bad.badRow.data.failure as Record<string, string>;
    expect(failure['vendor']).toHaveLength(64);
    expect(failure['version']).toBe('version-that-is-');
    expect(bad.collectorPayload.api).toEqual({ vendor, version: 'version-that-is-too-long' });
    const payload = bad.badRow.data.payload as Record<string, unknown>;
    expect(payload['collector']).toMatch(/^floe-local-collector-/);
    expect(payload['networkUserId']).toMatch(/^[0-9a-f-]{36}$/);
    expect(collector.bad({ vendor })).toHaveLength(1);
  });

  test.each([
    ['text/plain', 'text/plain'],
    ['no space before charset', 'application/json;charset=UTF-8'],
  ])('tracker_protocol_violations: wrong content type (%s)', async (_label, type) => {
    await post(collector.url, body(pv()), { 'Content-Type': type });
    const bad = onlyBad('tracker_protocol_violations', '1-0-1');
    expect(messages(bad)[0]).toMatchObject({ field: 'contentType', value: type });
    expect(collector.good()).toEqual([]);
  });

  test('tracker_protocol_violations: a body without Content-Type', async () => {
    await post(collector.url, Buffer.from(body(pv())), {});
    expect(messages(onlyBad('tracker_protocol_violations', '1-0-1'))[0]).toMatchObject({
      field: 'contentType',
      value: null,
    });
  });

  test('tracker_protocol_violations: not JSON', async () => {
    await post(collector.url, '{"schema": oops');
    const [message] = messages(onlyBad('tracker_protocol_violations', '1-0-1'));
    expect(message).toMatchObject({ field: 'body', value: '{"schema": oops' });
    expect(String(message!['error'])).toMatch(/invalid JSON/);
  });

  test('tracker_protocol_violations: not self-describing', async () => {
    await post(collector.url, JSON.stringify([pv()]));
    expect(messages(onlyBad('tracker_protocol_violations', '1-0-1'))[0]).toMatchObject({
      error: 'INVALID_SCHEMA',
    });
  });

  test('tracker_protocol_violations: wrong schema criterion', async () => {
    await post(
      collector.url,
      JSON.stringify({ schema: 'iglu:com.acme/batch/jsonschema/1-0-0', data: [pv()] }),
    );
    expect(messages(onlyBad('tracker_protocol_violations', '1-0-1'))[0]).toEqual({
      schemaKey: 'iglu:com.acme/batch/jsonschema/1-0-0',
      schemaCriterion: 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-*',
    });
  });

  test('tracker_protocol_violations: one bad event in payload_data fails the whole request', async () => {
    const bad = { ...pv(), vid: 3 } as unknown as Record<string, string>;
    const extra = { ...pv(), unknown_key: 'x' };
    await post(collector.url, body(pv(), bad, extra));
    const [message] = messages(onlyBad('tracker_protocol_violations', '1-0-1'));
    expect(message!['schemaKey']).toBe(PAYLOAD_DATA);
    const reports = (
      message!['error'] as { dataReports: { path: string; keyword: string; message: string }[] }
    ).dataReports;
    expect(reports.map((r) => [r.path, r.keyword])).toEqual(
      expect.arrayContaining([
        ['/1/vid', 'type'],
        ['/2', 'additionalProperties'],
      ]),
    );
    expect(reports.find((r) => r.path === '/1/vid')!.message).toMatch(/string/);
    expect(collector.good()).toEqual([]);
  });

  test('tracker_protocol_violations: empty payload_data array and missing required keys', async () => {
    await post(collector.url, body());
    expect(messages(onlyBad('tracker_protocol_violations', '1-0-1'))[0]!['schemaKey']).toBe(
      PAYLOAD_DATA,
    );
  });

  test('tracker_protocol_violations: invalid UTF-8 body, and the server keeps serving', async () => {
    const bytes = Buffer.concat([
      Buffer.from(body(pv()).slice(0, 40)),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('"}]}'),
    ]);
    const res = await post(collector.url, bytes);
    expect(res.status).toBe(200);
    const [message] = messages(onlyBad('tracker_protocol_violations', '1-0-1'));
    expect(message).toMatchObject({ field: 'body' });
    expect(String(message!['expectation'])).toMatch(/UTF-8/);
    expect((await fetch(`${collector.url}/health`)).status).toBe(200);
  });

  test('tracker_protocol_violations: empty body and query', async () => {
    await post(collector.url, '');
    expect(messages(onlyBad('tracker_protocol_violations', '1-0-1'))[0]).toMatchObject({
      field: 'querystring',
      value: null,
    });
  });

  test('collector_payload_format_violation for an undecodable query', async () => {
    const res = await fetch(`${collector.url}/i?e=pv&url=%E0%A4&x=%zz`);
    expect(res.status).toBe(200);
    const bad = onlyBad('collector_payload_format_violation', '1-0-0');
    expect(bad.badRow.data.failure).toMatchObject({
      loader: 'thrift',
      message: { payloadField: 'querystring' },
    });
    expect(bad.badRow.data.payload).toBe('GET /i?e=pv&url=%E0%A4&x=%zz');
    expect(bad.collectorPayload.querystring).toEqual(['e=pv', 'url=%E0%A4', 'x=%zz']);
  });
});

describe('schema_violations: one bad row per event, plus an incomplete event', () => {
  function schemaViolation(): {
    bad: BadEvent;
    reports: { path: string; keyword: string; message: string }[];
  } {
    const bad = onlyBad('schema_violations', '2-0-1');
    expect(bad.errors[0]).toBe('Error while validating the event.');
    expect(bad.rawEvent).not.toBeNull();
    const error = messages(bad)[0]!['error'] as {
      dataReports?: { path: string; keyword: string; message: string }[];
    };
    return { bad, reports: error.dataReports ?? [] };
  }

  test('bad self-describing event data', async () => {
    const event = base('ue', {
      ue_pr: JSON.stringify(unstruct(LINK_CLICK, { targetUrl: 42, extra: true })),
    });
    await post(collector.url, body(event, pv()));
    const { bad, reports } = schemaViolation();
    expect(messages(bad)[0]!['schemaKey']).toBe(LINK_CLICK);
    expect(reports.map((r) => [r.path, r.keyword])).toEqual(
      expect.arrayContaining([
        ['/targetUrl', 'type'],
        ['', 'additionalProperties'],
      ]),
    );
    expect(reports.find((r) => r.path === '/targetUrl')!.message).toMatch(/string.*number/);
    expect(collector.all()).toEqual({ total: 2, good: 1, bad: 1 });
    expect(collector.good().map((g) => g.eventType)).toEqual(['page_view']);
  });

  test('the incomplete event drops the invalid event, keeps valid entities and carries failure entities', async () => {
    const app = await startCollector({ port: 0 });
    try {
      const bad = { schema: WEB_PAGE, data: { id: 7 } };
      const good = { schema: WEB_PAGE, data: { id: 'f9c5a0a0-1111-4222-8333-444455556666' } };
      const event = base('ue', {
        ue_pr: JSON.stringify(unstruct(LINK_CLICK, {})),
        co: JSON.stringify(contexts(good, bad)),
      });
      const result = app.ingest({
        method: 'POST',
        target: '/com.snowplowanalytics.snowplow/tp2',
        headers: [['Content-Type', 'application/json']],
        body: Buffer.from(body(event)),
      });
      expect(result).toMatchObject({ status: 200, good: 1, bad: 1, eventIds: [event.eid] });
      expect(app.good()).toEqual([]);
      const window = app.bad();
      expect(messages(window[0]!).map((m) => m['schemaKey'])).toEqual([LINK_CLICK, WEB_PAGE]);
      // Incomplete events are hidden from /micro/good but reachable through the UI feed.
      // biome-ignore lint/suspicious/noExplicitAny: a JSON feed read field by field below
      const feed: any = await (await fetch(`${app.url}/micro/ui/api/events`)).json();
      const incomplete = feed.items.find(
        (item: { kind: string }) => item.kind === 'incomplete',
      ).value;
      expect(incomplete.incomplete).toBe(true);
      expect(incomplete.contexts).toEqual([WEB_PAGE]);
      expect(incomplete.event.unstruct_event).toBeNull();
      expect(incomplete.event.contexts.data).toEqual([good]);
      const failures = incomplete.event.derived_contexts.data;
      expect(failures.map((f: { schema: string }) => f.schema)).toEqual([
        'iglu:com.snowplowanalytics.snowplow/failure/jsonschema/1-0-0',
        'iglu:com.snowplowanalytics.snowplow/failure/jsonschema/1-0-0',
      ]);
      expect(failures[1].data).toMatchObject({
        failureType: 'ValidationError',
        schema: WEB_PAGE,
        data: { id: 7 },
        componentName: 'floe-local-collector',
      });
      expect(failures[1].data.errors[0]).toMatchObject({
        source: 'contexts',
        path: '/id',
        keyword: 'type',
      });
      expect(feed.counts).toEqual({ total: 1, good: 0, bad: 1, incomplete: 1 });
    } finally {
      await app.close();
    }
  });

  test('bad entity', async () => {
    await post(
      collector.url,
      body(
        base('pv', {
          url: 'https://a.example/',
          cx: encode(contexts({ schema: WEB_PAGE, data: {} })),
        }),
      ),
    );
    const { bad, reports } = schemaViolation();
    expect(messages(bad)[0]!['schemaKey']).toBe(WEB_PAGE);
    expect(reports).toEqual([expect.objectContaining({ path: '', keyword: 'required' })]);
  });

  test('unresolvable schema: a ResolutionError naming every repository', async () => {
    const uri = 'iglu:com.acme/missing/jsonschema/1-0-0';
    await post(collector.url, body(base('ue', { ue_pr: JSON.stringify(unstruct(uri, { a: 1 })) })));
    const { bad } = schemaViolation();
    const [message] = messages(bad);
    expect(message!['schemaKey']).toBe(uri);
    const error = message!['error'] as {
      error: string;
      lookupHistory: { repository: string; errors: unknown[] }[];
    };
    expect(error.error).toBe('ResolutionError');
    // Repositories are named as the pipeline names them; no host path is shown.
    expect(error.lookupHistory.map((h) => h.repository)).toEqual(['bundled: Iglu Central']);
    expect(error.lookupHistory[0]!.errors).toEqual([{ error: 'NotFound' }]);
  });

  test('atomic field too long (app_id 256)', async () => {
    await post(collector.url, body({ ...pv(), aid: 'a'.repeat(256) }));
    const { bad, reports } = schemaViolation();
    expect(messages(bad)[0]!['schemaKey']).toBe(
      'iglu:com.snowplowanalytics.snowplow/atomic/jsonschema/1-0-0',
    );
    expect(reports).toEqual([
      {
        message: 'app_id: expected at most 255 characters, found 256',
        path: '/app_id',
        keyword: 'maxLength',
        targets: ['app_id'],
      },
    ]);
    const enriched = (bad.badRow.data.payload as { enriched: Record<string, unknown> }).enriched;
    expect(enriched['app_id']).toBeNull();
    expect(bad.rawEvent!.parameters['aid']).toHaveLength(256);
    const raw = (
      bad.badRow.data.payload as { raw: { parameters: { name: string; value: string }[] } }
    ).raw;
    expect(raw.parameters.find((p) => p.name === 'aid')!.value).toHaveLength(256);
  });

  test('bad atomic mapping (vid=abc) and several errors in one bad row', async () => {
    await post(
      collector.url,
      body({ ...pv(), vid: 'abc', p: 'desktop', dtm: 'yesterday', res: '800by600' }),
    );
    const { reports } = schemaViolation();
    expect(reports.map((r) => r.path)).toEqual(['/p', '/dtm', '/vid', '/res']);
    expect(reports.find((r) => r.path === '/vid')!.message).toBe(
      'vid (domain_sessionidx): expected an integer (32-bit), found "abc"',
    );
  });

  test('parameter values over 512 characters are cut in the bad row only; non-UUID ids become null', async () => {
    const long = 'x'.repeat(600);
    await post(collector.url, body({ ...pv(), vid: 'abc', se_la: long }), {
      'Content-Type': JSON_TYPE,
      Cookie: 'sp=not-a-uuid',
    });
    const { bad } = schemaViolation();
    const raw = (bad.badRow.data.payload as { raw: Record<string, unknown> }).raw;
    expect(
      (raw['parameters'] as { name: string; value: string }[]).find((p) => p.name === 'se_la')!
        .value,
    ).toHaveLength(512);
    expect(raw['userId']).toBeNull();
    expect(bad.rawEvent!.context.userId).toBe('not-a-uuid');
    expect(bad.rawEvent!.parameters['se_la']).toBe(long);
  });

  test('undecodable ue_px, e=ue without an event, deep JSON in co', async () => {
    let deep: unknown = {};
    for (let i = 0; i < 41; i++) deep = { a: deep };
    await post(
      collector.url,
      body(
        base('ue', { ue_px: '***' }),
        base('ue'),
        base('pv', { url: 'https://a.example/', co: JSON.stringify(deep) }),
      ),
    );
    const bad = collector.bad();
    expect(bad).toHaveLength(3);
    for (const event of bad) expect(badRowIssues(event.badRow)).toEqual([]);
    const [undecodable, missing, deepRow] = bad.map((b) => messages(b)[0]!);
    expect(undecodable).toMatchObject({ field: 'ue_px', value: '***' });
    expect(missing!['schemaKey']).toBe(
      'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0',
    );
    expect(String(deepRow!['error'])).toMatch(/deeper than the maximum of 40/);
  });
});
