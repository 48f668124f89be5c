import { FloeError } from '@floe/core';

/** What is known about the holder of a lock that refused a {@link QueueLockedError}. */
export interface QueueLockHolder {
  /** The host name written in the lock file. */
  readonly host?: string;
  /** Time since the holder last refreshed the lock (its heartbeat), in ms. */
  readonly heartbeatAgeMs?: number;
}

/**
 * Thrown by `createDiskStore` (and so `createNodeTracker`) when another live process holds the
 * queue directory's lock: its pid is alive on this host, or, from another host, it refreshed the
 * lock recently. Two processes appending to one queue would send events twice, so the second one
 * fails fast; give each process its own `queueDir`.
 */
export class QueueLockedError extends FloeError {
  override readonly name = 'QueueLockedError';
  /** The queue directory. */
  readonly dir: string;
  /** The pid written in the lock file, when it could be read. */
  readonly ownerPid: number | undefined;
  /** The host name written in the lock file, when it could be read. */
  readonly ownerHost: string | undefined;

  constructor(dir: string, ownerPid: number | undefined, holder: QueueLockHolder = {}) {
    const age =
      holder.heartbeatAgeMs === undefined
        ? ''
        : `, refreshed ${Math.max(0, Math.round(holder.heartbeatAgeMs / 1000))} s ago`;
    super(
      'store',
      `queue directory ${dir} is locked by process ${ownerPid ?? '(unknown)'}` +
        `${holder.host === undefined ? '' : ` on host ${holder.host}`}${age}; ` +
        'use a separate queueDir for each process',
    );
    this.dir = dir;
    this.ownerPid = ownerPid;
    this.ownerHost = holder.host;
  }
}
