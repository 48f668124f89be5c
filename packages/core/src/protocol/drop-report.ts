import type { FloeError } from '../errors/floe-error';
import type { Payload } from './payload';

/** Why an event was given up on (decision 7). A closed set: every loss has one of these. */
export type DropReason =
  | 'invalid'
  | 'too_large'
  | 'status'
  | 'retry_disabled'
  | 'max_attempts'
  | 'max_age'
  | 'queue_full'
  | 'closed'
  | 'shutdown_timeout';

/** What `onDrop` receives: the events given up on, their ids, and why. */
export interface DropReport {
  readonly reason: DropReason;
  readonly eids: readonly string[];
  /**
   * The payloads (without `stm`), so a caller can log or persist them elsewhere. Parsed from the
   * queued texts on first read and kept, so reading only `eids` costs nothing more.
   */
  readonly events: readonly Payload[];
  /** The HTTP status, for `status` and `too_large` answers. */
  readonly status?: number;
  /** The error behind the drop, when there is one. */
  readonly error?: FloeError;
}

/** Counts covering the events queued before a `flush()` or `shutdown()` call (decision 8). */
export interface FlushResult {
  readonly delivered: number;
  readonly dropped: number;
  readonly pending: number;
}
