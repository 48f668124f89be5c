import type { Batch } from './batch';

/** Statuses never retried by default (Snowplow JS, Python, Java and PHP agree). */
export const NEVER_RETRY_STATUS_CODES: readonly number[] = [400, 401, 403, 410, 422];
/** Attempts a memory-store batch may make beyond `maxAttempts`, Retry-After waits included. */
export const RETRY_AFTER_ALLOWANCE = 20;

/** The settings the retry table reads (see `resolveEmitterOptions`). */
export interface RetryRules {
  /** `false` turns every retry off, network errors and timeouts included. */
  readonly retry: boolean;
  readonly maxAttempts: number;
  /** `retryStatusCodes`: they win over every other rule. */
  readonly alwaysRetried: ReadonlySet<number>;
  /** The never-retry set with `dontRetryStatusCodes` added. */
  readonly neverRetried: ReadonlySet<number>;
}

/**
 * What an answer means for its batch: delivered, split in two (a 413 on several events), retried,
 * or the reason it is dropped for.
 */
export type Verdict = 'delivered' | 'split' | 'retry' | 'too_large' | 'status' | 'retry_disabled';

/**
 * The retry table of reliability.md §1: a 2xx delivers the batch; a 413 splits it (a single event
 * is dropped `too_large`); the never-retry statuses drop it; anything else, a transport error
 * included, is retried unless `retry: false`. `retryStatusCodes` win over all of it.
 *
 * @param status - the answer's status, or `undefined` when the transport failed before one came.
 * @param events - how many events the batch holds.
 */
export function judgeAnswer(
  status: number | undefined,
  events: number,
  rules: RetryRules,
): Verdict {
  if (status !== undefined && !rules.alwaysRetried.has(status)) {
    if (status >= 200 && status < 300) return 'delivered';
    if (status === 413) return events > 1 ? 'split' : 'too_large';
    if (rules.neverRetried.has(status)) return 'status';
  }
  return rules.retry ? 'retry' : 'retry_disabled';
}

/**
 * Counts a failed attempt of a batch about to be retried, and says whether it may be retried.
 * Durable stores give up by age (`max_age`), so only a memory store's attempts are capped: at
 * `maxAttempts` counted ones, or `maxAttempts + 20` in all, so a collector that keeps answering
 * Retry-After cannot hold a batch in memory for ever.
 *
 * @param counted - false for an attempt answered with a valid Retry-After (the collector's
 *   schedule, not a failed try).
 * @param durable - whether the store is durable.
 * @returns false when the batch has used up its attempts (`max_attempts`).
 */
export function countAttempt(
  batch: Batch,
  counted: boolean,
  rules: RetryRules,
  durable: boolean,
): boolean {
  if (counted) batch.attempts++;
  batch.total++;
  return (
    durable ||
    (batch.attempts < rules.maxAttempts && batch.total < rules.maxAttempts + RETRY_AFTER_ALLOWANCE)
  );
}
