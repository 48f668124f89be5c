import fc from 'fast-check';
import { base64UrlEncode } from '../../src/payload/base64url';
import { deferredContexts, deferredUnstructEvent } from '../../src/payload/deferred-envelopes';
import { DeferredText, type DeferredValue } from '../../src/payload/deferred-text';
import { EncodedEvent } from '../../src/payload/encoded-event';
import { base64UrlLength, escapedLength } from '../../src/payload/escaped-length';
import { PayloadText } from '../../src/payload/payload-text';
import { escapedSelfDescribingLength } from '../../src/payload/quoted-envelope';
import {
  contextsText,
  joinSelfDescribing,
  selfDescribingParts,
  selfDescribingText,
  unstructEventText,
} from '../../src/payload/self-describing-text';
import { toWellFormed } from '../../src/payload/well-formed';

const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');
// What a value's writeTo puts in a byte array, after some bytes already there, as text; it must
// write exactly `bytes` of them.
function written(value: DeferredValue): string {
  const into = new Uint8Array(value.bytes + 10).fill(7);
  const end = value.writeTo(into, 3);
  expect(end).toBe(3 + value.bytes);
  expect([...into.subarray(0, 3), ...into.subarray(end)]).toEqual(Array(10).fill(7));
  return Buffer.from(into.subarray(3, end)).toString('utf8');
}
// Any UTF-16, lone surrogates and control characters included: the counter must match
// JSON.stringify on every string, not only on the JSON texts it is used for.
const anyString = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
const igluUri = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9_.-]{0,12}$/), fc.nat(9))
  .map(([vendor, m]) => `iglu:${vendor}/thing/jsonschema/${m + 1}-0-0`);
const sdj = fc.record({ schema: igluUri, data: fc.jsonValue({ maxDepth: 3 }) });

describe('sizes counted without writing', () => {
  it('escapedLength is the UTF-8 size of JSON.stringify without its quotes', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        expect(escapedLength(text)).toBe(utf8(JSON.stringify(text)) - 2);
      }),
      { numRuns: 2000 },
    );
    expect(escapedLength('"\\\n\u000b\u2028😀\uD800')).toBe(
      utf8(JSON.stringify('"\\\n\u000b\u2028😀\uD800')) - 2,
    );
  });

  it('escapedSelfDescribingLength counts an entity text as escapedLength does', () => {
    fc.assert(
      fc.property(sdj, fc.nat(20), (entity, from) => {
        const text = selfDescribingText(entity, 'entity');
        expect(escapedSelfDescribingLength(text)).toBe(escapedLength(text));
        const start = Math.min(from, text.length);
        expect(escapedLength(text, start)).toBe(escapedLength(text.slice(start)));
      }),
      { numRuns: 500 },
    );
    // Not a self-describing text: counted whole.
    expect(escapedSelfDescribingLength('{"a":"\u00e9"}')).toBe(escapedLength('{"a":"\u00e9"}'));
  });

  it('base64UrlLength is the length of unpadded base64 for that many bytes', () => {
    for (let n = 0; n < 50; n++) {
      expect(base64UrlLength(n)).toBe(Buffer.alloc(n).toString('base64url').length);
    }
  });
});

describe('deferred envelopes', () => {
  it.each([false, true])('ue_pr/ue_px (base64 %p): text and size equal the eager form', (b64) => {
    fc.assert(
      fc.property(sdj, (event) => {
        const parts = selfDescribingParts(event, 'event');
        const value = deferredUnstructEvent(parts, b64);
        const envelope = unstructEventText(joinSelfDescribing(parts));
        const expected = JSON.stringify(b64 ? base64UrlEncode(envelope) : envelope);
        expect(value.render()).toBe(expected);
        expect(value.bytes).toBe(utf8(expected));
        expect(written(value)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it.each([false, true])('co/cx (base64 %p): text and size equal the eager form', (b64) => {
    // Entities come as texts (global contexts) or parts (a call's own), in any mix.
    const entity = fc.tuple(sdj, fc.boolean());
    fc.assert(
      fc.property(fc.array(entity, { minLength: 1, maxLength: 4 }), (entities) => {
        const texts = entities.map(([e]) => selfDescribingText(e, 'entity'));
        const given = entities.map(([e, asParts]) =>
          asParts ? selfDescribingParts(e, 'entity') : selfDescribingText(e, 'entity'),
        );
        const value = deferredContexts(given, b64);
        const envelope = contextsText(texts);
        const expected = JSON.stringify(b64 ? base64UrlEncode(envelope) : envelope);
        expect(value.render()).toBe(expected);
        expect(value.bytes).toBe(utf8(expected));
        expect(written(value)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('event text kept in pieces until read', () => {
  function counting(text: string): DeferredValue & { renders: number } {
    return {
      bytes: utf8(text),
      renders: 0,
      render() {
        this.renders++;
        return text;
      },
      writeTo(into, at) {
        this.renders++;
        return at + Buffer.from(text).copy(into, at);
      },
    };
  }

  it('writes a deferred value only when the text is read, once, with the size known before', () => {
    const value = counting('"ü"');
    const text = new PayloadText('{"e":"ue"');
    text.put('eid', 'x');
    text.putDeferred('ue_pr', value);
    text.put('aid', 'app');
    const bytes = text.bytes;
    const event = new EncodedEvent('x', text.finish(), bytes);
    expect(event.source).toBeInstanceOf(DeferredText);
    expect(value.renders).toBe(0);
    expect(event.json).toBe('{"e":"ue","eid":"x","ue_pr":"ü","aid":"app"}');
    expect(event.json).toBe('{"e":"ue","eid":"x","ue_pr":"ü","aid":"app"}');
    expect(value.renders).toBe(1);
    expect(typeof event.source).toBe('string');
    expect(bytes).toBe(utf8(event.json));
  });

  it('lets a plugin read the payload written so far', () => {
    const text = new PayloadText('{"e":"ue"');
    text.putDeferred('ue_pr', counting('"a"'));
    expect(JSON.parse(text.snapshot())).toEqual({ e: 'ue', ue_pr: 'a' });
    text.put('aid', 'b');
    expect(JSON.parse(text.snapshot())).toEqual({ e: 'ue', ue_pr: 'a', aid: 'b' });
  });

  it('writes its bytes without the closing brace, deferred values written in place', () => {
    const text = new PayloadText('{"e":"ue"');
    text.put('eid', 'é');
    text.putDeferred('ue_pr', counting('"ü\\"😀"'));
    text.put('aid', 'app');
    const bytes = text.bytes;
    const source = text.finish() as DeferredText;
    const into = new Uint8Array(bytes + 4);
    const end = source.writeOpenTo(into, 2);
    expect(end).toBe(2 + bytes - 1);
    expect(Buffer.from(into.subarray(2, end + 1)).toString('utf8')).toBe(source.render());
    expect(source.render()).toBe('{"e":"ue","eid":"é","ue_pr":"ü\\"😀","aid":"app"}');
  });

  it('keeps an event without deferred values as one flat string', () => {
    const text = new PayloadText('{"e":"se"');
    text.put('se_ca', toWellFormed('c'));
    expect(text.finish()).toBe('{"e":"se","se_ca":"c"}');
  });
});
