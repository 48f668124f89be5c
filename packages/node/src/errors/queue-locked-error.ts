import { FloeError } from '@floe/core';

/**
 * Thrown by `createDiskStore` (and so `createNodeTracker`) when another live process holds the
 * queue directory's lock. Two processes appending to one queue would send events twice, so the
 * second one fails fast; give each process its own `queueDir`.
 */
export class QueueLockedError extends FloeError {
  override readonly name = 'QueueLockedError';
  /** The queue directory. */
  readonly dir: string;
  /** The pid written in the lock file, when it could be read. */
  readonly ownerPid: number | undefined;

  constructor(dir: string, ownerPid: number | undefined) {
    super(
      'store',
      `queue directory ${dir} is locked by process ${ownerPid ?? '(unknown)'}; ` +
        'use a separate queueDir for each process',
    );
    this.dir = dir;
    this.ownerPid = ownerPid;
  }
}
