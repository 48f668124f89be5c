/** Smallest epoch milliseconds the pipeline accepts: 0000-01-01T00:00:00.000Z. */
export const MIN_TIMESTAMP_MS = -62_167_219_200_000;
/** Largest epoch milliseconds the pipeline accepts: 9999-12-31T23:59:59.999Z. */
export const MAX_TIMESTAMP_MS = 253_402_300_799_999;

const DAY_MS = 86_400_000;
let cachedDay = Number.NaN;
let cachedPrefix = '';

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * ISO-8601 UTC with milliseconds, the form of Micro's JSON (`2024-05-01T10:00:00.000Z`). The date
 * part is cached: every event carries several timestamps, mostly from the same day.
 *
 * @param ms - epoch milliseconds within years 0–9999
 */
export function toIsoTimestamp(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    cachedPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    cachedDay = day;
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${cachedPrefix}${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(rest - seconds * 1000, 3)}Z`;
}
