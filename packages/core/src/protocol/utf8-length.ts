// Any code unit above 0x7f means a multi-byte character somewhere.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the class is "anything but ASCII"
const NON_ASCII = /[^\x00-\x7f]/;

// Typed structurally: core compiles without DOM types, and with Node's the global is a value only.
let encoder: { encode(text: string): Uint8Array } | undefined;

/**
 * The number of UTF-8 bytes of a string. ASCII text, the common case, is its own length (one
 * native regex scan); other text is encoded once. A lone surrogate counts 3 bytes, as the U+FFFD
 * an encoder writes for it.
 *
 * @param text - any string.
 * @example
 * utf8Length('héllo'); // 6
 */
export function utf8Length(text: string): number {
  if (!NON_ASCII.test(text)) return text.length;
  encoder ??= new TextEncoder();
  return encoder.encode(text).length;
}
