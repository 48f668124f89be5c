// Writers of UTF-8 into a caller's byte array, at an offset, allocating next to nothing (a view for
// `encodeInto` where there is no Buffer, a base64 string where there is): a POST body is written
// this way straight from the pieces of its events (see `prepareBody`), so preparing a batch makes
// almost no garbage. The caller keeps room for what is written:
// sizes are known exactly when events are tracked (see `escaped-length.ts`).

const HEX = '0123456789abcdef';
/** The short escapes JSON.stringify writes for control characters; 0 where it writes `\u00XX`. */
const SHORT_ESCAPES = new Uint8Array(32);
SHORT_ESCAPES[8] = 98; // \b
SHORT_ESCAPES[9] = 116; // \t
SHORT_ESCAPES[10] = 110; // \n
SHORT_ESCAPES[12] = 102; // \f
SHORT_ESCAPES[13] = 114; // \r

/** A Node or Bun `Buffer`: a Uint8Array with native UTF-8 and base64url writers. */
interface NativeBytes extends Uint8Array {
  write(text: string, offset: number, encoding: 'utf8'): number;
}
/** A `Buffer`'s encoder, typed apart: Uint8Array's own `toString` takes no arguments. */
interface NativeEncoder {
  toString(encoding: 'base64url', start: number, end: number): string;
}
interface NativeBytesClass {
  alloc(size: number): NativeBytes;
}
// Read off globalThis (core compiles without Node's types) and checked once: a browser app may
// carry a Buffer polyfill, which must write what TextEncoder and our base64url would.
const nativeBytes = pickNativeBytes((globalThis as { Buffer?: NativeBytesClass }).Buffer);

function pickNativeBytes(candidate: NativeBytesClass | undefined): NativeBytesClass | undefined {
  try {
    if (candidate === undefined) return undefined;
    // é and a lone surrogate after one untouched byte: 0, C3 A9, EF BF BD.
    const probe = candidate.alloc(8);
    const written = probe.write('\u00e9\ud800', 1, 'utf8');
    const base64 = (probe as unknown as NativeEncoder).toString('base64url', 1, 6);
    return written === 5 &&
      [...probe.subarray(0, 6)].join() === '0,195,169,239,191,189' &&
      base64 === 'w6nvv70'
      ? candidate
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The unpadded base64url of `bytes[start, end)` from the runtime's native encoder, when `bytes`
 * came from {@link allocBytes} on a runtime that has one; otherwise undefined (use
 * {@link writeBase64Url}).
 */
export function nativeBase64Url(bytes: Uint8Array, start: number, end: number): string | undefined {
  if (nativeBytes === undefined || typeof (bytes as Partial<NativeBytes>).write !== 'function') {
    return undefined;
  }
  return (bytes as unknown as NativeEncoder).toString('base64url', start, end);
}

// Typed structurally: under Node's or the DOM's types TextEncoder is a value, not only a class type.
let encoder:
  | { encodeInto(input: string, into: Uint8Array): { read: number; written: number } }
  | undefined;

/**
 * A zeroed byte array to write into with the functions here: a `Buffer` where the runtime has
 * one, whose native writer {@link writeUtf8} then uses.
 */
export function allocBytes(size: number): Uint8Array {
  return nativeBytes ? nativeBytes.alloc(size) : new Uint8Array(size);
}

/** Up to this many characters, an ASCII text is copied by a loop here rather than natively. */
const SHORT_TEXT = 32;

/**
 * Writes `text` as UTF-8, an unpaired surrogate as U+FFFD, as `TextEncoder` does. A long text is
 * written by native code (a `Buffer`'s writer, or `encodeInto`), which costs ~80 ns a call; a
 * short ASCII one is cheaper to copy here, at ~2 ns a character.
 *
 * @returns the offset after the last byte written.
 */
export function writeUtf8(text: string, into: Uint8Array, at: number): number {
  if (text.length <= SHORT_TEXT) {
    let to = at;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0x80) return writeNative(text, into, at);
      into[to++] = unit;
    }
    return to;
  }
  return writeNative(text, into, at);
}

function writeNative(text: string, into: Uint8Array, at: number): number {
  if (typeof (into as Partial<NativeBytes>).write === 'function') {
    return at + (into as NativeBytes).write(text, at, 'utf8');
  }
  encoder ??= new TextEncoder();
  return at + encoder.encodeInto(text, into.subarray(at)).written;
}

