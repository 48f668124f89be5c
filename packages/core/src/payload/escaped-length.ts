/**
 * UTF-8 bytes of `JSON.stringify(text)` without its two quotes, counted without writing it: what
 * a text takes once escaped as the body of a JSON string (`ue_pr`, `co`). `"` and `\` take two
 * bytes, control characters two (`\n`…) or six (`\u0001`), a lone surrogate six (`\udXXX`, as
 * JSON.stringify writes it), and everything else its UTF-8 size.
 *
 * @param text - any string.
 * @param from - where to start counting: the size is that of `text.slice(from)`.
 */
export function escapedLength(text: string, from = 0): number {
  let bytes = text.length - from;
  for (let i = from; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      if (unit === 34 || unit === 92) bytes += 1;
      else if (unit < 0x20) bytes += unit >= 8 && unit <= 13 && unit !== 11 ? 1 : 5;
    } else if (unit < 0x800) bytes += 1;
    else if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        // A pair: two code units, four bytes.
        bytes += 2;
        i++;
      } else bytes += 5;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * Characters of unpadded base64 for `byteLength` bytes: four per three bytes, and two or three
 * for a last group of one or two.
 */
export function base64UrlLength(byteLength: number): number {
  const rest = byteLength % 3;
  return ((byteLength - rest) / 3) * 4 + (rest === 0 ? 0 : rest + 1);
}
