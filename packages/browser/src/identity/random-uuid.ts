/**
 * A UUID v4 from Web Crypto. `randomUUID` exists only in secure contexts, so a page served over
 * plain http (an intranet, a test server) formats one from `getRandomValues`, which exists
 * everywhere.
 */
export function randomUuid(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 15) | 64; // version 4
  bytes[8] = (bytes[8]! & 63) | 128; // the RFC 9562 variant
  const hex = Array.from(bytes, (byte) => (byte + 256).toString(16).slice(1)).join('');
  return hex.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}
