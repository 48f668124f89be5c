import { createHash } from 'node:crypto';
import fc from 'fast-check';
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
