/** The round constants of SHA-1, one per 20 rounds. */
const K = [0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6];

/**
 * SHA-1 of a string's UTF-8 bytes, as 40 lowercase hex digits (FIPS 180-4).
 *
 * Written here, not taken from a library or Web Crypto: the cookie names need it synchronously
 * when the tracker is created (so the first event reads the right cookie), `crypto.subtle.digest`
 * is asynchronous and missing on plain-http pages, and a library would cost more bytes than these
 * lines. It only names cookies; it is not used for anything secret.
 */
export function sha1Hex(text: string): string {
  const bytes = new TextEncoder().encode(text);
  // The message, a 1 bit, zero padding and the 64-bit length, as big-endian 32-bit words in
  // 512-bit blocks. Lengths stay far below 2^32 bits, so the length's high word stays 0.
  const words = new Uint32Array(((bytes.length + 8) >> 6) * 16 + 16);
  bytes.forEach((byte, i) => {
    words[i >> 2]! |= byte << (24 - (i % 4) * 8);
  });
  words[bytes.length >> 2]! |= 0x80 << (24 - (bytes.length % 4) * 8);
  words[words.length - 1] = bytes.length * 8;
  const hash = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const schedule: number[] = [];
  for (let block = 0; block < words.length; block += 16) {
    let [a, b, c, d, e] = hash as [number, number, number, number, number];
    for (let t = 0; t < 80; t++) {
      schedule[t] =
        t < 16
          ? words[block + t]!
          : rotate(schedule[t - 3]! ^ schedule[t - 8]! ^ schedule[t - 14]! ^ schedule[t - 16]!, 1);
      const round = (t / 20) | 0;
      const mix =
        round === 0 ? (b & c) | (~b & d) : round === 2 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const next = (rotate(a, 5) + mix + e + K[round]! + schedule[t]!) | 0;
      e = d;
      d = c;
      c = rotate(b, 30);
      b = a;
      a = next;
    }
    [a, b, c, d, e].forEach((value, i) => {
      hash[i] = (hash[i]! + value) | 0;
    });
  }
  return hash.map((word) => (word >>> 0).toString(16).padStart(8, '0')).join('');
}

function rotate(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}
