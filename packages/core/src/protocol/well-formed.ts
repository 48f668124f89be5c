// A surrogate pair, or any other surrogate: a lone one. Matching pairs first keeps them whole,
// without lookbehind (which older Safari cannot parse).
const SURROGATES = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;
// In JSON.stringify's output, an escape is `\\`, `\"`, `\n`… or `\uXXXX`; matched from the left,
// an escaped backslash is consumed whole, so `\\ud800` (text) is never taken for an escape.
// JSON.stringify escapes only lone surrogates (pairs are written raw).
const ESCAPES = /\\(?:ud[89a-f][0-9a-f]{2}|.)/g;

/**
 * Replaces every unpaired UTF-16 surrogate with U+FFFD (tracker protocol §5.1), so the UTF-8 bytes
 * of the text are well-formed.
 *
 * @param text - any string.
 * @returns the same string when it is already well-formed.
 */
export function toWellFormed(text: string): string {
  // ES2024's own toWellFormed where the runtime has it.
  return (
    (text as { toWellFormed?(): string }).toWellFormed?.() ??
    text.replace(SURROGATES, (match) => (match.length > 1 ? match : '\uFFFD'))
  );
}

/**
 * Replaces the escaped lone surrogates in JSON text produced by `JSON.stringify` with a raw U+FFFD,
 * which repairs keys and values at any depth in one pass over the text.
 *
 * @param json - JSON text from `JSON.stringify`.
 */
export function jsonToWellFormed(json: string): string {
  // Most JSON has no `\u` escape of a surrogate at all: one plain search settles it.
  return json.includes('\\ud')
    ? json.replace(ESCAPES, (sequence) => (sequence.length > 2 ? '\uFFFD' : sequence))
    : json;
}

/**
 * Length in Unicode code points, which is what the pipeline's `maxLength` checks count.
 *
 * @param text - a well-formed string.
 */
export function codePointLength(text: string): number {
  // A surrogate pair is one code point in two code units: count the second units and subtract.
  return text.length - (text.match(/[\uDC00-\uDFFF]/g)?.length ?? 0);
}
