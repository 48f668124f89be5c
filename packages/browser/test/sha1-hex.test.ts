import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha1Hex } from '../src/identity/sha1-hex';

test('sha1Hex gives the FIPS 180 example digests', () => {
  expect(sha1Hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
  expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  expect(sha1Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
    '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
  );
  expect(sha1Hex('a'.repeat(1_000_000))).toBe('34aa973cd4c4daa4f61eeb2bdbad27316534016f');
});

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
