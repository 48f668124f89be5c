import fc from 'fast-check';
import { getQuery } from '../../src/emitter/get-query';
import {
  buildPostBody,
  countFitting,
  ENVELOPE_BYTES,
  STM_BYTES,
  withStm,
} from '../../src/emitter/post-body';
import { queuePayload } from '../../src/emitter/queue-payload';
import type { QueuedPayload } from '../../src/store/event-store';

// Property tests over the wire encoders: the queued text of any payload, stamped and joined into a
// body, parses back to the payload plus stm, and its byte count is what batching counted.

const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
const payload = fc.record({ e: fc.constantFrom('se', 'ue', 'pv'), eid: fc.uuid() }).chain((head) =>
  fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), text).map((rest) => ({
    ...rest,
    ...head,
  })),
);
const utf8 = (value: string): number => Buffer.byteLength(value, 'utf8');
const repaired = (value: string): string => Buffer.from(value, 'utf8').toString('utf8');

function queued(payloads: Record<string, string>[]): QueuedPayload[] {
  return payloads.map((p, i) => queuePayload(p, 0, i + 1) as QueuedPayload);
}

describe('the POST body and the queued text', () => {
  it('parse back to each payload plus stm, lone surrogates as U+FFFD, with the bytes counted', () => {
    fc.assert(
      fc.property(fc.array(payload, { minLength: 1, maxLength: 5 }), (payloads) => {
        const events = queued(payloads);
        const stm = '1764000000000';
        const body = buildPostBody(events, stm);
        const parsed = JSON.parse(body) as { schema: string; data: Record<string, string>[] };
        expect(parsed.data).toHaveLength(payloads.length);
        parsed.data.forEach((event, i) => {
          const expected: Record<string, string> = {};
          for (const [key, value] of Object.entries(payloads[i]!)) {
            if (key !== 'stm') expected[repaired(key)] = repaired(value);
          }
          expect(event).toEqual({ ...expected, stm });
          expect(events[i]!.bytes).toBe(utf8(events[i]!.json));
        });
        const counted =
          ENVELOPE_BYTES +
          events.reduce((sum, e) => sum + e.bytes + STM_BYTES, 0) +
          events.length -
          1;
        expect(utf8(body)).toBe(counted);
        expect(countFitting(events, counted)).toBe(events.length);
        if (events.length > 1) expect(countFitting(events, counted - 1)).toBe(events.length - 1);
      }),
      { numRuns: 300 },
    );
  });

  it('the GET query decodes back to the payload plus stm, ASCII only', () => {
    fc.assert(
      fc.property(payload, (p) => {
        const [event] = queued([p]);
        const query = getQuery(JSON.parse(event!.json), '1764000000000');
        expect(query).toMatch(/^[A-Za-z0-9\-_.~%=&]*$/);
        const decoded = Object.fromEntries(
          query
            .split('&')
            .map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]),
        );
        expect(decoded['stm']).toBe('1764000000000');
        expect(decoded['eid']).toBe(p['eid']);
      }),
      { numRuns: 200 },
    );
  });

  it('withStm puts stm last, before the closing brace', () => {
    expect(withStm('{"e":"pv","eid":"x"}', '1')).toBe('{"e":"pv","eid":"x","stm":"1"}');
  });
});
