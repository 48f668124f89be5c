import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DiskStoreError } from '../errors/disk-store-error';
import { QueueLockedError } from '../errors/queue-locked-error';
import { type DiskFs, errnoOf } from './disk-fs';
import { startLockHeartbeat } from './lock-heartbeat';
import { formatLockOwner, type LockOwner, parseLockOwner } from './lock-owner';
import { type LockStaleReason, whyLockIsStale } from './lock-staleness';
import { writeLockFile } from './write-lock-file';

/** The lock's timing (docs/node.md, "The lock"). */
export const QUEUE_LOCK_TIMING = {
  /** How often a holder refreshes its lock's modification time. */
  heartbeatMs: 5_000,
  /** A lock not refreshed for this long is stale where the heartbeat rule applies. */
  staleAfterMs: 30_000,
  /**
   * An unparseable lock younger than this is given the rest of this time before it is judged:
   * Floe 0.1.0 created the file first and wrote it after, so a live starter may be mid-write.
   */
  unreadableGraceMs: 1_000,
} as const;

/** Options of {@link acquireQueueLock}; all but `report` exist for tests. */
export interface QueueLockOptions {
  /** Receives a takeover of a lock that was not simply left by a dead process, or a lost lock. */
  readonly report?: (error: DiskStoreError) => void;
  readonly host?: string;
  readonly heartbeatMs?: number;
  readonly staleAfterMs?: number;
  readonly unreadableGraceMs?: number;
}

/** A held queue-directory lock. */
export interface QueueLock {
  /** Stops the heartbeat and deletes the lock, if it is still ours. */
  release(): void;
}

// Tokens of the locks this process holds, so a lock with our pid is told apart from one left by an
// earlier process that had the same pid (in containers the app is often pid 1 on every start).
// Kept under a registry symbol: the ESM and CJS builds loaded side by side must share it, or one
// would take over the other's lock as left by a dead process.
const HELD_TOKENS = Symbol.for('floe.queueLockTokens');

function heldTokens(): Set<string> {
  const registry = globalThis as { [key: symbol]: Set<string> | undefined };
  const tokens = registry[HELD_TOKENS] ?? new Set<string>();
  registry[HELD_TOKENS] = tokens;
  return tokens;
}

interface Found {
  readonly text: string;
  readonly owner: LockOwner | undefined;
  readonly ageMs: number;
}

function readLock(fs: DiskFs, path: string): Found | undefined {
  try {
    const text = String(fs.readFileSync(path, 'utf8'));
    const ageMs = Date.now() - fs.statSync(path).mtimeMs;
    return { text, owner: parseLockOwner(text), ageMs };
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return undefined;
    throw error;
  }
}

function sleepSync(ms: number): void {
  // Opening a store is synchronous (decision 12), so this wait is too. It happens only for an
  // unparseable lock younger than a second.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function describeLock(found: Found): string {
  const { owner, ageMs } = found;
  const age = `last modified ${Math.max(0, Math.round(ageMs / 1000))} s ago`;
  if (!owner) return `an unreadable lock (${JSON.stringify(found.text.slice(0, 40))}, ${age})`;
  return `the lock of process ${owner.pid} on host ${owner.host} (${age})`;
}

const WHY: Record<Exclude<LockStaleReason, 'owner_dead'>, string> = {
  unreadable: 'it is empty or not a lock (a crash or a full disk while it was written)',
  heartbeat_stale: 'its owner stopped refreshing it',
};

/**
 * Moves a stale lock aside, checking that the one moved is the one judged: if another process
 * replaced it in between, theirs is put back.
 *
 * @returns false when the lock vanished meanwhile (try again).
 * @throws {QueueLockedError} when the lock was replaced by a live one.
 */
function removeStale(fs: DiskFs, dir: string, path: string, judged: Found, token: string): boolean {
  const aside = join(dir, `lock.stale-${token}`);
  try {
    fs.renameSync(path, aside);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return false;
    throw error;
  }
  const moved = String(fs.readFileSync(aside, 'utf8'));
  if (moved !== judged.text) {
    fs.renameSync(aside, path);
    const owner = parseLockOwner(moved);
    throw new QueueLockedError(dir, owner?.pid, { host: owner?.host });
  }
  fs.unlinkSync(aside);
  return true;
}

