// Property tests over the encoders a payload goes through: field formatting, surrogate repair,
// self-describing JSON, its envelopes and base64url. Each is checked against the platform's own
// JSON.stringify, TextEncoder or Buffer, over any input fast-check can make.
import { type IgluUri, trackSelfDescribingEvent, trackStructEvent } from '@floe/core';
import fc from 'fast-check';
import { base64UrlEncode } from '../../src/protocol/base64url';
import { FIELD_RULES, type FieldRule } from '../../src/protocol/field-rules';
import { formatFields } from '../../src/protocol/format-field';
import {
  contextsJson,
  selfDescribingText,
  unstructEventJson,
} from '../../src/protocol/self-describing-text';
import { codePointLength, jsonToWellFormed, toWellFormed } from '../../src/protocol/well-formed';
import { createHarness, decodeJson } from './helpers/fixtures';

// Any UTF-16: fast-check's own string units never make a lone surrogate, so code units are drawn
// too, half of them surrogates, besides quotes, backslashes, control characters and emoji.
const codeUnit = fc
  .oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff }))
  .map((unit) => String.fromCharCode(unit));
const anyText = fc.oneof(
  fc.string({ unit: codeUnit }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.oneof(codeUnit, fc.constantFrom('"', '\\', '\n', '\u0001', '😀')) }),
);
const igluUri = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9_.-]{0,12}$/),
    fc.stringMatching(/^[a-z][a-z0-9_-]{0,12}$/),
  )
  .map(([vendor, name]): IgluUri => `iglu:${vendor}/${name}/jsonschema/1-0-0`);
