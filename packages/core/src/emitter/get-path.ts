import type { Payload } from '../protocol/payload';
import { percentEncode } from './percent-encode';

/** Path and query of a GET request are capped at 20,000 bytes (tracker protocol §6.2). */
export const MAX_GET_PATH_BYTES = 20_000;
/** Digits an `stm` takes until the year 2286, reserved when sizing a GET before it is sent. */
export const STM_DIGITS = 13;

const LAST_KEYS = ['co', 'cx'];

/**
 * The `/i?…` path and query of one GET event, with `stm` stamped and `co`/`cx` last. Every key and
 * value is percent-encoded (§5.5), so the result is ASCII and its length is its byte count.
 *
 * @param prefix - the endpoint's own path, e.g. `''` or `/collector`.
 * @param payload - the event, all values strings.
 * @param stm - this attempt's send time; `undefined` sizes the query with a 13-digit placeholder.
 */
export function buildGetPath(prefix: string, payload: Payload, stm?: string): string {
  const parts: string[] = [];
  for (const key in payload) {
    if (key === 'stm' || LAST_KEYS.includes(key)) continue;
    parts.push(percentEncode(key) + '=' + percentEncode(payload[key] as string));
  }
  parts.push('stm=' + (stm ?? '0'.repeat(STM_DIGITS)));
  for (const key of LAST_KEYS) {
    const value = payload[key];
    if (value !== undefined) parts.push(key + '=' + percentEncode(value));
  }
  return prefix + '/i?' + parts.join('&');
}
