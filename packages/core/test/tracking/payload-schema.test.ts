import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Payload,
  trackPagePing,
  trackPageView,
  trackSelfDescribingEvent,
  trackStructEvent,
  trackTransaction,
} from '@floe/core';
import Ajv from 'ajv-draft-04';
import { FIELD_RULES } from '../../src/protocol/field-rules';
import { PAYLOAD_DATA_KEYS, TRACKER_KEYS } from '../../src/protocol/payload-keys';
import { createHarness, decodeJson } from './helpers/fixtures';

const SCHEMAS = join(
  __dirname,
  '../../../../fixtures/iglu-central/schemas/com.snowplowanalytics.snowplow',
);
const load = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(SCHEMAS, path), 'utf8'));

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addKeyword('self');
// The Iglu meta-schema (itself draft-04) checks each schema's `self` block as ajv compiles it.
const META =
  'http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0';
ajv.addMetaSchema(load('../com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0'), META, false);
const payloadDataSchema = load('payload_data/jsonschema/1-0-4');
const payloadData = ajv.compile(payloadDataSchema);
const unstructEvent = ajv.compile(load('unstruct_event/jsonschema/1-0-0'));
const contexts = ajv.compile(load('contexts/jsonschema/1-0-1'));

const entity = {
  schema: 'iglu:com.acme.shop/user_1/jsonschema/1-0-0',
  data: { id: 'u', n: 1.5 },
} as const;

function everyEventType(encodeBase64: boolean): Payload[] {
  const h = createHarness({
    encodeBase64,
    appId: 'shop',
    platform: 'web',
    subject: {
      userId: 'u-1',
      screenResolution: [1920, 1080],
      viewport: [1280, 720],
      documentSize: [1280, 4000],
      colorDepth: 24,
      timezone: 'Europe/London',
      language: 'en-GB',
      charset: 'UTF-8',
      domainUserId: 'd',
      networkUserId: 'n',
      sessionId: '5a0e2d7e-8c5f-4d4e-9d3c-0b1e2f3a4b5c',
      sessionIndex: 2,
      ipAddress: '203.0.113.9',
      useragent: 'Mozilla/5.0',
      cookiesEnabled: true,
    },
    globalContexts: [entity],
  });
  const options = { context: [entity], trueTimestamp: 1_600_000_000_000 };
  trackPageView(
    h.tracker,
    { pageUrl: 'https://x.example/', pageTitle: 'X', referrer: 'https://r.example/' },
    options,
  );
  trackPagePing(
    h.tracker,
    {
      pageUrl: 'https://x.example/',
      minXOffset: 0,
      maxXOffset: 10,
      minYOffset: 0,
      maxYOffset: 2000,
    },
    options,
  );
  trackStructEvent(
    h.tracker,
    { category: 'c', action: 'a', label: 'l', property: 'p', value: 0.5 },
    options,
  );
  trackSelfDescribingEvent(
    h.tracker,
    { schema: 'iglu:com.acme/ev-ent_1/jsonschema/1-0-0', data: { a: [1, 'ü'] } },
    options,
  );
  trackTransaction(
    h.tracker,
    {
      orderId: 'o',
      total: 10,
      affiliation: 'a',
      tax: 1,
      shipping: 2,
      city: 'c',
      state: 's',
      country: 'FR',
      currency: 'EUR',
      items: [{ sku: 's', price: 5, quantity: 2, name: 'n', category: 'k', context: [entity] }],
    },
    options,
  );
  expect(h.drops).toEqual([]);
  return h.payloads;
}

describe('payloads against the Iglu Central schemas', () => {
  it('PAYLOAD_DATA_KEYS is exactly the 80 keys of payload_data 1-0-4', () => {
    const properties = Object.keys(
      (payloadDataSchema['items'] as { properties: object }).properties,
    );
    expect(properties).toHaveLength(80);
    expect([...PAYLOAD_DATA_KEYS].sort()).toEqual(properties.sort());
  });

  it('every key a code path can write is in the allow-list, and the allow-list in the schema', () => {
    const properties = Object.keys(
      (payloadDataSchema['items'] as { properties: object }).properties,
    );
    for (const key of TRACKER_KEYS) expect(properties).toContain(key);
    const fieldKeys = Object.keys(FIELD_RULES);
    const subjectKeys = Object.keys(everyEventType(false)[0]!);
    const trackerKeys = [
      'e',
      'eid',
      'dtm',
      'ttm',
      'tv',
      'tna',
      'aid',
      'p',
      'ue_pr',
      'ue_px',
      'co',
      'cx',
    ];
    for (const key of [...fieldKeys, ...subjectKeys, ...trackerKeys])
      expect(TRACKER_KEYS).toContain(key);
    for (const legacy of ['nuid', 'stm', 'ue_na', 'ti_na', 'tid', 'fp'])
      expect(TRACKER_KEYS).not.toContain(legacy);
  });

  it.each([false, true])(
    'every event type validates against payload_data 1-0-4 (base64 %p)',
    (b64) => {
      const payloads = everyEventType(b64);
      expect(payloads.map((p) => p['e'])).toEqual(['pv', 'pp', 'se', 'ue', 'tr', 'ti']);
      const valid = payloadData(payloads);
      expect(payloadData.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
      for (const payload of payloads) {
        for (const key of Object.keys(payload)) expect(TRACKER_KEYS).toContain(key);
        for (const value of Object.values(payload)) expect(typeof value).toBe('string');
      }
    },
  );

  it.each([false, true])(
    'ue and co/cx wrappers validate against unstruct_event 1-0-0 and contexts 1-0-1 (base64 %p)',
    (b64) => {
      const payloads = everyEventType(b64);
      for (const payload of payloads) {
        const co = decodeJson(payload, 'co') as { schema: string; data: unknown };
        expect(co.schema).toBe('iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1');
        expect(contexts(co.data)).toBe(true);
        expect(co.data).toEqual(
          payload['e'] === 'ti' ? [entity, entity, entity] : [entity, entity],
        );
      }
      const ue = decodeJson(payloads[3], 'ue') as { schema: string; data: unknown };
      expect(ue.schema).toBe('iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0');
      expect(unstructEvent(ue.data)).toBe(true);
    },
  );

  it('the schema check is not vacuous: an unknown key or a non-string value fails', () => {
    expect(payloadData([{ e: 'pv', tv: 't', p: 'web', nope: 'x' }])).toBe(false);
    expect(payloadData([{ e: 'pv', tv: 't', p: 'web', dtm: 1 }])).toBe(false);
    expect(contexts([{ schema: 'iglu:a/b/c/1-0', data: {} }])).toBe(false);
  });
});
