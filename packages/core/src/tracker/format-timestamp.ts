import { InvalidEventError } from '../payload/invalid-event-error';

// 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the years a timestamp column can hold.
const EARLIEST = -62_167_219_200_000;
const AFTER_LATEST = 253_402_300_800_000;

/**
 * Formats a timestamp as integer milliseconds (tracker protocol §4): fractions are truncated
 * toward zero.
 *
 * @param value - a `Date` or milliseconds since the Unix epoch.
 * @param key - `dtm` or `ttm`, for the error message.
 * @throws InvalidEventError for an invalid date, a non-finite number or a year outside 0–9999.
 */
export function formatTimestamp(value: Date | number, key: string): string {
  const ms = typeof value === 'number' ? value : timeOf(value);
  if (!(ms >= EARLIEST && ms < AFTER_LATEST)) {
    throw new InvalidEventError(`${key}: ${String(value)} is not a time between years 0 and 9999`);
  }
  const whole = Math.trunc(ms);
  return whole === 0 ? '0' : String(whole);
}

// Duck-typed so that Dates from another realm (an iframe, a vm context) work too.
function timeOf(value: unknown): number {
  const getTime = (value as { getTime?: unknown } | null)?.getTime;
  return typeof getTime === 'function' ? Number(getTime.call(value)) : Number.NaN;
}
