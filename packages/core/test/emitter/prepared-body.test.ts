import { createTracker, type EncodedEvent, trackSelfDescribingEvent } from '@floe/core';
import fc from 'fast-check';
import { buildPostBody } from '../../src/emitter/post-body';
import { prepareEncodedEvent } from '../../src/emitter/prepare-event';
import { BodyBuffers, prepareBody, stampBody } from '../../src/emitter/prepared-body';
import { DeferredText } from '../../src/payload/deferred-text';
import type { QueuedEvent } from '../../src/store/event-store';
import { PreparedEvent } from '../../src/store/prepared-event';

const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }));
const payload = fc.record({ e: fc.constantFrom('se', 'ue', 'pv'), eid: fc.uuid(), se_la: text });

function queued(payloads: Record<string, string>[]): QueuedEvent[] {
  return payloads.map((p) => {
    const json = JSON.stringify(p);
    return { eid: p['eid']!, payload: p, json, bytes: Buffer.byteLength(json), queuedAt: 0 };
  });
}
const decode = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');
const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

describe('POST bodies prepared as bytes ahead of their turn', () => {
  it('joins tracked events kept in pieces, deferred envelopes written, as the text body would be', () => {
    const head = '{"e":"ue","eid":"x"';
    const value = {
      bytes: 7,
      render: () => '"a\\"b"',
      writeTo: (into: Uint8Array, at: number) => at + Buffer.from('"a\\"b"').copy(into, at),
    };
    const text = `${head},"ue_pr":"a\\"b"}`;
    const events = [
      new PreparedEvent('x', new DeferredText([head, ',"ue_pr":', value, '}']), utf8(text), 0, 1),
      new PreparedEvent('y', '{"e":"se","eid":"y"}', 20, 0, 2),
    ];
    const body = prepareBody(events, new BodyBuffers(2))!;
    const stamped = decode(stampBody(body, '1764000000000')!);
    expect(stamped).toBe(buildPostBody(events, '1764000000000'));
    expect(JSON.parse(stamped).data[0]).toEqual({
      e: 'ue',
      eid: 'x',
      ue_pr: 'a"b',
      stm: '1764000000000',
    });
  });

  it('writes bodies into buffers used in turn, grown when a body needs more', () => {
    const buffers = new BodyBuffers(2);
    const first = buffers.next(10);
    const second = buffers.next(10);
    expect(second).not.toBe(first);
    expect(buffers.next(10)).toBe(first);
    const grown = buffers.next(200_000);
    expect(grown).not.toBe(second);
    expect(grown.length).toBeGreaterThanOrEqual(200_000);
    expect(buffers.next(10)).toBe(first);
  });

  it('stamped with an attempt’s stm, they are the bytes of the body built as text', () => {
    fc.assert(
      fc.property(
        fc.array(payload, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1e12, max: 9.99e12 }),
        fc.integer({ min: 1e12, max: 9.99e12 }),
        (payloads, first, second) => {
          const events = queued(payloads);
          const texts = events.map((event) => event.json!);
          const body = prepareBody(events, new BodyBuffers(2))!;
          expect(body.events).toBe(events.length);
          for (const stm of [String(first), String(second)]) {
            const bytes = stampBody(body, stm)!;
            expect(decode(bytes)).toBe(buildPostBody(events, stm, texts));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes tracked self-describing events and entities, base64 or escaped, as their text', () => {
    // Any UTF-16 in the data, lone surrogates included: the tracker repairs them, and the bytes
    // written from the pieces must be the bytes of the text written as a string.
    const data = fc.dictionary(
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.oneof(fc.string({ unit: 'binary' }), fc.double({ noNaN: true, noDefaultInfinity: true })),
      { maxKeys: 4 },
    );
    const sdj = fc.record({
      schema: fc.constantFrom(
        'iglu:com.acme/a/jsonschema/1-0-0',
        'iglu:com.acme/b/jsonschema/2-1-0',
      ),
      data,
    });
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.tuple(sdj, fc.array(sdj, { maxLength: 3 })), { minLength: 1, maxLength: 6 }),
        (encodeBase64, tracked) => {
          const encoded: EncodedEvent[] = [];
          const settled = async () => ({ delivered: 0, dropped: 0, pending: 0 });
          const tracker = createTracker({
            namespace: 'ns',
            appId: 'app',
            platform: 'srv',
            encodeBase64,
            emitters: [
              {
                addEncoded: (e: EncodedEvent) => encoded.push(e),
                add: () => {},
                flush: settled,
                shutdown: settled,
              },
            ],
          });
          for (const [event, context] of tracked)
            trackSelfDescribingEvent(tracker, event, { context });
          expect(encoded).toHaveLength(tracked.length);
          const events = encoded.map((e, i) => {
            const prepared = prepareEncodedEvent(e, {
              now: 0,
              seq: i + 1,
              getOnlyPrefix: undefined,
            });
            return prepared as QueuedEvent;
          });
          const body = prepareBody(events, new BodyBuffers(2))!;
          expect(body).toBeDefined();
          const stm = '1764000000000';
          expect(decode(stampBody(body, stm)!)).toBe(buildPostBody(events, stm));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves an stm of another width to the text path', () => {
    const events = queued([{ e: 'se', eid: 'a' }]);
    const body = prepareBody(events, new BodyBuffers(2))!;
    expect(stampBody(body, '999999999999')).toBeUndefined();
    expect(stampBody(body, '10000000000000')).toBeUndefined();
  });

  it('declines, without throwing, an event whose text runs past the buffer its size made', () => {
    // Over 64 KiB, the buffer is as large as the body the sizes add up to, and no larger.
    const head = '{"e":"ue","eid":"x"';
    const long = new Uint8Array(70_100).fill(97);
    const value = {
      bytes: 70_000,
      render: () => '"' + 'a'.repeat(69_998) + '"',
      writeTo: (into: Uint8Array, at: number) => {
        into.set(long, at);
        return at + long.length;
      },
    };
    const text = new DeferredText([head, ',"ue_pr":', value, '}']);
    const declared = utf8(head) + 9 + 70_000 + 1;
    const events = [new PreparedEvent('x', text, declared, 0, 1)];
    expect(prepareBody(events, new BodyBuffers(2))).toBeUndefined();
  });

  it('declines a layout it cannot stamp: an empty event object, or sizes that do not match', () => {
    const empty = queued([{} as Record<string, string>]);
    expect(prepareBody(empty, new BodyBuffers(2))).toBeUndefined();
    const wrong = queued([{ e: 'se', eid: 'ü' }]).map((event) => ({ ...event, bytes: 1 }));
    expect(prepareBody(wrong, new BodyBuffers(2))).toBeUndefined();
  });
});
