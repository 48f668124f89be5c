import type { Payload } from '../protocol/payload';

/** Path and query of a GET request are capped at 20,000 bytes (tracker protocol §6.2). */
export const MAX_GET_PATH_BYTES = 20_000;

/**
 * Percent-encodes a query key or value over its UTF-8 bytes, keeping only `A–Z a–z 0–9 - _ . ~`
 * literal (tracker protocol §5.5): space becomes `%20` and `+` becomes `%2B` (collectors read `+`
 * as a space). encodeURIComponent leaves `!'()*` literal, so those are encoded on top.
 */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The query of one GET event, with `stm` stamped and `co`/`cx` last (long values go last so a
 * truncating proxy cuts the entities, not the event). Every key and value is percent-encoded,
 * so the result is ASCII and its length is its byte count.
 *
 * @param payload - the event, all values strings, lone surrogates already repaired.
 * @param stm - the attempt's send time, in ms.
 */
export function getQuery(payload: Payload, stm: string): string {
  const first: string[] = [];
  const last: string[] = [];
  for (const key in payload) {
    if (key === 'stm') continue;
    const pair = `${percentEncode(key)}=${percentEncode(payload[key] as string)}`;
    (key === 'co' || key === 'cx' ? last : first).push(pair);
  }
  return [...first, `stm=${stm}`, ...last].join('&');
}