/** A constant text's UTF-8 bytes, made once, for {@link writeBytes}. */
export function utf8Constant(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/**
 * Copies bytes made before (see {@link utf8Constant}): the cheapest write there is.
 *
 * @returns the offset after the last byte written.
 */
export function writeBytes(bytes: Uint8Array, into: Uint8Array, at: number): number {
  into.set(bytes, at);
  return at + bytes.length;
}

/**
 * Writes `text` escaped as the body of a JSON string, as UTF-8: the bytes of
 * `JSON.stringify(text).slice(1, -1)`, which `escapedLength` counts. `"` and `\` are escaped,
 * control characters become `\b \t \n \f \r` or `\u00XX`, and an unpaired surrogate `\udXXX`,
 * with JSON.stringify's lower-case hex.
 *
 * @returns the offset after the last byte written.
 */
export function writeEscapedUtf8(text: string, into: Uint8Array, at: number): number {
  let to = at;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x20 && unit < 0x80) {
      if (unit === 34 || unit === 92) into[to++] = 92;
      into[to++] = unit;
    } else if (unit < 0x20) {
      const short = SHORT_ESCAPES[unit] as number;
      into[to++] = 92;
      if (short !== 0) into[to++] = short;
      else to = writeUnicodeEscape(unit, into, to);
    } else if (isPairAt(text, i)) {
      to = writeFourBytes(text.codePointAt(i) as number, into, to);
      i++;
    } else if (isSurrogate(unit)) {
      into[to++] = 92;
      to = writeUnicodeEscape(unit, into, to);
    } else to = writeUnit(unit, into, to);
  }
  return to;
}

const isSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdfff;

// A high surrogate at `i` followed by a low one: one code point, four bytes.
function isPairAt(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdbff) return false;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

// A code unit from U+0080 to U+FFFF that is not a surrogate: two or three bytes.
function writeUnit(unit: number, into: Uint8Array, at: number): number {
  if (unit < 0x800) {
    into[at] = 0xc0 | (unit >> 6);
    into[at + 1] = 0x80 | (unit & 0x3f);
    return at + 2;
  }
  into[at] = 0xe0 | (unit >> 12);
  into[at + 1] = 0x80 | ((unit >> 6) & 0x3f);
  into[at + 2] = 0x80 | (unit & 0x3f);
  return at + 3;
}

function writeFourBytes(point: number, into: Uint8Array, at: number): number {
  into[at] = 0xf0 | (point >> 18);
  into[at + 1] = 0x80 | ((point >> 12) & 0x3f);
  into[at + 2] = 0x80 | ((point >> 6) & 0x3f);
  into[at + 3] = 0x80 | (point & 0x3f);
  return at + 4;
}

// `uXXXX` after the backslash, lower-case hex.
function writeUnicodeEscape(unit: number, into: Uint8Array, at: number): number {
  into[at] = 117; // u
  into[at + 1] = HEX.charCodeAt(unit >> 12);
  into[at + 2] = HEX.charCodeAt((unit >> 8) & 0xf);
  into[at + 3] = HEX.charCodeAt((unit >> 4) & 0xf);
  into[at + 4] = HEX.charCodeAt(unit & 0xf);
  return at + 5;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ALPHABET = Uint8Array.from(BASE64URL, (c) => c.charCodeAt(0));

/**
 * Writes bytes `from[start, end)` as unpadded base64url (tracker protocol §5.3), the text
 * `base64UrlEncode` returns for them, as ASCII bytes.
 *
 * @returns the offset after the last byte written.
 */
export function writeBase64Url(
  from: Uint8Array,
  start: number,
  end: number,
  into: Uint8Array,
  at: number,
): number {
  let to = at;
  let i = start;
  for (; i + 2 < end; i += 3) {
    const group =
      ((from[i] as number) << 16) | ((from[i + 1] as number) << 8) | (from[i + 2] as number);
    into[to++] = ALPHABET[group >> 18] as number;
    into[to++] = ALPHABET[(group >> 12) & 0x3f] as number;
    into[to++] = ALPHABET[(group >> 6) & 0x3f] as number;
    into[to++] = ALPHABET[group & 0x3f] as number;
  }
  const rest = end - i;
  if (rest > 0) {
    const group = ((from[i] as number) << 16) | (rest === 2 ? (from[i + 1] as number) << 8 : 0);
    into[to++] = ALPHABET[group >> 18] as number;
    into[to++] = ALPHABET[(group >> 12) & 0x3f] as number;
    if (rest === 2) into[to++] = ALPHABET[(group >> 6) & 0x3f] as number;
  }
  return to;
}

let scratch: Uint8Array | undefined;

/**
 * A byte array of at least `bytes` for text written before it is encoded again (the JSON under
 * `ue_px` and `cx`): one, grown as needed and reused, since nothing keeps it between calls.
 */
export function scratchBytes(bytes: number): Uint8Array {
  if (scratch === undefined || scratch.length < bytes) {
    scratch = allocBytes(Math.max(bytes, (scratch?.length ?? 2048) * 2));
  }
  return scratch;
}
