import {
  createTracker,
  type EncodedEvent,
  type IgluUri,
  type Payload,
  trackSelfDescribingEvent,
  trackStructEvent,
} from '@floe/core';
import fc from 'fast-check';
import { deferredContexts, deferredUnstructEvent } from '../../src/payload/deferred-envelopes';
import { renderEventText } from '../../src/payload/deferred-text';
import { keyOpenings } from '../../src/payload/key-openings';
import { keysFragment, PayloadText } from '../../src/payload/payload-text';
import { quotedContexts, quotedUnstructEvent } from '../../src/payload/quoted-envelope';
import {
  contextsText,
  selfDescribingParts,
  selfDescribingText,
  unstructEventText,
} from '../../src/payload/self-describing-text';
import { toWellFormed } from '../../src/payload/well-formed';
import { createManualClock } from './helpers/fixtures';

// Values as callers send them: any UTF-16 (lone surrogates included, repaired first), quotes,
// backslashes, control characters, emoji.
const anyText = fc
  .oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string())
  .map(toWellFormed);
const igluUri = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9_.-]{0,12}$/),
    fc.stringMatching(/^[a-z][a-z0-9_-]{0,12}$/),
    fc.nat(9),
    fc.nat(9),
    fc.nat(9),
  )
  .map(
    ([vendor, name, m, r, a]): IgluUri => `iglu:${vendor}/${name}/jsonschema/${m + 1}-${r}-${a}`,
  );
const jsonData = fc.jsonValue({ maxDepth: 3 });
const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

describe('PayloadText: JSON text written key by key', () => {
  it('parses back to the values it was given and counts its UTF-8 bytes exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('url', 'page', 'se_la', 'uid'), anyText)),
        (pairs) => {
          const text = new PayloadText('{"e":"pv"');
          const expected: Record<string, string> = { e: 'pv' };
          for (const [key, value] of pairs) {
            text.put(key, value);
            expected[key] = value;
          }
          const json = renderEventText(text.finish());
          expect(JSON.parse(json)).toEqual(expected);
          expect(text.bytes).toBe(utf8(json));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('copies a keys fragment with its size, and an empty record adds nothing', () => {
    const base = keysFragment({ p: 'srv', tna: 'ns "quoted" ü', aid: 'app\n1' });
    const text = new PayloadText('{"e":"se"');
    text.append(base);
    text.append(keysFragment({}));
    const json = renderEventText(text.finish());
    expect(JSON.parse(json)).toEqual({ e: 'se', p: 'srv', tna: 'ns "quoted" ü', aid: 'app\n1' });
    expect(text.bytes).toBe(utf8(json));
  });
});

// One write of a PayloadText, as the tracker makes them.
type Write =
  | { op: 'put'; key: string; value: string }
  | { op: 'plain'; key: string; value: string }
  | { op: 'deferred'; key: string; data: Record<string, unknown> }
  | { op: 'append'; pairs: Record<string, string> };
const plainText = fc.stringMatching(/^[\x20\x21\x23-\x5b\x5d-\x7e]{0,20}$/);
const keyName = fc.constantFrom('url', 'page', 'se_la', 'uid', 'ue_pr', 'co');
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ op: fc.constant('put' as const), key: keyName, value: anyText }),
  fc.record({ op: fc.constant('plain' as const), key: keyName, value: plainText }),
  fc.record({
    op: fc.constant('deferred' as const),
    key: keyName,
    data: fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
  }),
  fc.record({
    op: fc.constant('append' as const),
    pairs: fc.dictionary(fc.constantFrom('tv', 'p', 'aid', 'tna', 'dtm'), anyText, {
      maxKeys: 3,
    }),
  }),
);

describe("PayloadText: a plain value's closing quote is written with what follows it", () => {
  it('every sequence of writes, from either opening, pieces shared or not, is exact JSON', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        plainText,
        fc.array(write, { maxLength: 8 }),
        (idOpening, sharePieces, eid, writes) => {
          const text = idOpening
            ? new PayloadText(`{"e":"pv","eid":"${eid}`, sharePieces, true)
            : new PayloadText('{"e":"pv"', sharePieces);
          const expected: [string, unknown][] = [['e', 'pv']];
          if (idOpening) expected.push(['eid', eid]);
          for (const w of writes) {
            if (w.op === 'put') text.put(w.key, w.value);
            else if (w.op === 'plain') text.putOpenedPlain(keyOpenings(w.key), w.value);
            else if (w.op === 'append') text.append(keysFragment(w.pairs));
            else {
              const schema = 'iglu:com.acme/e/jsonschema/1-0-0';
              text.putDeferred(
                w.key,
                deferredUnstructEvent(
                  selfDescribingParts({ schema, data: w.data }, 'event'),
                  false,
                ),
              );
            }
            if (w.op === 'append') expected.push(...Object.entries(w.pairs));
            else if (w.op === 'deferred') {
              const schema = 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0';
              const inner = { schema: 'iglu:com.acme/e/jsonschema/1-0-0', data: w.data };
              expected.push([w.key, JSON.stringify({ schema, data: inner })]);
            } else expected.push([w.key, w.value]);
            // What a plugin reads mid-build is exact too, pending quote and all.
            expect(Object.entries(JSON.parse(text.snapshot()))).toEqual(dedupe(expected));
          }
          const json = renderEventText(text.finish());
          // The exact text: key by key in order, as JSON.stringify would write each pair.
          const pairs = expected.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
          expect(json).toBe(`{${pairs.join(',')}}`);
          expect(text.bytes).toBe(utf8(json));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a fragment of pairs ends its last value, so it can be copied after any writes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(keyName, plainText), { minLength: 1, maxLength: 4 }),
        (pairs) => {
          const fragment = new PayloadText('');
          for (const [key, value] of pairs) fragment.putOpenedPlain(keyOpenings(key), value);
          const keys = fragment.fragment();
          expect(keys.text).toBe(pairs.map(([k, v]) => `,"${k}":"${v}"`).join(''));
          expect(keys.bytes).toBe(utf8(keys.text));
          expect(keys.closingText).toBe(`"${keys.text}`);
        },
      ),
    );
  });
});

