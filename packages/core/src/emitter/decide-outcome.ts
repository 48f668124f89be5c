import type { FloeError } from '../errors/floe-error';
import type { DropReason } from '../protocol/drop-report';
import { computeBackoff } from '../retry/backoff';
import { parseRetryAfter, RETRY_AFTER_MIN_MS } from '../retry/retry-after';
import type { StatusPolicy } from '../retry/retry-policy';
import type { AttemptOutcome } from './send-attempt';

/** Attempts an emitter allows a memory-store batch beyond `maxAttempts`, Retry-After waits included. */
export const RETRY_AFTER_ALLOWANCE = 20;

/** What to do with a batch after an attempt. */
export type Decision =
  | { readonly kind: 'success'; readonly status: number }
  | { readonly kind: 'bisect'; readonly status: number }
  | {
      readonly kind: 'drop';
      readonly reason: DropReason;
      readonly status?: number;
      readonly error?: FloeError;
    }
  | {
      readonly kind: 'retry';
      readonly delayMs: number;
      /** False when a valid Retry-After set the delay: such a wait is not a counted attempt. */
      readonly counted: boolean;
      readonly status?: number;
      readonly error?: FloeError;
    };

/** The emitter settings and state {@link decideOutcome} reads. */
export interface DecisionContext {
  readonly statusPolicy: StatusPolicy;
  readonly retry: boolean;
  /** Durable stores give up by age, so attempts are not capped for them. */
  readonly durable: boolean;
  readonly maxAttempts: number;
  readonly backoff: { readonly baseMs: number; readonly capMs: number };
  readonly random: () => number;
  /** Consecutive counted failures of the emitter before this one (0 after a success). */
  readonly failureStreak: number;
  /** Wall-clock now, for an HTTP-date Retry-After. */
  readonly now: number;
}

/**
 * Applies the retry table of reliability.md §1 to one attempt's outcome. Pure, so the whole
 * policy is unit-tested without sockets or timers.
 *
 * @param outcome - the status or transport error.
 * @param batchSize - events in the batch (a single event answered 413 cannot be split).
 * @param made - counted attempts and all attempts the batch made before this one.
 */
export function decideOutcome(
  outcome: AttemptOutcome,
  batchSize: number,
  made: { readonly attempts: number; readonly total: number },
  context: DecisionContext,
): Decision {
  const status = 'status' in outcome ? outcome.status : undefined;
  const error = 'error' in outcome ? outcome.error : undefined;
  let retryAfterHeader: string | undefined;
  if ('status' in outcome) {
    const verdict = context.statusPolicy.verdict(outcome.status);
    if (verdict === 'success') return { kind: 'success', status: outcome.status };
    if (verdict === 'bisect') {
      return batchSize > 1
        ? { kind: 'bisect', status: outcome.status }
        : { kind: 'drop', reason: 'too_large', status: outcome.status };
    }
    if (verdict === 'drop') return { kind: 'drop', reason: 'status', status: outcome.status };
    retryAfterHeader = outcome.headers['retry-after'];
  }
  if (!context.retry) return { kind: 'drop', reason: 'retry_disabled', status, error };
  const retryAfter = parseRetryAfter(retryAfterHeader, context.now);
  const counted = retryAfter === undefined;
  const countedAttempts = made.attempts + (counted ? 1 : 0);
  const totalAttempts = made.total + 1;
  if (
    !context.durable &&
    (countedAttempts >= context.maxAttempts ||
      totalAttempts >= context.maxAttempts + RETRY_AFTER_ALLOWANCE)
  ) {
    return { kind: 'drop', reason: 'max_attempts', status, error };
  }
  let delayMs = retryAfter;
  if (delayMs === undefined) {
    delayMs = computeBackoff(context.failureStreak + 1, context.backoff, context.random);
    // An unparseable Retry-After still asks for a pause: never retry sooner than its floor.
    if (retryAfterHeader !== undefined) delayMs = Math.max(delayMs, RETRY_AFTER_MIN_MS);
  }
  return { kind: 'retry', delayMs, counted, status, error };
}
