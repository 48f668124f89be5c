/**
 * Counts Unicode code points, as JSON Schema `maxLength` does (a surrogate pair is one).
 *
 * @param text - any string
 */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/**
 * Whether `text` has more than `max` code points. The UTF-16 length is an upper bound on the
 * code point count, so the common short case costs nothing.
 *
 * @param text - any string
 * @param max - the limit
 */
export function exceedsCodePoints(text: string, max: number): boolean {
  return text.length > max && codePointLength(text) > max;
}

/**
 * Cuts `text` to at most `max` code points without splitting a surrogate pair.
 *
 * @param text - any string
 * @param max - the limit in code points
 */
export function truncateCodePoints(text: string, max: number): string {
  if (!exceedsCodePoints(text, max)) return text;
  let out = '';
  let count = 0;
  for (const char of text) {
    if (count === max) break;
    out += char;
    count++;
  }
  return out;
}

/**
 * `truncateCodePoints` for nullable values.
 *
 * @param text - a string, or null/undefined (kept as null)
 * @param max - the limit in code points
 */
export function capNullable(text: string | null | undefined, max: number): string | null {
  return text == null ? null : truncateCodePoints(text, max);
}
