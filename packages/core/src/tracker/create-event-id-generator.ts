import { TrackerConfigError } from './tracker-config-error';

const HEX = /* @__PURE__ */ Array.from({ length: 256 }, (_, byte) =>
  byte.toString(16).padStart(2, '0'),
);

/**
 * Picks the runtime's fastest CSPRNG-backed UUID v4 source: `crypto.randomUUID` where it exists
 * (browsers only offer it in secure contexts), else UUIDs formatted from `crypto.getRandomValues`.
 *
 * @returns a function that returns a new lowercase UUID v4 on every call.
 * @throws TrackerConfigError when the runtime has no Web Crypto at all.
 */
export function createEventIdGenerator(): () => string {
  const webCrypto = typeof crypto === 'undefined' ? undefined : crypto;
  if (typeof webCrypto?.randomUUID === 'function') return () => webCrypto.randomUUID!();
  if (typeof webCrypto?.getRandomValues === 'function') {
    return () => uuidFromRandomBytes(webCrypto.getRandomValues(new Uint8Array(16)));
  }
  throw new TrackerConfigError('this runtime has no crypto.getRandomValues to make event ids');
}

/**
 * Formats 16 random bytes as a UUID v4 (RFC 9562 §5.4): version 4, variant `10`.
 *
 * @param bytes - 16 bytes from a CSPRNG; overwritten in the version and variant bits.
 */
export function uuidFromRandomBytes(bytes: Uint8Array): string {
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  let out = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
    out += HEX[bytes[i]!];
  }
  return out;
}
