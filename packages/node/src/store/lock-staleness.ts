import { errnoOf } from './disk-fs';
import type { LockOwner } from './lock-owner';

/**
 * Why a lock protects nobody any more:
 * - `unreadable`: empty or not a lock (a crash or a full disk while it was written);
 * - `owner_dead`: its pid is not alive on this host, or is this process's pid without this
 *   process having written it (a restarted container reuses pid 1);
 * - `heartbeat_stale`: its modification time, which a live owner refreshes every few seconds, is
 *   older than the bound. The only rule that can judge a lock from another host (a volume shared
 *   by a container that was replaced), and on this host it catches a pid reused by another
 *   program. Locks of Floe 0.1.0 had no heartbeat; from another host, their age is their mtime.
 */
export type LockStaleReason = 'unreadable' | 'owner_dead' | 'heartbeat_stale';

/** What the judging process knows about itself. */
export interface LockJudge {
  readonly host: string;
  readonly pid: number;
  /** Tokens of the locks this process holds right now. */
  readonly heldTokens: ReadonlySet<string>;
  /** A lock whose mtime is older than this is stale where the heartbeat rule applies. */
  readonly staleAfterMs: number;
}

/** Whether a process with this pid exists on this host. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errnoOf(error) === 'EPERM';
  }
}

/**
 * Judges a lock found in a queue directory.
 *
 * @param owner - the parsed lock, or undefined when it could not be parsed.
 * @param ageMs - time since the lock file was last modified (its last heartbeat).
 * @param judge - the judging process.
 * @returns why the lock is stale, or undefined when its owner may still be alive.
 */
export function whyLockIsStale(
  owner: LockOwner | undefined,
  ageMs: number,
  judge: LockJudge,
): LockStaleReason | undefined {
  if (owner === undefined) return 'unreadable';
  const silent = ageMs > judge.staleAfterMs;
  if (owner.host !== judge.host) return silent ? 'heartbeat_stale' : undefined;
  if (owner.pid === judge.pid) {
    return owner.token !== undefined && judge.heldTokens.has(owner.token)
      ? undefined
      : 'owner_dead';
  }
  if (!isAlive(owner.pid)) return 'owner_dead';
  // A live pid with a heartbeat that stopped is another program that got the old owner's pid.
  // A lock without a token never had a heartbeat, so its age says nothing here.
  return owner.token !== undefined && silent ? 'heartbeat_stale' : undefined;
}
