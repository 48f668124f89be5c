import { type Batch, bisectBatch, eidsOf } from './batch';
import type { BatchTaker } from './batch-taker';
import type { Decision } from './decide-outcome';
import type { DeliveryLedger } from './delivery-ledger';
import type { SafeCallbacks } from './safe-callbacks';

/** What {@link applyDecision} changes in its emitter. */
export interface DecisionTarget {
  readonly ledger: DeliveryLedger;
  readonly callbacks: SafeCallbacks;
  readonly taker: BatchTaker;
  /** Batches waiting for their next attempt; retries go to the front. */
  readonly waitingBatches: Batch[];
  /** Pauses the whole emitter (backoff, Retry-After). */
  pause(ms: number): void;
}

/**
 * Keeps the books of one attempt's outcome: settles delivered or dropped events, queues retries
 * and bisected halves at the front, pauses for backoff, then tells the callbacks (always after the
 * books, habit 4).
 *
 * @param failureStreak - counted failures in a row before this outcome.
 * @returns the streak after it: 0 after a success, one more after a counted failure.
 */
export function applyDecision(
  target: DecisionTarget,
  batch: Batch,
  decision: Decision,
  failureStreak: number,
): number {
  const { ledger, callbacks, waitingBatches } = target;
  const eids = eidsOf(batch.events);
  if (decision.kind === 'success') {
    ledger.settle(batch.events, 'delivered');
    callbacks.success({ eids, status: decision.status });
    return 0;
  }
  if (decision.kind === 'bisect') {
    waitingBatches.unshift(...bisectBatch(batch));
    callbacks.failure({ eids, status: decision.status, willRetry: true });
    return failureStreak;
  }
  const { status, error } = decision;
  if (decision.kind === 'drop') {
    callbacks.failure({ eids, status, error, willRetry: false });
    ledger.settle(batch.events, decision.reason, { status, error });
    return failureStreak;
  }
  batch.totalAttempts++;
  if (decision.counted) batch.attempts++;
  batch.events = target.taker.expire(batch.events);
  // Written again for the retry: texts kept through a backoff would double the batch's memory.
  batch.texts = undefined;
  batch.body = undefined;
  const willRetry = batch.events.length > 0;
  if (willRetry) waitingBatches.unshift(batch);
  target.pause(decision.delayMs);
  callbacks.failure({ eids, status, error, willRetry });
  return decision.counted ? failureStreak + 1 : failureStreak;
}
