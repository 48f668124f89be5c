/** Retry-After is clamped to [1 s, 300 s] (reliability.md §1). */
export const RETRY_AFTER_MIN_MS = 1000;
/** Upper clamp of Retry-After: 5 minutes, as Segment. */
export const RETRY_AFTER_MAX_MS = 300_000;

/**
 * The delay before retry number `failures`: `min(cap, base × 2^(failures−1)) × U[1,2)`. The jitter
 * is applied after the cap, so many emitters that failed together spread out instead of retrying
 * in step.
 *
 * @param failures - consecutive counted failures, 1 for the first retry.
 * @param backoff - base and cap in ms (defaults 500 ms and 60 s, set by the emitter).
 * @param random - a source of U[0,1).
 * @example
 * computeBackoff(3, { baseMs: 500, capMs: 60_000 }, () => 0); // 2000
 */
export function computeBackoff(
  failures: number,
  backoff: { readonly baseMs: number; readonly capMs: number },
  random: () => number,
): number {
  // 2 ** a huge exponent is Infinity, which min() caps.
  const raw = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, failures - 1));
  return raw * (1 + Math.min(Math.max(random(), 0), 0.999_999));
}

/**
 * Reads a `Retry-After` header: integer seconds, or an HTTP date relative to `nowMs` (wall clock,
 * since the date is one). Returns the wait in ms clamped to [1 s, 300 s]; `0` and negative values
 * become the 1 s floor. An absent or unparseable value gives `undefined`, and the emitter falls
 * back to its backoff, floored at 1 s.
 *
 * @param value - the header value, if any.
 * @param nowMs - wall-clock ms now.
 * @example
 * parseRetryAfter('2', Date.now()); // 2000
 * parseRetryAfter('86400', Date.now()); // 300000
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  // An HTTP date starts with a day name (IMF-fixdate, RFC 850 and asctime forms). Date.parse alone
  // is too lenient: it reads "1.5" or "2" as calendar dates.
  const waitMs = /^\s*-?\d+\s*$/.test(value as string)
    ? Number(value) * 1000
    : /^\s*(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s/i.test(value as string)
      ? Date.parse(value as string) - nowMs
      : Number.NaN;
  if (Number.isNaN(waitMs)) return undefined;
  return waitMs > RETRY_AFTER_MIN_MS ? Math.min(waitMs, RETRY_AFTER_MAX_MS) : RETRY_AFTER_MIN_MS;
}