const jsonData = fc.jsonValue({ maxDepth: 3 });
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('surrogate repair', () => {
  it('toWellFormed is what a UTF-8 round trip makes of any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const repaired = toWellFormed(text);
        expect(repaired).toBe(Buffer.from(text, 'utf8').toString('utf8'));
        expect(repaired).not.toMatch(LONE_SURROGATE);
        expect(codePointLength(repaired)).toBe([...repaired].length);
      }),
      { numRuns: 2000 },
    );
  });

  it('the fallback for runtimes without String.prototype.toWellFormed repairs the same way', () => {
    const native = Object.getOwnPropertyDescriptor(String.prototype, 'toWellFormed');
    // Older browsers (es2020) lack it; Node 20 has it, so it is taken away for this test.
    delete (String.prototype as { toWellFormed?: unknown }).toWellFormed;
    try {
      expect(('' as { toWellFormed?: unknown }).toWellFormed).toBeUndefined();
      fc.assert(
        fc.property(anyText, (text) => {
          expect(toWellFormed(text)).toBe(Buffer.from(text, 'utf8').toString('utf8'));
        }),
        { numRuns: 2000 },
      );
      expect(toWellFormed('a\uD83D\uDE00\uD83D')).toBe('a\uD83D\uDE00\uFFFD');
    } finally {
      if (native) Object.defineProperty(String.prototype, 'toWellFormed', native);
    }
    expect(typeof ('' as { toWellFormed?: unknown }).toWellFormed).toBe(typeof native?.value);
  });

  it('jsonToWellFormed repairs the JSON of any text exactly as toWellFormed repairs the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(JSON.parse(jsonToWellFormed(JSON.stringify(text)))).toBe(toWellFormed(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('self-describing JSON and its envelopes', () => {
  it('selfDescribingText is the JSON of { schema, data }, schema first', () => {
    fc.assert(
      fc.property(igluUri, jsonData, (schema, data) => {
        const text = selfDescribingText({ schema, data });
        expect(text).toBe(JSON.stringify({ schema, data }));
      }),
      { numRuns: 500 },
    );
  });

  it('repairs lone surrogates in keys and values at any depth', () => {
    fc.assert(
      fc.property(
        igluUri,
        fc.dictionary(anyText, fc.array(anyText, { maxLength: 3 })),
        (schema, data) => {
          const text = selfDescribingText({ schema, data });
          expect(text).not.toMatch(LONE_SURROGATE);
          expect(text).not.toMatch(/(?<!\\)(?:\\\\)*\\u[dD][89a-fA-F]/);
          const repaired = Object.fromEntries(
            Object.entries(data).map(([k, v]) => [toWellFormed(k), v.map(toWellFormed)]),
          );
          expect(JSON.parse(text)).toEqual({ schema, data: repaired });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the unstruct_event and contexts envelopes parse back to what was wrapped', () => {
    const entity = fc.record({ schema: igluUri, data: jsonData });
    fc.assert(
      fc.property(entity, fc.array(entity, { minLength: 1, maxLength: 4 }), (event, entities) => {
        const ue = unstructEventJson(selfDescribingText(event));
        expect(JSON.parse(ue)).toEqual({
          schema: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0',
          data: JSON.parse(JSON.stringify(event)),
        });
        const co = contextsJson(entities.map((e) => selfDescribingText(e)));
        expect(JSON.parse(co)).toEqual({
          schema: 'iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1',
          data: JSON.parse(JSON.stringify(entities)),
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('field formatting', () => {
  const rules = Object.entries(FIELD_RULES);
  // One key's wire string, or undefined when the value is omitted; throws when it is refused.
  const formatField = (key: string, value: unknown): string | undefined =>
    formatFields({}, { [key]: value })[key];
  const isNumeric = (rule: FieldRule) =>
    ['number', 'integer', 'offset', 'index'].includes(rule as string);

  it('numbers, integers, offsets and booleans format to plain digits, never an exponent', () => {
    const nonStrings = rules.filter(([, rule]) => isNumeric(rule) || rule === 'boolean');
    expect(nonStrings.length).toBeGreaterThan(5);
    const value = fc.oneof(fc.double(), fc.integer(), fc.boolean());
    fc.assert(
      fc.property(fc.constantFrom(...nonStrings), value, ([key, rule], v) => {
        let text: string | undefined;
        try {
          text = formatField(key, v);
        } catch {
          return; // refused values are never written
        }
        expect(text).toMatch(/^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/);
        if (typeof v === 'number' && rule === 'number') expect(Number(text)).toBe(v + 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('a string within its limit goes on the wire repaired and otherwise unchanged', () => {
    const strings = rules.filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number',
    );
    fc.assert(
      fc.property(fc.constantFrom(...strings), anyText, ([key, max], v) => {
        const repaired = toWellFormed(v);
        if (codePointLength(repaired) > max) {
          expect(() => formatField(key, v)).toThrow(
            expect.objectContaining({ code: 'invalid_event' }),
          );
        } else {
          expect(formatField(key, v)).toBe(repaired === '' ? undefined : repaired);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('values of the wrong type are refused by every rule, never coerced', () => {
    const wrong = fc.oneof(fc.object(), fc.constant(Symbol('s')), fc.bigInt(), fc.constant([1]));
    fc.assert(
      fc.property(fc.constantFrom(...rules), wrong, ([key], v) => {
        expect(() => formatField(key, v)).toThrow(
          expect.objectContaining({ code: 'invalid_event' }),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('base64url', () => {
  it("encodes any text as Node's encoder does over its repaired UTF-8", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const repaired = toWellFormed(text);
        expect(base64UrlEncode(repaired)).toBe(Buffer.from(repaired, 'utf8').toString('base64url'));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('payloads the tracker hands its emitters', () => {
  it('carry any input text and data through JSON unchanged, base64 on or off', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        anyText,
        anyText,
        igluUri,
        jsonData,
        (encodeBase64, label, name, schema, data) => {
          const h = createHarness({
            encodeBase64,
            globalContexts: [
              { schema: 'iglu:com.acme/global/jsonschema/1-0-0', data: { g: 'ü"' } },
            ],
          });
          trackStructEvent(h.tracker, {
            category: 'c',
            action: 'a',
            label,
            property: name,
            value: 1.5,
          });
          trackSelfDescribingEvent(
            h.tracker,
            { schema, data },
            { context: [{ schema, data: { name } }] },
          );
          expect(h.drops).toEqual([]);
          for (const payload of h.payloads) {
            // What the emitter stores is JSON text of the payload: it must read back the same.
            expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
            for (const value of Object.values(payload)) expect(value).not.toMatch(LONE_SURROGATE);
          }
          const [se, ue] = h.payloads;
          expect(se!['se_la']).toBe(label === '' ? undefined : toWellFormed(label));
          expect(se!['se_pr']).toBe(name === '' ? undefined : toWellFormed(name));
          expect(decodeJson(ue, 'ue')).toEqual({
            schema: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0',
            data: { schema, data: JSON.parse(JSON.stringify(data)) },
          });
          expect(decodeJson(ue, 'co')).toMatchObject({
            data: [{ schema, data: { name: toWellFormed(name) } }, { data: { g: 'ü"' } }],
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
