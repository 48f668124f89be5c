import type { EventStore } from '@floe/core';
import { DiskStoreError } from '../errors/disk-store-error';
import { QueueLockedError } from '../errors/queue-locked-error';
import { type DiskFs, errnoOf, realFs } from './disk-fs';
import { DiskQueue } from './disk-queue';
import { acquireQueueLock, type QueueLock } from './queue-lock';
import { type RecoveredQueue, recoverQueue } from './recover-queue';
import { SegmentFiles } from './segment-files';

/** Options of {@link createDiskStore}. */
export interface DiskStoreOptions {
  /** The queue directory; created if missing. One process per directory (it is locked). */
  readonly dir: string;
  /**
   * When `add()` (and so `track()`) returns, the event has been handed to the operating system
   * with `write()` (`'write'`, the default: survives a process crash, not a power loss) or also
   * flushed to the device with `fsync()` (`'fsync'`: survives a power loss, much slower).
   */
  readonly durability?: 'write' | 'fsync';
  /** Cap on the serialized bytes of queued events (checked first). Default 256 MiB. */
  readonly maxBytes?: number;
  /** Cap on the number of queued events. Default 1,000,000. */
  readonly maxEvents?: number;
  /** Size at which a new segment file is started. Default 4 MiB. */
  readonly segmentBytes?: number;
  /** File-system seam for tests (`ENOSPC`, `EACCES`). Default: `node:fs`. */
  readonly fs?: DiskFs;
  /** Receives a {@link DiskStoreError} for each problem the store worked around. */
  readonly onError?: (error: DiskStoreError) => void;
}

/** The defaults of reliability.md §1 for the node disk queue. */
export const DISK_STORE_DEFAULTS = {
  maxBytes: 256 * 1024 * 1024,
  maxEvents: 1_000_000,
  segmentBytes: 4 * 1024 * 1024,
} as const;

/**
 * Creates the durable on-disk {@link EventStore}: append-only segment files of length-prefixed,
 * CRC-32-checked event records plus an ack log, in a locked directory. `add()` writes the record
 * before it returns; a restart replays the files, so events survive crashes and restarts. A torn
 * last record is skipped, a damaged file is quarantined, and if the directory cannot be written
 * the store keeps working in memory and reports it through `onError`.
 *
 * @param options - the directory, durability point, caps and seams.
 * @returns the store (its `durable` is false after a fallback to memory).
 * @throws {QueueLockedError} when another live process uses the directory.
 * @example
 * const store = createDiskStore({ dir: '/var/lib/my-app/floe-queue', durability: 'fsync' });
 */
export function createDiskStore(options: DiskStoreOptions): EventStore {
  const fs = options.fs ?? realFs;
  const report = (error: DiskStoreError) => {
    try {
      options.onError?.(error);
    } catch {
      // A throwing callback must not break the queue.
    }
  };
  const queueOptions = {
    dir: options.dir,
    maxBytes: options.maxBytes ?? DISK_STORE_DEFAULTS.maxBytes,
    maxEvents: options.maxEvents ?? DISK_STORE_DEFAULTS.maxEvents,
    unlock: () => lock?.release(),
    report,
  };
  let lock: QueueLock | undefined;
  let recovered: RecoveredQueue;
  try {
    fs.mkdirSync(options.dir, { recursive: true });
    lock = acquireQueueLock(fs, options.dir, { report });
    recovered = recoverQueue(fs, options.dir, report);
  } catch (error) {
    if (error instanceof QueueLockedError) throw error;
    report(
      new DiskStoreError(
        'fallback_to_memory',
        `queue directory ${options.dir} cannot be used (${errnoOf(error) ?? String(error)}); ` +
          'events are kept in memory until the process ends',
        { file: options.dir, errno: errnoOf(error) },
        { cause: error },
      ),
    );
    return new DiskQueue(queueOptions, undefined, undefined);
  }
  const files = new SegmentFiles(
    fs,
    options.dir,
    options.durability === 'fsync',
    options.segmentBytes ?? DISK_STORE_DEFAULTS.segmentBytes,
  );
  return new DiskQueue(queueOptions, files, recovered);
}
