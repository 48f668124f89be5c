const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// JSON.stringify writes lone surrogates as lower-case `\udXXX` escapes and valid pairs raw, so
// every such escape not itself escaped (preceded by an even run of backslashes) is a lone one.
const ESCAPED_LONE_SURROGATE = /(?<=(?:^|[^\\])(?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;

/**
 * Replaces every unpaired UTF-16 surrogate with U+FFFD (tracker protocol §5.1), so the UTF-8 bytes
 * of the text are well-formed.
 *
 * @param text - any string.
 * @returns the same string when it is already well-formed.
 */
export function toWellFormed(text: string): string {
  // ES2024's isWellFormed answers at once for most strings; without it, one plain regex scan
  // finds no surrogate at all in most text. Only text with surrogates takes the slow pattern.
  const wellFormed =
    (text as { isWellFormed?(): boolean }).isWellFormed?.() ?? !SURROGATE.test(text);
  return wellFormed ? text : text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Replaces the escaped lone surrogates in JSON text produced by `JSON.stringify` with a raw U+FFFD,
 * which repairs keys and values at any depth in one pass over the text.
 *
 * @param json - JSON text from `JSON.stringify`.
 */
export function jsonToWellFormed(json: string): string {
  // Most JSON has no `\u` escape of a surrogate at all: one plain search settles it.
  return json.includes('\\ud') ? json.replace(ESCAPED_LONE_SURROGATE, '\uFFFD') : json;
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