// JSON.parse keeps a repeated key's last value, at the place of its first.
function dedupe(entries: [string, unknown][]): [string, unknown][] {
  const last = new Map<string, unknown>();
  for (const [key, value] of entries) last.set(key, value);
  return [...last];
}

describe('quoted envelopes: escaping only the data of self-describing JSON', () => {
  it('ue_pr text equals JSON.stringify of the unstruct_event envelope, with its exact size', () => {
    fc.assert(
      fc.property(igluUri, jsonData, (schema, data) => {
        const eventText = selfDescribingText({ schema, data }, 'event');
        const parts = selfDescribingParts({ schema, data }, 'event');
        const quoted = quotedUnstructEvent(parts);
        expect(quoted).toBe(JSON.stringify(unstructEventText(eventText)));
        expect(deferredUnstructEvent(parts, false).bytes).toBe(utf8(quoted));
      }),
      { numRuns: 500 },
    );
  });

  it('co text equals JSON.stringify of the contexts envelope, with its exact size', () => {
    const entity = fc.tuple(igluUri, jsonData).map(([schema, data]) => ({ schema, data }));
    fc.assert(
      fc.property(fc.array(entity, { minLength: 1, maxLength: 4 }), (entities) => {
        const texts = entities.map((e) => selfDescribingText(e, 'entity'));
        const quoted = quotedContexts(texts);
        expect(quoted).toBe(JSON.stringify(contextsText(texts)));
        expect(deferredContexts(texts, false).bytes).toBe(utf8(quoted));
      }),
      { numRuns: 300 },
    );
  });

  it('repairs lone surrogates in data before escaping', () => {
    const parts = selfDescribingParts(
      { schema: 'iglu:com.acme/x/jsonschema/1-0-0', data: { ['k\uD800']: 'v\uDC00"\\' } },
      'event',
    );
    const quoted = quotedUnstructEvent(parts);
    expect(JSON.parse(JSON.parse(quoted) as string)).toEqual({
      schema: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0',
      data: { schema: 'iglu:com.acme/x/jsonschema/1-0-0', data: { 'k\uFFFD': 'v\uFFFD"\\' } },
    });
    expect(deferredUnstructEvent(parts, false).bytes).toBe(utf8(quoted));
  });
});

describe('the tracker hands emitters encoded events', () => {
  function recordingTracker(encodeBase64: boolean) {
    const encoded: EncodedEvent[] = [];
    const added: Payload[] = [];
    const done = async () => ({ delivered: 0, dropped: 0, pending: 0 });
    const tracker = createTracker({
      namespace: 'ns',
      platform: 'srv',
      encodeBase64,
      clock: createManualClock(),
      globalContexts: [{ schema: 'iglu:com.acme/global/jsonschema/1-0-0', data: { g: 'ü"' } }],
      emitters: [
        {
          addEncoded: (event) => encoded.push(event),
          add: (p) => added.push(p),
          flush: done,
          shutdown: done,
        },
        { add: (p) => added.push(p), flush: done, shutdown: done },
      ],
    });
    return { tracker, encoded, added };
  }

  it('an emitter with addEncoded gets the text once, with its exact size; others get the object', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        anyText,
        anyText,
        jsonData,
        igluUri,
        (base64, label, name, data, schema) => {
          const { tracker, encoded, added } = recordingTracker(base64);
          trackStructEvent(tracker, {
            category: 'c',
            action: 'a',
            label,
            property: name,
            value: 1.5,
          });
          trackSelfDescribingEvent(
            tracker,
            { schema, data },
            { context: [{ schema, data: { name } }] },
          );
          expect(encoded).toHaveLength(2);
          expect(added).toHaveLength(2);
          encoded.forEach((event, i) => {
            expect(event.bytes).toBe(utf8(event.json));
            expect(JSON.parse(event.json)).toEqual(added[i]);
            expect(event.payload).toEqual(added[i]);
            expect(added[i]!['eid']).toBe(event.eid);
          });
          expect(added[0]!['e']).toBe('se');
          expect(added[0]!['se_la']).toBe(label === '' ? undefined : label);
          expect(added[0]!['se_pr']).toBe(name === '' ? undefined : name);
          const ue = base64
            ? Buffer.from(added[1]!['ue_px']!, 'base64url').toString('utf8')
            : added[1]!['ue_pr']!;
          expect(JSON.parse(ue)).toEqual({
            schema: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0',
            data: { schema, data: JSON.parse(JSON.stringify(data)) },
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
