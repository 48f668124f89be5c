import { utf8Length } from './utf8-length';

/**
 * Encodes text as unpadded base64url over its UTF-8 bytes (tracker protocol §5.3), as `ue_px` and
 * `cx` carry it. Only web-platform globals, so every runtime encodes the same way.
 *
 * @param text - a well-formed string (see `toWellFormed`).
 * @returns the base64url alphabet (`A–Z a–z 0–9 - _`) with the `=` padding stripped.
 * @example
 * base64UrlEncode('é'); // 'w6k'
 */
export function base64UrlEncode(text: string): string {
  // `btoa` takes one byte per character. ASCII text (as much JSON is) is its own UTF-8 bytes;
  // other text is spelled out byte by byte first.
  let binary = text;
  if (utf8Length(text) !== text.length) {
    binary = '';
    for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  }
  const base64 = btoa(binary);
  // At most two `=` of padding, at the very end: cut by position (a `/=+$/` search would try every
  // position of a long text).
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return base64
    .slice(0, base64.length - padding)
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}
