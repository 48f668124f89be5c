import { type DiskFs, errnoOf } from './disk-fs';
import { writeLockFile } from './write-lock-file';

/** What a heartbeat needs to know about the lock it keeps fresh. */
export interface HeartbeatTarget {
  readonly path: string;
  /** The lock's exact text: the heartbeat's test of whether the lock is still ours. */
  readonly text: string;
  /** A temporary name for re-creating the lock if it was deleted. */
  readonly tempPath: string;
  readonly intervalMs: number;
  /** Called once when another process holds the lock now; the heartbeat stops. */
  readonly onLost: (holderText: string) => void;
}

function readText(fs: DiskFs, path: string): string | undefined {
  try {
    return String(fs.readFileSync(path, 'utf8'));
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Refreshes a held lock's modification time every `intervalMs` on an unref'd timer, so the lock
 * never keeps Node alive and other hosts can tell a live owner from a dead one. Each beat first
 * checks the lock is still ours: a lock deleted from under us (a temp-directory cleaner, an
 * operator) is written again; one replaced by another process is reported through `onLost`.
 * File-system errors skip a beat; the next one tries again.
 *
 * @returns a function that stops the heartbeat.
 */
export function startLockHeartbeat(fs: DiskFs, target: HeartbeatTarget): () => void {
  const beat = () => {
    try {
      const current = readText(fs, target.path);
      if (current === undefined) {
        if (writeLockFile(fs, target.path, target.text, target.tempPath)) return;
        stop();
        target.onLost(readText(fs, target.path) ?? '');
        return;
      }
      if (current !== target.text) {
        stop();
        target.onLost(current);
        return;
      }
      const now = new Date();
      fs.utimesSync(target.path, now, now);
    } catch {
      // Skipped: a missed beat only matters after many in a row.
    }
  };
  const timer = setInterval(beat, target.intervalMs);
  timer.unref?.();
  const stop = () => clearInterval(timer);
  return stop;
}
