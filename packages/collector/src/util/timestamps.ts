/** Smallest and largest epoch milliseconds of years 0 to 9999 (the pipeline's range). */
export const MIN_TIMESTAMP_MS = -62_167_219_200_000;
export const MAX_TIMESTAMP_MS = 253_402_300_799_999;

/**
 * ISO-8601 UTC with milliseconds, the form of Micro's JSON (`2024-05-01T10:00:00.000Z`).
 *
 * @param ms - epoch milliseconds within years 0–9999
 */
export function toIsoTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The enriched TSV form `YYYY-MM-DD hh:mm:ss.SSS` (UTC), used inside bad rows' `enriched`.
 *
 * @param ms - epoch milliseconds within years 0–9999
 */
export function toTsvTimestamp(ms: number): string {
  const iso = toIsoTimestamp(ms);
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}
