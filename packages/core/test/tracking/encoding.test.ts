import {
  createTracker,
  trackPageView,
  trackSelfDescribingEvent,
  trackStructEvent,
} from '@floe/core';
import fc from 'fast-check';
import { base64UrlEncode } from '../../src/protocol/base64url';
import { createHarness, decodeJson, fromBase64Url } from './helpers/fixtures';
import { createTestSink } from './helpers/test-sink';

const CONTEXTS = 'iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1';
const entity = { schema: 'iglu:com.acme/user/jsonschema/1-0-0', data: { name: 'Zoë 😀' } } as const;

describe('base64 setting', () => {
  it('defaults to off with POST emitters: ue_pr and co carry plain JSON', () => {
    const { tracker, payloads } = createHarness();
    trackSelfDescribingEvent(tracker, entity, { context: [entity] });
    expect(Object.keys(payloads[0]!)).toEqual(expect.arrayContaining(['ue_pr', 'co']));
    expect(payloads[0]).not.toHaveProperty('ue_px');
    expect(payloads[0]).not.toHaveProperty('cx');
    expect(JSON.parse(payloads[0]!['co']!)).toEqual({ schema: CONTEXTS, data: [entity] });
  });

  it('defaults to on when an emitter uses GET: ue_px and cx carry base64url', () => {
    const { tracker, payloads } = createHarness({}, 'GET');
    trackSelfDescribingEvent(tracker, entity, { context: [entity] });
    expect(payloads[0]).not.toHaveProperty('ue_pr');
    expect(payloads[0]).not.toHaveProperty('co');
    expect(payloads[0]!['cx']).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeJson(payloads[0], 'co')).toEqual({ schema: CONTEXTS, data: [entity] });
    expect(decodeJson(payloads[0], 'ue')).toMatchObject({ data: entity });
  });

  it('an explicit value wins over the GET default, both ways', () => {
    const off = createHarness({ encodeBase64: false }, 'GET');
    trackSelfDescribingEvent(off.tracker, entity);
    expect(off.payloads[0]).toHaveProperty('ue_pr');
    const on = createHarness({ encodeBase64: true }, 'POST');
    trackSelfDescribingEvent(on.tracker, entity);
    expect(on.payloads[0]).toHaveProperty('ue_px');
  });

  it('turns on when any one of several emitters uses GET', () => {
    const post = createTestSink('POST');
    const get = createTestSink('GET');
    const tracker = createTracker({ namespace: 'n', platform: 'srv', emitters: [post, get] });
    trackSelfDescribingEvent(tracker, entity);
    expect(post.payloads[0]).toHaveProperty('ue_px');
    expect(get.payloads[0]).toBe(post.payloads[0]);
  });
});

describe('contexts envelope', () => {
  it('is omitted when the event has no entities', () => {
    const { tracker, payloads } = createHarness();
    trackStructEvent(tracker, { category: 'c', action: 'a' }, { context: [] });
    trackStructEvent(tracker, { category: 'c', action: 'a' });
    expect(payloads[0]).not.toHaveProperty('co');
    expect(payloads[1]).not.toHaveProperty('co');
    expect(payloads[1]).not.toHaveProperty('cx');
  });
});

describe('base64url encoder', () => {
  it.each([
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['>>>???', 'Pj4-Pz8_'],
    ['é', 'w6k'],
  ])('encodes %p as %p (unpadded, URL alphabet, over UTF-8)', (text, expected) => {
    expect(base64UrlEncode(text)).toBe(expected);
  });

  it("encodes any well-formed text as Node's own base64url encoder does", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(base64UrlEncode(text)).toBe(Buffer.from(text, 'utf8').toString('base64url'));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips long non-ASCII text (larger than one chunk)', () => {
    const text = 'ü😀x'.repeat(5000);
    expect(fromBase64Url(base64UrlEncode(text))).toBe(text);
    expect(Buffer.from(text, 'utf8').toString('base64url')).toBe(base64UrlEncode(text));
  });
});

