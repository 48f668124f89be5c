/**
 * SHA-1 of a string's UTF-8 bytes, as 40 lowercase hex digits (FIPS 180-4).
 *
 * Written here, not taken from a library or Web Crypto: the cookie names need it synchronously
 * when the tracker is created (so the first event reads the right cookie), `crypto.subtle.digest`
 * is asynchronous and missing on plain-http pages, and a library would cost more bytes than these
 * lines. It only names cookies; it is not used for anything secret, and it favours size over speed.
 */
export function sha1Hex(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const length = bytes.length;
  // The message, a 1 bit (the byte 0x80 just past the end), zero padding and the 64-bit length, as
  // big-endian 32-bit words in 512-bit blocks. Lengths stay far below 2^32 bits, so the length's
  // high word stays 0.
  const words = new Int32Array(((length + 8) >> 6) * 16 + 16);
  for (let i = 0; i <= length; i++) words[i >> 2]! |= (bytes[i] ?? 0x80) << (24 - (i % 4) * 8);
  words[words.length - 1] = length * 8;
  let hash = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const schedule: number[] = [];
  for (let block = 0; block < words.length; block += 16) {
    let [a, b, c, d, e] = hash as [number, number, number, number, number];
    for (let t = 0; t < 80; t++) {
      schedule[t] =
        t < 16
          ? words[block + t]!
          : rotate(schedule[t - 3]! ^ schedule[t - 8]! ^ schedule[t - 14]! ^ schedule[t - 16]!, 1);
      // Each 20 rounds mix b, c and d their own way and add their own constant.
      const mix =
        t < 20
          ? ((b & c) | (~b & d)) + 0x5a827999
          : t < 40
            ? (b ^ c ^ d) + 0x6ed9eba1
            : t < 60
              ? ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc
              : (b ^ c ^ d) + 0xca62c1d6;
      [a, b, c, d, e] = [(rotate(a, 5) + mix + e + schedule[t]!) | 0, a, rotate(b, 30), c, d];
    }
    const state = [a, b, c, d, e];
    hash = hash.map((word, i) => (word + state[i]!) | 0);
  }
  return hash.map((word) => (word >>> 0).toString(16).padStart(8, '0')).join('');
}

const rotate = (value: number, bits: number): number => (value << bits) | (value >>> (32 - bits));