/**
 * Takes the exclusive lock of a queue directory: a `lock` file holding the owner's pid, host name
 * and a random token, created atomically (see `writeLockFile`) and kept fresh by a heartbeat
 * while held. A stale lock (see `whyLockIsStale`) is taken over; a takeover of an unreadable lock
 * or one whose heartbeat stopped is reported through `report`, since it may hide a second
 * process or a clock far off.
 *
 * @param fs - the file-system seam.
 * @param dir - the queue directory (must exist).
 * @param options - the reporter, and timing overrides for tests.
 * @returns the held lock.
 * @throws {QueueLockedError} when a live process holds the lock.
 */
export function acquireQueueLock(
  fs: DiskFs,
  dir: string,
  options: QueueLockOptions = {},
): QueueLock {
  const path = join(dir, 'lock');
  const host = options.host ?? hostname();
  const staleAfterMs = options.staleAfterMs ?? QUEUE_LOCK_TIMING.staleAfterMs;
  const graceMs = options.unreadableGraceMs ?? QUEUE_LOCK_TIMING.unreadableGraceMs;
  const token = randomUUID();
  const text = formatLockOwner({ pid: process.pid, host, token });
  const tempPath = join(dir, `lock.${token}.tmp`);
  let takenOver: string | undefined;
  let waited = false;
  for (let attempt = 0; attempt < 4; attempt++) {
    if (writeLockFile(fs, path, text, tempPath)) {
      if (takenOver)
        options.report?.(new DiskStoreError('lock_taken_over', takenOver, { file: path }));
      return hold(fs, path, text, tempPath, token, options);
    }
    const found = readLock(fs, path);
    if (found === undefined) continue;
    if (found.owner === undefined && found.ageMs < graceMs && !waited) {
      waited = true;
      sleepSync(Math.min(graceMs, graceMs - found.ageMs));
      continue;
    }
    const why = whyLockIsStale(found.owner, found.ageMs, {
      host,
      pid: process.pid,
      heldTokens: heldTokens(),
      staleAfterMs,
    });
    if (why === undefined) {
      throw new QueueLockedError(dir, found.owner?.pid, {
        host: found.owner?.host,
        heartbeatAgeMs: found.ageMs,
      });
    }
    if (!removeStale(fs, dir, path, found, token)) continue;
    if (why !== 'owner_dead') {
      takenOver =
        `took over queue directory ${dir} from ${describeLock(found)}: ${WHY[why]}. ` +
        'If that process is in fact alive, give each process its own queueDir.';
    }
  }
  const found = readLock(fs, path);
  throw new QueueLockedError(dir, found?.owner?.pid, { host: found?.owner?.host });
}

function hold(
  fs: DiskFs,
  path: string,
  text: string,
  tempPath: string,
  token: string,
  options: QueueLockOptions,
): QueueLock {
  heldTokens().add(token);
  let lost = false;
  const stopHeartbeat = startLockHeartbeat(fs, {
    path,
    text,
    tempPath,
    intervalMs: options.heartbeatMs ?? QUEUE_LOCK_TIMING.heartbeatMs,
    onLost(holderText) {
      lost = true;
      heldTokens().delete(token);
      const holder = parseLockOwner(holderText);
      options.report?.(
        new DiskStoreError(
          'lock_lost',
          `the lock of queue directory ${path} was taken over by ` +
            `${holder ? `process ${holder.pid} on host ${holder.host}` : 'another process'}; ` +
            'both may now send the same events. Give each process its own queueDir.',
          { file: path },
        ),
      );
    },
  });
  return {
    release() {
      stopHeartbeat();
      heldTokens().delete(token);
      if (lost) return;
      try {
        // Only our own lock is deleted: never one another process holds now.
        if (String(fs.readFileSync(path, 'utf8')) === text) fs.unlinkSync(path);
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}
