import type { AbortControllerLike } from '../transport/fetch-types';
import type { Batch } from './batch';
import type { FlushWaiters } from './flush-waiters';
import type { PauseTimer } from './pause-timer';
import type { EmitterSettings } from './resolve-emitter-options';
import type { SafeCallbacks } from './safe-callbacks';

/**
 * The state of one emitter, shared by the files of its engine (the drain, the outcome of an
 * attempt, settling events, shutdown): its settings, its safe callbacks, its parts and its counts. `createEmitter`
 * makes one per emitter; nothing is global.
 */
export interface EmitterState extends EmitterSettings, SafeCallbacks {
  readonly waiters: FlushWaiters;
  readonly pauseTimer: PauseTimer;
  /** Batches waiting for their next attempt, retried before anything new is taken. */
  readonly retries: Batch[];
  readonly inFlight: Set<Batch>;
  /** The abort controllers of attempts in flight, so shutdown can cut them. */
  readonly controllers: Set<AbortControllerLike>;
  /** Settles when every async store call so far (`ack`/`release`) has; shutdown awaits it. */
  storeCalls?: Promise<unknown>;
  /** Events queued and not yet delivered or dropped; a durable store's restored events count. */
  unsettled: number;
  /** Events taken from the store into batches (waiting for a retry or in flight). */
  taken: number;
  /** The UTF-8 bytes of the taken events. */
  takenBytes: number;
  /** Requests allowed in flight now (see send-window.ts). */
  window: number;
  /** Counted failures in a row, for the backoff; 0 after a success. */
  failureStreak: number;
  /** Grows on each failure that starts a new round (see `Batch.round`). */
  round: number;
  /** Set by the flush interval: partial batches go until nothing waits. */
  sendPartial: boolean;
  /** The shutdown deadline passed: nothing is sent or counted any more. */
  stopped: boolean;
}
