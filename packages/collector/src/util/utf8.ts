const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes UTF-8 strictly.
 *
 * @param bytes - the raw bytes
 * @returns the text, or `undefined` when the bytes are not well-formed UTF-8
 */
export function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes UTF-8 replacing every ill-formed sequence with U+FFFD, so bad input can still be shown.
 *
 * @param bytes - the raw bytes
 */
export function decodeUtf8Lossy(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
