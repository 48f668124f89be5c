// encodeURIComponent leaves !'()* literal; the tracker protocol (§5.5) keeps only A–Z a–z 0–9 - _ . ~.
const EXTRA = /[!'()*]/g;

function escapeExtra(char: string): string {
  return '%' + char.charCodeAt(0).toString(16).toUpperCase();
}

/**
 * Percent-encodes a query key or value over its UTF-8 bytes, keeping only `A–Z a–z 0–9 - _ . ~`
 * literal; space becomes `%20` and `+` becomes `%2B` (collectors read `+` as a space).
 *
 * @param text - a well-formed string.
 * @example
 * percentEncode("a+b c!"); // 'a%2Bb%20c%21'
 */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(EXTRA, escapeExtra);
}
