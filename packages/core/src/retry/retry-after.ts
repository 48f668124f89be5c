/** Retry-After is clamped to [1 s, 300 s] (reliability.md §1). */
export const RETRY_AFTER_MIN_MS = 1000;
/** Upper clamp of Retry-After: 5 minutes, as Segment. */
export const RETRY_AFTER_MAX_MS = 300_000;

const DELTA_SECONDS = /^\s*(-?\d+)\s*$/;
// An HTTP date starts with a day name (IMF-fixdate, RFC 850 and asctime forms). Date.parse alone
// is too lenient: it reads "1.5" or "2" as calendar dates.
const HTTP_DATE = /^\s*(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s/i;

/**
 * Reads a `Retry-After` header: integer seconds or an HTTP date, relative to `nowMs` (wall clock,
 * since the header's date is a wall-clock date). Returns the wait in ms clamped to [1 s, 300 s];
 * `0` and negative values become the 1 s floor. An absent or unparseable value gives `undefined`,
 * and the caller falls back to its computed backoff (floored at 1 s).
 *
 * @param value - the header value, if any.
 * @param nowMs - wall-clock ms now.
 * @example
 * parseRetryAfter('2', Date.now()); // 2000
 * parseRetryAfter('86400', Date.now()); // 300000
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const seconds = DELTA_SECONDS.exec(value);
  let waitMs: number;
  if (seconds) {
    waitMs = Number(seconds[1]) * 1000;
  } else if (HTTP_DATE.test(value)) {
    const at = Date.parse(value);
    if (Number.isNaN(at)) return undefined;
    waitMs = at - nowMs;
  } else {
    return undefined;
  }
  return clampRetryAfter(waitMs);
}

/**
 * Clamps a wait to the Retry-After bounds.
 *
 * @param waitMs - the requested wait.
 */
export function clampRetryAfter(waitMs: number): number {
  if (!(waitMs > RETRY_AFTER_MIN_MS)) return RETRY_AFTER_MIN_MS;
  return Math.min(waitMs, RETRY_AFTER_MAX_MS);
}
