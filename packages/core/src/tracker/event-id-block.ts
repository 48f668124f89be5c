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
    let out = 0;
    for (let id = 0; id < IDS_PER_BLOCK; id++) {
      const first = id * 16;
      for (let i = 0; i < 16; i++) {
        let byte = random[first + i] as number;
        if (i === 6) byte = (byte & 0x0f) | 0x40;
        else if (i === 8) byte = (byte & 0x3f) | 0x80;
        if (i === 4 || i === 6 || i === 8 || i === 10) ascii[out++] = DASH;
        ascii[out++] = HEX_CODES[2 * byte] as number;
        ascii[out++] = HEX_CODES[2 * byte + 1] as number;
      }
    }
    // ASCII decodes the same as UTF-8 in every runtime's decoder, into a one-byte string.
    this.text = this.decoder.decode(ascii);
    this.next = 0;
  }
}
