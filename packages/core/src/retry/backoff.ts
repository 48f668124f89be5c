/** Backoff settings (reliability.md §1): the delay doubles from `baseMs` up to `capMs`. */
export interface BackoffOptions {
  /** Delay before the first retry, before jitter. Default 500 ms. */
  readonly baseMs?: number;
  /** Largest delay before jitter; the jitter can double it. Default 60,000 ms. */
  readonly capMs?: number;
}

/** Default backoff base: Segment's 500 ms. */
export const DEFAULT_BACKOFF_BASE_MS = 500;
/** Default backoff cap: 60 s (a gap can reach 120 s with the jitter). */
export const DEFAULT_BACKOFF_CAP_MS = 60_000;

/**
 * The delay before retry number `failures`: `min(cap, base × 2^(failures−1)) × U[1,2)`. The jitter
 * is applied after the cap, so many emitters that failed together spread out instead of retrying
 * in step.
 *
 * @param failures - consecutive counted failures, 1 for the first retry.
 * @param options - base and cap in ms.
 * @param random - a source of U[0,1), `Math.random` by default.
 * @returns the delay in ms.
 * @example
 * computeBackoff(3, { baseMs: 500, capMs: 60_000 }, () => 0); // 2000
 */
export function computeBackoff(
  failures: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const base = options.baseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const cap = options.capMs ?? DEFAULT_BACKOFF_CAP_MS;
  const exponent = Math.max(0, failures - 1);
  // 2^exponent overflows to Infinity for huge exponents, which min() then caps.
  const raw = Math.min(cap, base * 2 ** exponent);
  const jitter = Math.min(Math.max(random(), 0), 0.999_999);
  return raw * (1 + jitter);
}
