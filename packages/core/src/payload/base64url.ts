// Typed structurally: under Node's or the DOM's types TextEncoder is a value, not only a class type.
let encoder: { encode(input?: string): Uint8Array } | undefined;
const NON_ASCII = /[\u0080-\uFFFF]/;
const CHUNK = 0x2000;

interface BufferLike {
  from(text: string, encoding: 'utf8'): { toString(encoding: 'base64url'): string };
}
// Node and Bun have Buffer, whose native base64url encoder does in one pass what btoa, a UTF-8
// copy and the alphabet rewrite do in four. Read off globalThis (core compiles without Node's
// types) and tried once: a browser app may carry a Buffer polyfill without base64url.
const nodeBuffer = pickNativeEncoder((globalThis as { Buffer?: BufferLike }).Buffer);

function pickNativeEncoder(candidate: BufferLike | undefined): BufferLike | undefined {
  try {
    return candidate?.from('?>\u00e9', 'utf8').toString('base64url') === 'Pz7DqQ'
      ? candidate
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Encodes text as unpadded base64url over its UTF-8 bytes (tracker protocol §5.3), as `ue_px` and
 * `cx` carry it.
 *
 * @param text - a well-formed string (see `toWellFormed`).
 * @returns the base64url alphabet (`A–Z a–z 0–9 - _`) with the `=` padding stripped.
 */
export function base64UrlEncode(text: string): string {
  if (nodeBuffer !== undefined) return nodeBuffer.from(text, 'utf8').toString('base64url');
  return encodeWithBtoa(text);
}

/** {@link base64UrlEncode} with only the web platform: `btoa` over the UTF-8 bytes. */
export function encodeWithBtoa(text: string): string {
  let binary = text;
  // ASCII text is its own UTF-8; anything else goes through real UTF-8 bytes, because `btoa`
  // alone would encode Latin-1 and throw above U+00FF.
  if (NON_ASCII.test(text)) {
    encoder ??= new TextEncoder();
    const bytes = encoder.encode(text);
    binary = '';
    for (let start = 0; start < bytes.length; start += CHUNK) {
      // apply() takes the typed array as an array-like without copying it into an iterator.
      binary += String.fromCharCode.apply(
        null,
        bytes.subarray(start, start + CHUNK) as unknown as number[],
      );
    }
  }
  return toUrlAlphabet(btoa(binary));
}

function toUrlAlphabet(base64: string): string {
  let end = base64.length;
  while (end > 0 && base64.charCodeAt(end - 1) === 61 /* = */) end--;
  return base64.slice(0, end).replaceAll('+', '-').replaceAll('/', '_');
}
