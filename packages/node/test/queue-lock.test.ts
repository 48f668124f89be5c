import * as nodeFs from 'node:fs';
import {
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DiskStoreError } from '../src/errors/disk-store-error';
import { QueueLockedError } from '../src/errors/queue-locked-error';
import type { DiskFs } from '../src/store/disk-fs';
import { parseLockOwner } from '../src/store/lock-owner';
import {
  acquireQueueLock,
  QUEUE_LOCK_TIMING,
  type QueueLock,
  type QueueLockOptions,
} from '../src/store/queue-lock';
import { tempDir } from './helpers/temp-dir';

// The queue-directory lock (docs/node.md, "The lock"), in this process against the real file
// system; faults that root cannot produce go through the fs seam (decision 25).
let dir: string;
let cleanup: () => void;
const held: QueueLock[] = [];
let errors: DiskStoreError[];

beforeEach(() => {
  ({ dir, cleanup } = tempDir('floe-lock-'));
  errors = [];
});
afterEach(() => {
  for (const lock of held.splice(0)) lock.release();
  cleanup();
});

const lockPath = () => join(dir, 'lock');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function acquire(options: QueueLockOptions = {}, fs: DiskFs = nodeFs): QueueLock {
  const lock = acquireQueueLock(fs, dir, { report: (e) => errors.push(e), ...options });
  held.push(lock);
  return lock;
}
/** Writes a lock file as another owner would have, last refreshed `ageMs` ago. */
function plant(text: string | Buffer, ageMs = 0): void {
  writeFileSync(lockPath(), text);
  const at = new Date(Date.now() - ageMs);
  utimesSync(lockPath(), at, at);
}
function owner() {
  return parseLockOwner(readFileSync(lockPath(), 'utf8'));
}
function leftovers(): string[] {
  return readdirSync(dir).filter((n) => n !== 'lock');
}
const staleAge = QUEUE_LOCK_TIMING.staleAfterMs + 5_000;

