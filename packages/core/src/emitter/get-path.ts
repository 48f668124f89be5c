import type { Payload } from '../protocol/payload';

/** Path and query of a GET request are capped at 20,000 bytes (tracker protocol §6.2). */
export const MAX_GET_PATH_BYTES = 20_000;

// encodeURIComponent leaves !'()* literal; the tracker protocol (§5.5) keeps only A–Z a–z 0–9 - _ . ~.
const EXTRA = /[!'()*]/g;

/**
 * Percent-encodes a query key or value over its UTF-8 bytes, keeping only `A–Z a–z 0–9 - _ . ~`
 * literal: space becomes `%20` and `+` becomes `%2B` (collectors read `+` as a space).
 */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    EXTRA,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The query of one GET event, with `stm` stamped and `co`/`cx` last (long values go last so a
 * truncating proxy cuts the entities, not the event). Every key and value is percent-encoded
 * (§5.5), so the result is ASCII and its length is its byte count.
 *
 * @param payload - the event, all values strings.
 * @param stm - the attempt's send time, in ms.
 */
export function buildGetQuery(payload: Payload, stm: string): string {
  const first: string[] = [];
  const last: string[] = [];
  for (const key in payload) {
    if (key === 'stm') continue;
    const pair = `${percentEncode(key)}=${percentEncode(payload[key] as string)}`;
    (key === 'co' || key === 'cx' ? last : first).push(pair);
  }
  return [...first, `stm=${stm}`, ...last].join('&');
}

/** Bytes of a GET event's path and query once sent (with a 13-digit `stm`). */
export function getPathBytes(prefix: string, payload: Payload): number {
  return `${prefix}/i?`.length + buildGetQuery(payload, '0000000000000').length;
}
