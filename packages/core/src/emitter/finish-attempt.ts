import type { DropReason } from '../protocol/drop-report';
import type { TransportResponse } from '../transport/transport';
import { type Batch, eidsOf } from './batch';
import type { EmitterState } from './emitter-state';
import { computeBackoff, parseRetryAfter, RETRY_AFTER_MIN_MS } from './retry-delay';
import { countAttempt, judgeAnswer } from './retry-rules';
import type { AttemptOutcome } from './send-attempt';
import { narrowWindow, widenWindow } from './send-window';
import { expire, settle } from './settle-events';

/**
 * Applies one attempt's outcome to its batch (see `judgeAnswer` for the retry table): delivered
 * events are settled; a 413 splits the batch; a retried batch goes first in line and the emitter
 * pauses for the backoff or Retry-After; anything else is dropped. The window and the backoff
 * follow the failure rounds. Callbacks come after the counts.
 */
export function finishAttempt(state: EmitterState, batch: Batch, outcome: AttemptOutcome): void {
  if (state.stopped || !state.inFlight.delete(batch)) return;
  const { store, retries } = state;
  const { events } = batch;
  const { status, headers, error } = outcome as Partial<TransportResponse> &
    Partial<Extract<AttemptOutcome, { error: unknown }>>;
  const eids = eidsOf(events);
  // Requests that failed together count as one failure: only the first of a round counts.
  const newRound = batch.round === state.round;
  const verdict = judgeAnswer(status, events.length, state);
  if (verdict === 'delivered') {
    settle(state, events, 'delivered');
    state.failureStreak = 0;
    // Only requests sent since the last pushback may widen the window again.
    if (newRound && (retries.length > 0 || store.size > state.taken)) {
      state.window = widenWindow(state.window, state.maxInFlight);
    }
    state.onSuccess({ eids, status: status as number });
    return;
  }
  let willRetry = false;
  let reason: DropReason | undefined;
  if (verdict === 'split') {
    // Both halves are retried at once, keeping the batch's attempt counts.
    const middle = Math.ceil(events.length / 2);
    retries.unshift(
      { ...batch, events: events.slice(0, middle) },
      { ...batch, events: events.slice(middle) },
    );
    willRetry = true;
  } else if (verdict !== 'retry') {
    reason = verdict;
  } else {
    const header = headers?.['retry-after'];
    const retryAfter = parseRetryAfter(header, state.clock.now());
    // A valid Retry-After is the collector's schedule, not a failed try: it is not counted.
    const counted = retryAfter === undefined;
    if (!countAttempt(batch, counted, state, store.durable)) {
      reason = 'max_attempts';
    } else {
      const streak = newRound ? state.failureStreak : Math.max(0, state.failureStreak - 1);
      let delayMs = retryAfter ?? computeBackoff(streak + 1, state.backoff, state.random);
      // An unparseable Retry-After still asks for a pause: never retry sooner than its floor.
      if (header !== undefined) delayMs = Math.max(delayMs, RETRY_AFTER_MIN_MS);
      if (newRound) {
        state.round++;
        if (counted) state.failureStreak++;
        // Pushback: the collector asks for less.
        if (error || status === 429 || status === 503) state.window = narrowWindow(state.window);
      }
      batch.events = expire(state, events);
      willRetry = batch.events.length > 0;
      if (willRetry) retries.unshift(batch);
      state.pauseTimer.pause(delayMs);
    }
  }
  state.onFailure({ eids, status, error, willRetry });
  if (reason) settle(state, events, reason, { status, error });
}
