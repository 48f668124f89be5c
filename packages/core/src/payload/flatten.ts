/**
 * Returns `text` as one flat string. V8 keeps the result of `+` on long strings as a tree of
 * pieces (a rope); reading a character flattens it in place. Text that is kept (a queued event)
 * or read many times (sliced, searched, escaped) is cheaper flat: a rope holds more memory, and
 * every scan of it walks the tree or copies it first.
 *
 * @param text - any string.
 * @returns the same string, flattened.
 */
export function flatten(text: string): string {
  text.charCodeAt(0);
  return text;
}
