/** Statuses that are never retried by default (Snowplow JS, Python, Java and PHP agree). */
export const NEVER_RETRY_STATUS_CODES: readonly number[] = [400, 401, 403, 410, 422];

/** What the emitter does with a non-2xx status, before attempt and age limits apply. */
export type StatusVerdict = 'success' | 'bisect' | 'drop' | 'retry';

/** Which statuses are retried; see {@link createStatusPolicy}. */
export interface StatusPolicy {
  verdict(status: number): StatusVerdict;
}

/**
 * Builds the status rule of reliability.md §1: 2xx succeeds, 413 splits the batch, the never-retry
 * set (plus `dontRetryStatusCodes`) drops, everything else (1xx, 3xx, 404, 408, 429, 5xx, an opaque
 * 0) is retried. `retryStatusCodes` wins over both lists, as in the Snowplow trackers.
 *
 * @param retryStatusCodes - statuses always retried, e.g. `[403]`.
 * @param dontRetryStatusCodes - extra statuses never retried.
 * @example
 * createStatusPolicy([403]).verdict(403); // 'retry'
 */
export function createStatusPolicy(
  retryStatusCodes: readonly number[] = [],
  dontRetryStatusCodes: readonly number[] = [],
): StatusPolicy {
  const retry = new Set(retryStatusCodes);
  const never = new Set([...NEVER_RETRY_STATUS_CODES, ...dontRetryStatusCodes]);
  return {
    verdict(status) {
      if (status >= 200 && status < 300) return 'success';
      if (retry.has(status)) return 'retry';
      if (status === 413) return 'bisect';
      return never.has(status) ? 'drop' : 'retry';
    },
  };
}
