import type { Batch } from './batch';
import type { EmitterState } from './emitter-state';
import { finishAttempt } from './finish-attempt';
import { ENVELOPE_BYTES } from './post-body';
import { sendAttempt } from './send-attempt';
import { expire, forgetGone } from './settle-events';
import { takeBatch } from './take-batch';

/** The emitter's one send loop. */
export interface Drain {
  /** Runs the drain on the next microtask; any number of calls before it runs make one drain. */
  schedule(): void;
  /**
   * Schedules the drain only if enough events wait to send one (after an `add`), so a stream of
   * single events costs no microtask each.
   */
  scheduleIfReady(): void;
  /** The drain running now, if any; shutdown waits for it before it gives the store back. */
  readonly running: Promise<void> | undefined;
}

/**
 * Creates the drain: while the emitter is not paused and the window has room, it starts attempts,
 * retries before new batches. New events are taken only when enough wait (`flushAt` events or a
 * full body), or when a flush or the interval asks for partial batches.
 */
export function createDrain(state: EmitterState): Drain {
  const { store, retries, inFlight, pauseTimer } = state;
  let scheduled = false;
  let again = false;
  let running: Promise<void> | undefined;

  function readyToSend(): boolean {
    const waiting = store.size - state.taken;
    if (waiting <= 0) {
      state.sendPartial = false;
      return false;
    }
    if (state.sendPartial || state.waiters.size > 0 || waiting >= state.flushAt) return true;
    return (
      state.method === 'POST' &&
      store.byteSize - state.takenBytes + ENVELOPE_BYTES >= state.maxPostBytes
    );
  }

  function start(batch: Batch): void {
    batch.events = expire(state, batch.events);
    if (batch.events.length === 0) return;
    batch.round = state.round;
    inFlight.add(batch);
    void sendAttempt(batch.events, state, state.controllers).then((outcome) => {
      finishAttempt(state, batch, outcome);
      schedule();
    });
  }

  function schedule(): void {
    if (scheduled || state.stopped) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      void drain();
    });
  }

  function drain(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        while (!state.stopped && !pauseTimer.paused && inFlight.size < state.window) {
          let batch = retries.shift();
          if (!batch) {
            if (!readyToSend()) break;
            batch = await takeBatch(state);
            if (!batch) break;
            if (pauseTimer.paused || state.stopped) {
              // A failure paused the emitter while the store was read: the batch waits its turn.
              retries.push(batch);
              break;
            }
          }
          start(batch);
        }
      } while (again && !state.stopped);
      // The drain runs after every add that fills a batch, every answer, flush and tick: the
      // place to notice events the store let go of on its own (it does nothing while batches
      // are out).
      forgetGone(state);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    schedule,
    scheduleIfReady: () => {
      if (readyToSend()) schedule();
    },
    get running() {
      return running;
    },
  };
}
