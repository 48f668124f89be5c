import { FloeError } from '../errors/floe-error';

// Declared here: core's runtime globals leave `randomUUID` out, as insecure browser pages lack it.
interface WebCrypto {
  randomUUID?(): string;
  getRandomValues?(array: Uint8Array): Uint8Array;
}

/**
 * The event id source of a tracker: lowercase UUID v4s (RFC 9562 §5.4) from the runtime's
 * CSPRNG. `crypto.randomUUID` where there is one; else, as on plain-http browser pages, the same
 * layout formatted from `crypto.getRandomValues`.
 *
 * @returns a function that returns a new UUID v4 on every call.
 * @throws FloeError (`invalid_config`) when the runtime has no Web Crypto at all.
 */
export function createEventIdGenerator(): () => string {
  const webCrypto = (globalThis as { crypto?: WebCrypto }).crypto;
  if (webCrypto?.randomUUID) return () => webCrypto.randomUUID!();
  if (!webCrypto?.getRandomValues) {
    throw new FloeError('invalid_config', 'no crypto.getRandomValues for event ids');
  }
  return () => {
    const bytes = webCrypto.getRandomValues!(new Uint8Array(16));
    bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8]! & 0x3f) | 0x80; // variant 10
    const hex = Array.from(bytes, (byte) => (byte + 256).toString(16).slice(1)).join('');
    return hex.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
  };
}
