/**
 * A UUID v4 from Web Crypto. `randomUUID` exists only in secure contexts, so a page served over
 * plain http (an intranet, a test server) falls back to `getRandomValues`, which exists everywhere.
 */
export function randomUuid(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte, i) =>
    // Version 4 in byte 6, the RFC 4122 variant in byte 8.
    (i === 6 ? (byte & 15) | 64 : i === 8 ? (byte & 63) | 128 : byte).toString(16).padStart(2, '0'),
  ).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