describe('writing the lock', () => {
  it('links a complete, synced temporary file into place and leaves nothing else behind', () => {
    const calls: string[] = [];
    const spy: DiskFs = {
      ...nodeFs,
      fsyncSync: (fd) => {
        calls.push('fsync');
        nodeFs.fsyncSync(fd);
      },
      linkSync: (from, to) => {
        // At the moment of the link the temporary file already holds the whole lock.
        calls.push(`link ${parseLockOwner(readFileSync(from, 'utf8'))?.pid}`);
        nodeFs.linkSync(from, to);
      },
    };
    acquire({}, spy);
    expect(calls).toEqual(['fsync', `link ${process.pid}`]);
    expect(owner()).toEqual({ pid: process.pid, host: hostname(), token: expect.any(String) });
    expect(leftovers()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('on ENOSPC leaves no lock (empty or partial) and no temporary file', () => {
    const full: DiskFs = {
      ...nodeFs,
      writeSync: (() => {
        throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
      }) as typeof nodeFs.writeSync,
    };
    expect(() => acquire({}, full)).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(readdirSync(dir)).toEqual([]);
    acquire();
    expect(owner()?.pid).toBe(process.pid);
  });

  it('writes in place with O_EXCL where the file system has no hard links', () => {
    const noLinks: DiskFs = {
      ...nodeFs,
      linkSync: () => {
        throw Object.assign(new Error('EPERM: simulated'), { code: 'EPERM' });
      },
    };
    acquire({}, noLinks);
    expect(owner()?.pid).toBe(process.pid);
    expect(leftovers()).toEqual([]);
    expect(() => acquireQueueLock(noLinks, dir)).toThrow(QueueLockedError);
  });

  it('refuses a second lock in this process, however the directory is spelled', () => {
    acquire();
    expect(() => acquireQueueLock(nodeFs, `${dir}/./`)).toThrow(QueueLockedError);
  });

  it('refuses a second lock from another copy of the module (ESM and CJS builds side by side)', () => {
    acquire();
    let copy: typeof import('../src/store/queue-lock') | undefined;
    jest.isolateModules(() => {
      copy = require('../src/store/queue-lock');
    });
    expect(copy!.acquireQueueLock).not.toBe(acquireQueueLock);
    expect(() => copy!.acquireQueueLock(nodeFs, dir)).toThrow(
      expect.objectContaining({ name: 'QueueLockedError' }),
    );
  });

  it('release deletes the lock; a new one can then be taken', () => {
    const lock = acquire();
    lock.release();
    expect(existsSync(lockPath())).toBe(false);
    acquire();
    expect(owner()?.pid).toBe(process.pid);
  });
});

describe('stale locks', () => {
  it.each([
    ['empty', ''],
    ['cut short', `${process.pid}\n`],
    ['random bytes', Buffer.from([0x8f, 0x00, 0x13, 0xfe, 0x0a, 0x41, 0x0a, 0x0a, 0xff, 0x7f])],
    ['a pid that is not a number', 'abc\nhost\n'],
  ])('takes over an unparseable lock (%s) and reports it', (_, text) => {
    plant(text, 5_000);
    acquire();
    expect(owner()?.pid).toBe(process.pid);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(DiskStoreError);
    expect(errors[0]).toMatchObject({ code: 'store', reason: 'lock_taken_over' });
    expect(errors[0]!.message).toMatch(/unreadable lock.*empty or not a lock/);
    expect(leftovers()).toEqual([]);
  });

  it('gives a freshly written unparseable lock the rest of its grace time first', () => {
    plant('');
    const started = performance.now();
    acquire({ unreadableGraceMs: 400 });
    // Lower bound only: the wait is the grace less the file's age (file times are coarse).
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect(errors.map((e) => e.reason)).toEqual(['lock_taken_over']);
  });

  it('takes over a lock from another host whose heartbeat stopped, and reports it', () => {
    plant(`4242\nold-container\n${'a'.repeat(36)}\n`, staleAge);
    acquire();
    expect(owner()?.pid).toBe(process.pid);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'store', reason: 'lock_taken_over' });
    expect(errors[0]!.message).toMatch(/process 4242 on host old-container.*stopped refreshing/);
  });

  it('takes over a lock of Floe 0.1.0 (no heartbeat) from another host once older than the bound', () => {
    plant('4242\nold-container\n', staleAge);
    acquire();
    expect(errors.map((e) => e.reason)).toEqual(['lock_taken_over']);
  });

  it('refuses a lock from another host refreshed within the bound', () => {
    plant(`4242\nother-host\n${'b'.repeat(36)}\n`, QUEUE_LOCK_TIMING.staleAfterMs - 10_000);
    let thrown: unknown;
    try {
      acquire();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(QueueLockedError);
    expect(thrown).toMatchObject({ code: 'store', ownerPid: 4242, ownerHost: 'other-host' });
    expect((thrown as Error).message).toMatch(/on host other-host, refreshed 20 s ago/);
    expect(owner()?.host).toBe('other-host');
    expect(errors).toEqual([]);
  });

  it('takes over a lock of a dead pid on this host silently (the normal restart after a crash)', () => {
    plant(`999999999\n${hostname()}\n${'c'.repeat(36)}\n`);
    acquire();
    expect(owner()?.pid).toBe(process.pid);
    expect(errors).toEqual([]);
  });

  it('takes over a lock with this pid that this process did not write (a restarted container)', () => {
    plant(`${process.pid}\n${hostname()}\n${'d'.repeat(36)}\n`);
    acquire();
    expect(errors).toEqual([]);
  });

  it('refuses a live pid on this host, even with an old lock of Floe 0.1.0', () => {
    plant(`${process.ppid}\n${hostname()}\n`, staleAge);
    expect(() => acquire()).toThrow(expect.objectContaining({ ownerPid: process.ppid }));
  });

  it('takes over a live pid on this host whose heartbeat stopped (the pid was reused)', () => {
    plant(`${process.ppid}\n${hostname()}\n${'e'.repeat(36)}\n`, staleAge);
    acquire();
    expect(errors.map((e) => e.reason)).toEqual(['lock_taken_over']);
  });

  it('refuses a live pid on this host with a fresh heartbeat', () => {
    plant(`${process.ppid}\n${hostname()}\n${'f'.repeat(36)}\n`);
    expect(() => acquire()).toThrow(QueueLockedError);
  });
});

describe('heartbeat', () => {
  const fast = { heartbeatMs: 40, staleAfterMs: 400 };

  it('keeps the lock fresh, so another host never takes it over while the owner lives', async () => {
    const lock = acquire({ ...fast, host: 'host-b' });
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath(), old, old);
    await sleep(600);
    expect(Date.now() - statSync(lockPath()).mtimeMs).toBeLessThan(400);
    expect(() => acquireQueueLock(nodeFs, dir, { ...fast, host: 'host-a' })).toThrow(
      QueueLockedError,
    );
    lock.release();
    expect(existsSync(lockPath())).toBe(false);
    acquire({ ...fast, host: 'host-a' });
    expect(owner()?.host).toBe('host-a');
  });

  it('runs on an unref’d timer that release stops', () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const lock = acquire(fast);
    expect(timers()).toBe(before);
    lock.release();
    expect(timers()).toBe(before);
  });

  it('writes the lock again when it was deleted from under its owner', async () => {
    acquire(fast);
    const text = readFileSync(lockPath(), 'utf8');
    nodeFs.unlinkSync(lockPath());
    await sleep(200);
    expect(readFileSync(lockPath(), 'utf8')).toBe(text);
    expect(errors).toEqual([]);
  });

  it('reports a lock another process took over, stops, and never deletes the new owner’s lock', async () => {
    const lock = acquire(fast);
    const other = `4243\nhost-c\n${'g'.repeat(36)}\n`;
    writeFileSync(lockPath(), other);
    await sleep(200);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'store', reason: 'lock_lost' });
    expect(errors[0]!.message).toMatch(/process 4243 on host host-c/);
    await sleep(200);
    expect(errors).toHaveLength(1);
    lock.release();
    expect(readFileSync(lockPath(), 'utf8')).toBe(other);
  });
});
