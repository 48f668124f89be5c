import { FloeError } from '../errors/floe-error';

// 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the years a timestamp column can hold.
const EARLIEST = -62_167_219_200_000;
const AFTER_LATEST = 253_402_300_800_000;

/**
 * Formats a timestamp as integer milliseconds (tracker protocol §4): fractions are truncated
 * toward zero.
 *
 * @param value - a `Date` or milliseconds since the Unix epoch.
 * @param key - `dtm` or `ttm`, for the error message.
 * @throws FloeError (`invalid_event`) for an invalid date, a non-finite number or a year outside
 *   0–9999.
 */
export function formatTimestamp(value: Date | number, key: string): string {
  // A Date's value is its time; not `instanceof Date`, so Dates from another realm work too.
  const ms = typeof value === 'string' ? Number.NaN : Number(value);
  if (!(ms >= EARLIEST && ms < AFTER_LATEST)) {
    throw new FloeError('invalid_event', `${key}: expected a time in years 0 to 9999`);
  }
  return String(Math.trunc(ms) || 0);
}
