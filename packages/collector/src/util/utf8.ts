import { isUtf8 } from 'node:buffer';

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Decodes UTF-8 strictly (a native validity check, then a plain decode).
 *
 * @param bytes - the raw bytes
 * @returns the text, or `undefined` when the bytes are not well-formed UTF-8
 */
export function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  return isUtf8(bytes) ? asBuffer(bytes).toString('utf8') : undefined;
}

/**
 * Decodes UTF-8 replacing every ill-formed sequence with U+FFFD, so bad input can still be shown.
 *
 * @param bytes - the raw bytes
 */
export function decodeUtf8Lossy(bytes: Uint8Array): string {
  return asBuffer(bytes).toString('utf8');
}
