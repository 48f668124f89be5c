import { hostname } from 'node:os';
import { join } from 'node:path';
import { QueueLockedError } from '../errors/queue-locked-error';
import { type DiskFs, errnoOf } from './disk-fs';

// Directories locked by this process, so a pid in a lock file that equals ours is told apart from
// a lock left by an earlier process that had the same pid (common in containers, where the app is
// often pid 1 on every start).
const heldByThisProcess = new Set<string>();

/** A held queue-directory lock. */
export interface QueueLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errnoOf(error) === 'EPERM';
  }
}

interface Owner {
  readonly pid: number | undefined;
  readonly host: string | undefined;
}

function readOwner(fs: DiskFs, path: string): Owner | undefined {
  try {
    const [pid, host] = String(fs.readFileSync(path, 'utf8')).split('\n');
    const n = Number(pid);
    return { pid: Number.isInteger(n) && n > 0 ? n : undefined, host };
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return undefined;
    throw error;
  }
}

function isStale(owner: Owner, dir: string): boolean {
  // A lock from another machine (a shared volume) cannot be checked, so it counts as held.
  if (owner.host !== hostname() || owner.pid === undefined) return false;
  if (owner.pid === process.pid) return !heldByThisProcess.has(dir);
  return !isAlive(owner.pid);
}

function tryCreate(fs: DiskFs, path: string): boolean {
  try {
    const fd = fs.openSync(path, 'wx');
    try {
      fs.writeSync(fd, `${process.pid}\n${hostname()}\n`);
    } finally {
      fs.closeSync(fd);
    }
    return true;
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Takes the exclusive lock of a queue directory: a `lock` file holding the owner's pid and host.
 * A lock whose pid is dead on this host is stale and taken over.
 *
 * @param fs - the file-system seam.
 * @param dir - the queue directory (must exist).
 * @returns the held lock.
 * @throws {QueueLockedError} when a live process holds the lock.
 */
export function acquireQueueLock(fs: DiskFs, dir: string): QueueLock {
  const path = join(dir, 'lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(fs, path)) {
      heldByThisProcess.add(dir);
      return {
        release() {
          heldByThisProcess.delete(dir);
          try {
            fs.unlinkSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    }
    const owner = readOwner(fs, path);
    if (owner === undefined) continue;
    if (!isStale(owner, dir)) throw new QueueLockedError(dir, owner.pid);
    // Move the stale lock aside, then check we moved the one we judged: if another process took
    // it over in between, put theirs back and give up.
    const aside = `${path}.stale-${process.pid}`;
    try {
      fs.renameSync(path, aside);
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') continue;
      throw error;
    }
    const moved = readOwner(fs, aside);
    if (moved && moved.pid !== owner.pid) {
      fs.renameSync(aside, path);
      throw new QueueLockedError(dir, moved.pid);
    }
    fs.unlinkSync(aside);
  }
  throw new QueueLockedError(dir, readOwner(fs, path)?.pid);
}
