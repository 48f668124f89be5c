const ANY_SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LONE_SURROGATE_TEST =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// JSON.stringify writes lone surrogates as lower-case `\udXXX` escapes and valid pairs raw, so
// every such escape not itself escaped (preceded by an even run of backslashes) is a lone one.
const ESCAPED_LONE_SURROGATE = /(?<=(?:^|[^\\])(?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;

/**
 * Whether a string has no unpaired surrogate. ES2024's `String.prototype.isWellFormed` answers in
 * O(1) for one-byte strings (most values); runtimes without it scan with a regex.
 */
export const isWellFormed: (text: string) => boolean =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (text) => (text as unknown as { isWellFormed(): boolean }).isWellFormed()
    : (text) => !ANY_SURROGATE.test(text) || !LONE_SURROGATE_TEST.test(text);

/**
 * Replaces every unpaired UTF-16 surrogate with U+FFFD (tracker protocol §5.1), so the UTF-8 bytes
 * of the text are well-formed.
 *
 * @param text - any string.
 * @returns the same string when it is already well-formed.
 */
export function toWellFormed(text: string): string {
  return isWellFormed(text) ? text : text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Replaces the escaped lone surrogates in JSON text produced by `JSON.stringify` with a raw U+FFFD,
 * which repairs keys and values at any depth in one pass over the text.
 *
 * @param json - JSON text from `JSON.stringify`.
 */
export function jsonToWellFormed(json: string): string {
  return json.includes('\\ud') ? json.replace(ESCAPED_LONE_SURROGATE, '\uFFFD') : json;
}

/**
 * Length in Unicode code points, which is what the pipeline's `maxLength` checks count.
 *
 * @param text - a well-formed string.
 */
export function codePointLength(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) pairs++;
  }
  return text.length - pairs;
}