describe('UTF-8', () => {
  const LONE_HIGH = '\uD83D';
  const LONE_LOW = '\uDE00';

  it('replaces lone surrogates in payload strings with U+FFFD and keeps astral characters', () => {
    const { tracker, payloads } = createHarness();
    trackPageView(tracker, {
      pageUrl: `https://x.example/${LONE_HIGH}a`,
      pageTitle: `😀 ${LONE_LOW}${LONE_HIGH}`,
    });
    expect(payloads[0]!['url']).toBe('https://x.example/\uFFFDa');
    expect(payloads[0]!['page']).toBe('😀 \uFFFD\uFFFD');
  });

  it.each([false, true])(
    'repairs keys and values at any depth in self-describing JSON (base64 %p)',
    (encodeBase64) => {
      const { tracker, payloads } = createHarness({ encodeBase64 });
      const data = {
        [`k${LONE_LOW}`]: `v${LONE_HIGH}`,
        nested: [{ deep: `${LONE_HIGH}${LONE_HIGH}😀`, escaped: '\\ud800 is text' }],
        astral: '𝄞 ünï',
      };
      trackSelfDescribingEvent(
        tracker,
        { schema: 'iglu:com.acme/t/jsonschema/1-0-0', data },
        {
          context: [
            { schema: 'iglu:com.acme/e/jsonschema/1-0-0', data: { [LONE_HIGH]: LONE_LOW } },
          ],
        },
      );
      const expected = {
        'k\uFFFD': 'v\uFFFD',
        nested: [{ deep: '\uFFFD\uFFFD😀', escaped: '\\ud800 is text' }],
        astral: '𝄞 ünï',
      };
      expect(decodeJson(payloads[0], 'ue')).toEqual({
        schema: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0',
        data: { schema: 'iglu:com.acme/t/jsonschema/1-0-0', data: expected },
      });
      expect(decodeJson(payloads[0], 'co')).toEqual({
        schema: CONTEXTS,
        data: [{ schema: 'iglu:com.acme/e/jsonschema/1-0-0', data: { '\uFFFD': '\uFFFD' } }],
      });
      const raw = encodeBase64
        ? fromBase64Url(payloads[0]!['ue_px'])
        : (payloads[0]!['ue_pr'] as string);
      // Non-ASCII is written raw; no lone surrogate, raw or as a JSON escape, is left in the text
      // (the escaped backslash of the `escaped` value is text, not an escape).
      expect(raw).toContain('😀');
      expect(raw).toContain('\\\\ud800 is text');
      expect(raw).not.toMatch(/(?<!\\)(?:\\\\)*\\u[dD][89a-fA-F]/);
      expect(raw).not.toMatch(
        /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
      );
    },
  );
});

describe('number formatting (§5.4)', () => {
  it.each([
    [35, '35'],
    [7.99, '7.99'],
    [0.1 + 0.2, '0.30000000000000004'],
    [-0, '0'],
    [0, '0'],
    [-12.5, '-12.5'],
    [1e20, '100000000000000000000'],
    [0.000001, '0.000001'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
  ])('se_va %p is sent as %p', (value, wire) => {
    const { tracker, payloads } = createHarness();
    trackStructEvent(tracker, { category: 'c', action: 'a', value });
    expect(payloads[0]!['se_va']).toBe(wire);
  });

  it.each([1e21, -1e21, 1e-7, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'se_va %p is invalid, never sent in exponent form',
    (value) => {
      const { tracker, payloads, drops } = createHarness();
      trackStructEvent(tracker, { category: 'c', action: 'a', value });
      expect(payloads).toEqual([]);
      expect(drops).toMatchObject([{ reason: 'invalid', error: { code: 'invalid_event' } }]);
      expect(drops[0]!.error!.message).toMatch(/^se_va:/);
    },
  );

  it('keeps JSON types inside self-describing data and writes -0 as 0', () => {
    const { tracker, payloads } = createHarness();
    trackSelfDescribingEvent(tracker, {
      schema: 'iglu:com.acme/n/jsonschema/1-0-0',
      data: { a: 35, b: 7.99, c: -0, d: true, e: 'x' },
    });
    expect(payloads[0]!['ue_pr']).toContain('"data":{"a":35,"b":7.99,"c":0,"d":true,"e":"x"}');
  });
});
