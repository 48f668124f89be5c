import { FloeError } from '@floe/core';

/** What went wrong in a {@link DiskStoreError}. */
export type DiskStoreErrorReason =
  /** The queue directory or a file in it could not be written (ENOSPC, EACCES, EROFS…). */
  | 'fallback_to_memory'
  /** A queue file held undecodable bytes; it was renamed `*.corrupt-<n>` and kept for inspection. */
  | 'quarantined'
  /** An event's record could not be read back when it was due to be sent. */
  | 'unreadable_event'
  /** A stale lock that was unreadable, or whose owner stopped its heartbeat, was taken over. */
  | 'lock_taken_over'
  /** Another process took over this process's lock (its heartbeat had stopped for too long). */
  | 'lock_lost';

/** Extra facts a {@link DiskStoreError} carries, so callers can log them without parsing text. */
export interface DiskStoreErrorDetails {
  /** The file involved, when there is one. */
  readonly file?: string;
  /** Where a corrupt file was moved to. */
  readonly quarantinedAs?: string;
  /**
   * Records that could not be decoded. Exact where record sequence numbers bound the damage;
   * otherwise an estimate from the damaged byte count (see `estimated`).
   */
  readonly unreadableRecords?: number;
  /** Whether `unreadableRecords` is an estimate. */
  readonly estimated?: boolean;
  /** Valid records found in a damaged file and kept in the queue. */
  readonly recoveredRecords?: number;
  /** Ids of events that could not be kept. */
  readonly eids?: readonly string[];
  /** The operating-system error code behind the problem (`ENOSPC`, `EACCES`…). */
  readonly errno?: string;
}

/**
 * A problem of the durable queue that did not stop tracking: the store fell back to memory,
 * quarantined a corrupt or unreadable file, could not read an event back, or took over (or lost)
 * the queue directory's lock. Reported through `onError`; the code is always `store`.
 */
export class DiskStoreError extends FloeError {
  override readonly name = 'DiskStoreError';
  readonly reason: DiskStoreErrorReason;
  readonly details: DiskStoreErrorDetails;

  constructor(
    reason: DiskStoreErrorReason,
    message: string,
    details: DiskStoreErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super('store', message, options);
    this.reason = reason;
    this.details = details;
  }
}
