/** Ids made per block: 16 KiB of randomness, one `getRandomValues` call. */
export const IDS_PER_BLOCK = 1024;
const ID_LENGTH = 36;

// ASCII codes of each byte's two hex digits.
const HEX_CODES = /* @__PURE__ */ (() => {
  const codes = new Uint8Array(512);
  for (let byte = 0; byte < 256; byte++) {
    const hex = byte.toString(16).padStart(2, '0');
    codes[2 * byte] = hex.charCodeAt(0);
    codes[2 * byte + 1] = hex.charCodeAt(1);
  }
  return codes;
})();
const DASH = 45;

/**
 * Makes UUID v4 event ids in blocks: the random bytes of {@link IDS_PER_BLOCK} ids come from one
 * `crypto.getRandomValues` call, are formatted together as one ASCII text, and each id is a slice
 * of that text. An id costs a fraction of `crypto.randomUUID()`, whose string is built from 20
 * pieces that are joined (and so copied) again when the id is written into an event, and whose
 * randomness is drawn 128 ids at a time. The randomness is the same CSPRNG's.
 *
 * A slice keeps its block's text (36 KiB) alive as long as any id of the block is kept.
 */
export class EventIdBlock {
  private readonly random = new Uint8Array(16 * IDS_PER_BLOCK);
  private readonly ascii = new Uint8Array(ID_LENGTH * IDS_PER_BLOCK);
  private readonly decoder = new TextDecoder();
  private text = '';
  private next = IDS_PER_BLOCK;
  private dashed = false;

  /** @param fill - `crypto.getRandomValues`, or a seam for tests. */
  constructor(private readonly fill: (bytes: Uint8Array) => unknown) {}

  /** A new lowercase UUID v4 (RFC 9562 §5.4): version 4, variant `10`. */
  nextId(): string {
    if (this.next === IDS_PER_BLOCK) this.refill();
    const start = this.next * ID_LENGTH;
    this.next++;
    return this.text.slice(start, start + ID_LENGTH);
  }

  private refill(): void {
    const { random, ascii } = this;
    this.fill(random);
    if (!this.dashed) {
      // The dashes never move: written once.
      for (let at = 0; at < ascii.length; at += ID_LENGTH) {
        ascii[at + 8] = ascii[at + 13] = ascii[at + 18] = ascii[at + 23] = DASH;
      }
      this.dashed = true;
    }
    for (let id = 0; id < IDS_PER_BLOCK; id++) {
      const r = id * 16;
      const o = id * ID_LENGTH;
      // Bytes 0-3, 4-5, 6-7 (version 4), 8-9 (variant 10), 10-15, around the dashes.
      hex(ascii, o, random[r] as number);
      hex(ascii, o + 2, random[r + 1] as number);
      hex(ascii, o + 4, random[r + 2] as number);
      hex(ascii, o + 6, random[r + 3] as number);
      hex(ascii, o + 9, random[r + 4] as number);
      hex(ascii, o + 11, random[r + 5] as number);
      hex(ascii, o + 14, ((random[r + 6] as number) & 0x0f) | 0x40);
      hex(ascii, o + 16, random[r + 7] as number);
      hex(ascii, o + 19, ((random[r + 8] as number) & 0x3f) | 0x80);
      hex(ascii, o + 21, random[r + 9] as number);
      for (let i = 10; i < 16; i++) hex(ascii, o + 24 + (i - 10) * 2, random[r + i] as number);
    }
    // ASCII decodes the same as UTF-8 in every runtime's decoder, into a one-byte string.
    this.text = this.decoder.decode(ascii);
    this.next = 0;
  }
}

function hex(into: Uint8Array, at: number, byte: number): void {
  into[at] = HEX_CODES[2 * byte] as number;
  into[at + 1] = HEX_CODES[2 * byte + 1] as number;
}
