import fc from 'fast-check';
import {
  allocBytes,
  nativeBase64Url,
  scratchBytes,
  writeBase64Url,
  writeEscapedUtf8,
  writeUtf8,
} from '../../src/payload/utf8-bytes';

// Any UTF-16, lone surrogates and control characters included.
const anyString = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
const encoder = new TextEncoder();

// Writes with `write` after two bytes already there, into room for exactly `expected`, and checks
// that nothing around it was touched: into a plain Uint8Array and into a Buffer (allocBytes under
// Node), which take different writers.
function writesExactly(
  write: (into: Uint8Array, at: number) => number,
  expected: Uint8Array,
): void {
  for (const into of [new Uint8Array(expected.length + 4), allocBytes(expected.length + 4)]) {
    into.fill(7);
    const end = write(into, 2);
    expect(end).toBe(2 + expected.length);
    expect(Buffer.from(into.subarray(2, end))).toEqual(Buffer.from(expected));
    expect([...into.subarray(0, 2), ...into.subarray(end)]).toEqual([7, 7, 7, 7]);
  }
}

describe('UTF-8 written into byte arrays', () => {
  it('writeUtf8 writes what TextEncoder encodes, a lone surrogate as U+FFFD', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        writesExactly((into, at) => writeUtf8(text, into, at), encoder.encode(text));
      }),
      { numRuns: 2000 },
    );
    writesExactly(
      (into, at) => writeUtf8('a\uD800b\uDC00😀é€', into, at),
      encoder.encode('a\uFFFDb\uFFFD😀é€'),
    );
  });

  it('writeEscapedUtf8 writes the UTF-8 of JSON.stringify without its quotes', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const expected = encoder.encode(JSON.stringify(text).slice(1, -1));
        writesExactly((into, at) => writeEscapedUtf8(text, into, at), expected);
      }),
      { numRuns: 2000 },
    );
    const tricky = '"\\\b\t\n\f\r\u0000\u001f\u007f\u2028\uD800x\uDFFF😀';
    writesExactly(
      (into, at) => writeEscapedUtf8(tricky, into, at),
      encoder.encode(JSON.stringify(tricky).slice(1, -1)),
    );
  });

  it('writeBase64Url writes the unpadded base64url of a byte range', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(5), (bytes, skip) => {
        const start = Math.min(skip, bytes.length);
        const expected = Buffer.from(bytes.subarray(start)).toString('base64url');
        writesExactly(
          (into, at) => writeBase64Url(bytes, start, bytes.length, into, at),
          encoder.encode(expected),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('nativeBase64Url encodes a range of allocBytes bytes natively, and declines other arrays', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (data) => {
        const bytes = allocBytes(data.length + 2);
        bytes.set(data, 1);
        expect(nativeBase64Url(bytes, 1, data.length + 1)).toBe(
          Buffer.from(data).toString('base64url'),
        );
        expect(nativeBase64Url(new Uint8Array(data), 0, data.length)).toBeUndefined();
      }),
    );
  });

  it('allocBytes makes a zeroed Buffer under Node, whose native writer writeUtf8 uses', () => {
    const bytes = allocBytes(16);
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect([...bytes]).toEqual(Array(16).fill(0));
  });

  it('scratchBytes reuses one array and grows it when asked for more', () => {
    const first = scratchBytes(10);
    expect(scratchBytes(first.length)).toBe(first);
    const grown = scratchBytes(first.length + 1);
    expect(grown.length).toBeGreaterThan(first.length);
    expect(scratchBytes(10)).toBe(grown);
  });
});
