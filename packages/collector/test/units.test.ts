import fc from 'fast-check';
import { parseQuery } from '../src/pipeline/parse-query';
import { decodeBase64Url } from '../src/util/base64url';
import { codePointLength, truncateCodePoints } from '../src/util/code-points';
import { parseJsonWithDepth } from '../src/util/parse-json';
import { MAX_TIMESTAMP_MS, MIN_TIMESTAMP_MS, toIsoTimestamp } from '../src/util/timestamps';

test('toIsoTimestamp matches Date#toISOString over years 0 to 9999', () => {
  fc.assert(
    fc.property(fc.integer({ min: MIN_TIMESTAMP_MS, max: MAX_TIMESTAMP_MS }), (ms) => {
      expect(toIsoTimestamp(ms)).toBe(new Date(ms).toISOString());
    }),
    { numRuns: 2000 },
  );
  expect(toIsoTimestamp(MIN_TIMESTAMP_MS)).toBe('0000-01-01T00:00:00.000Z');
  expect(toIsoTimestamp(-1)).toBe('1969-12-31T23:59:59.999Z');
});

test('base64url: padded, unpadded and standard alphabet decode alike; junk is rejected', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      const std = Buffer.from(bytes).toString('base64');
      for (const text of [std, std.replace(/=+$/, ''), Buffer.from(bytes).toString('base64url')]) {
        const decoded = decodeBase64Url(text);
        expect('bytes' in decoded && Buffer.from(decoded.bytes).equals(Buffer.from(bytes))).toBe(
          true,
        );
      }
    }),
  );
  for (const junk of ['***', 'a', 'ab=c', 'abc===', 'ab cd'])
    expect(decodeBase64Url(junk)).toHaveProperty('error');
});

test('JSON depth: 40 levels pass, 41 fail, hostile nesting does not overflow', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  expect(parseJsonWithDepth(nested(40), 40).ok).toBe(true);
  expect(parseJsonWithDepth(nested(41), 40)).toEqual({
    ok: false,
    error: expect.stringMatching(/deeper than the maximum of 40/),
  });
  expect(parseJsonWithDepth(nested(200_000), 40).ok).toBe(false);
  expect(parseJsonWithDepth('{"a":[{"b":"[[[[["}]}', 3).ok).toBe(true);
});

test('query strings: + is a space, bare names, last value kept by the map, bad escapes reported', () => {
  expect(parseQuery('a=1+2&b&c=%E2%9C%93&&d=')).toEqual({
    ok: true,
    params: [
      { name: 'a', value: '1 2' },
      { name: 'b', value: null },
      { name: 'c', value: '✓' },
      { name: 'd', value: '' },
    ],
  });
  expect(parseQuery('a=%E0%A4')).toMatchObject({
    ok: false,
    raw: [{ name: 'a', value: '%E0%A4' }],
  });
  expect(parseQuery(null)).toEqual({ ok: true, params: [] });
});

test('code points: a surrogate pair counts once and is never split', () => {
  expect(codePointLength('a😀b')).toBe(3);
  expect(truncateCodePoints('😀😀😀', 2)).toBe('😀😀');
  expect(truncateCodePoints('abc', 5)).toBe('abc');
});
