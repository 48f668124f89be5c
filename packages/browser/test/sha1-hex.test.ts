import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { parseIdCookie } from '../src/identity/id-cookie';
import { sha1Hex } from '../src/identity/sha1-hex';

test('sha1Hex matches node:crypto on any text, padding edges included', () => {
  for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
    const text = 'x'.repeat(length);
    expect(sha1Hex(text)).toBe(createHash('sha1').update(text).digest('hex'));
  }
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
      expect(sha1Hex(text)).toBe(createHash('sha1').update(text, 'utf8').digest('hex'));
    }),
  );
});

test('the id value round-trips and an old, short Snowplow value reads with empty fields', () => {
  const value = 'd1.1700000000.3.1700000100.1699990000.s3.s2.e1.1700000000123.7';
  expect(parseIdCookie(value)!.join('.')).toBe(value);
  expect(parseIdCookie('d1.1700000000.1.1700000000.')).toEqual([
    'd1',
    '1700000000',
    1,
    '1700000000',
    '',
    '',
    '',
    '',
    '',
    0,
  ]);
  expect(parseIdCookie('')).toBeUndefined();
});
