import { readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from '@floe/core';
import { DiskStoreError } from '../src/errors/disk-store-error';
import { createDiskStore } from '../src/store/disk-store';
import { eidsOf, queuedEvent } from './helpers/queued-event';
import { tempDir } from './helpers/temp-dir';

let dir: string;
let cleanup: () => void;
const open: EventStore[] = [];

function openStore(options: Partial<Parameters<typeof createDiskStore>[0]> = {}): EventStore {
  const store = createDiskStore({ dir, ...options });
  open.push(store);
  return store;
}

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(async () => {
  for (const store of open.splice(0)) await store.close?.();
  cleanup();
});

describe('createDiskStore', () => {
  it('leases the oldest events, acks them for good and releases them in order', async () => {
    const store = openStore();
    expect(store.durable).toBe(true);
    for (let i = 0; i < 5; i++) expect(store.add(queuedEvent(i))).toEqual([]);
    expect(store.size).toBe(5);
    const first = await store.take(2);
    expect(eidsOf(first)).toEqual([queuedEvent(0).eid, queuedEvent(1).eid]);
    expect(first[0]).toEqual(queuedEvent(0));
    const second = await store.take(2);
    expect(eidsOf(second)).toEqual([queuedEvent(2).eid, queuedEvent(3).eid]);
    await store.release(eidsOf(first));
    await store.ack(eidsOf(second));
    expect(store.size).toBe(3);
    expect(eidsOf(await store.take(10))).toEqual([0, 1, 4].map((n) => queuedEvent(n).eid));
    expect(store.byteSize).toBe([0, 1, 4].reduce((s, n) => s + queuedEvent(n).bytes, 0));
  });

  it('keeps unacknowledged events across a restart, leased ones included', async () => {
    const store = openStore();
    for (let i = 0; i < 6; i++) store.add(queuedEvent(i));
    const leased = await store.take(3);
    await store.ack(eidsOf(leased).slice(0, 2));
    await store.close?.();
    const again = openStore();
    expect(again.size).toBe(4);
    expect(eidsOf(await again.take(10))).toEqual([2, 3, 4, 5].map((n) => queuedEvent(n).eid));
  });

  it('writes the record before add() returns (readable by a second reader at once)', () => {
    const store = openStore();
    store.add(queuedEvent(7));
    const segment = readdirSync(dir).find((n) => n.endsWith('.seg'))!;
    expect(readFileSync(join(dir, segment)).includes(queuedEvent(7).eid)).toBe(true);
  });

  it('evicts the oldest events when the byte cap is reached, then the count cap', () => {
    const size = queuedEvent(0, 200).bytes;
    const store = openStore({ maxBytes: size * 3, maxEvents: 100 });
    for (let i = 0; i < 3; i++) expect(store.add(queuedEvent(i, 200))).toEqual([]);
    expect(eidsOf(store.add(queuedEvent(3, 200)))).toEqual([queuedEvent(0).eid]);
    expect(store.add(queuedEvent(4, 200))[0]).toEqual(queuedEvent(1, 200));
    const counted = openStoreIn(`${dir}/count`, { maxEvents: 2 });
    counted.add(queuedEvent(10));
    counted.add(queuedEvent(11));
    expect(eidsOf(counted.add(queuedEvent(12)))).toEqual([queuedEvent(10).eid]);
    expect(counted.size).toBe(2);
  });

  it('never evicts leased events: the oldest waiting ones go, or else the new event', async () => {
    const store = openStore({ maxEvents: 3 });
    for (let i = 0; i < 3; i++) store.add(queuedEvent(i));
    await store.take(2);
    expect(eidsOf(store.add(queuedEvent(3)))).toEqual([queuedEvent(2).eid]);
    await store.take(1);
    expect(eidsOf(store.add(queuedEvent(4)))).toEqual([queuedEvent(4).eid]);
    expect(store.size).toBe(3);
  });

  it('stops a take at the byte hint but always returns one event', async () => {
    const store = openStore();
    for (let i = 0; i < 4; i++) store.add(queuedEvent(i, 300));
    const size = queuedEvent(0, 300).bytes;
    expect(await store.take(10, size * 2 + 1)).toHaveLength(2);
    expect(await store.take(10, 1)).toHaveLength(1);
  });

  it("hands back the emitter's sequence number of events added by this process", async () => {
    const store = openStore();
    store.add({ ...queuedEvent(1), seq: 41 });
    expect((await store.take(1))[0]).toMatchObject({ eid: queuedEvent(1).eid, seq: 41 });
    await store.close?.();
    expect((await openStore().take(1))[0]).not.toHaveProperty('seq');
  });

  it('replaces an older copy when the same eid is added again', async () => {
    const store = openStore();
    store.add(queuedEvent(1));
    store.add(queuedEvent(2));
    const again = { ...queuedEvent(1), queuedAt: 5 };
    expect(store.add(again)).toEqual([]);
    expect(store.size).toBe(2);
    const taken = await store.take(5);
    expect(taken.map((e) => [e.eid, e.queuedAt])).toEqual([
      [queuedEvent(2).eid, queuedEvent(2).queuedAt],
      [queuedEvent(1).eid, 5],
    ]);
    await store.ack(eidsOf(taken));
    expect(store.size).toBe(0);
  });

  it('takes a synchronous burst of 100,000 ordinary events with the default caps, dropping none', async () => {
    const store = openStore();
    let evicted = 0;
    for (let i = 0; i < 100_000; i++) evicted += store.add(queuedEvent(i, 400)).length;
    expect(evicted).toBe(0);
    expect(store.size).toBe(100_000);
    await store.close?.();
    const again = openStore();
    expect(again.size).toBe(100_000);
    expect((await again.take(1))[0]).toEqual(queuedEvent(0, 400));
  }, 60_000);

  it('refuses an event larger than the byte cap without evicting anything', () => {
    const store = openStore({ maxBytes: 500 });
    store.add(queuedEvent(1));
    const big = queuedEvent(2, 800);
    expect(store.add(big)).toEqual([big]);
    expect(store.size).toBe(1);
  });

  it('deletes segments once all their events are acknowledged and compacts the ack log', async () => {
    const store = openStore({ segmentBytes: 2048 });
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 300; i++) store.add(queuedEvent(round * 300 + i));
      while (store.size > 0) await store.ack(eidsOf(await store.take(25)));
    }
    const files = readdirSync(dir);
    expect(files.filter((n) => n.endsWith('.seg')).length).toBeLessThanOrEqual(1);
    expect(statSync(join(dir, 'acks.log')).size).toBeLessThan(64 * 1024);
    await store.close?.();
    expect(openStore().size).toBe(0);
  });

  it('recovers many segments in order after a restart', async () => {
    const store = openStore({ segmentBytes: 1024 });
    for (let i = 0; i < 200; i++) store.add(queuedEvent(i));
    await store.ack(eidsOf(await store.take(50)));
    await store.close?.();
    const again = openStore({ segmentBytes: 1024 });
    expect(eidsOf(await again.take(1000))).toEqual(
      Array.from({ length: 150 }, (_, i) => queuedEvent(i + 50).eid),
    );
  });

  function openStoreIn(path: string, options: Partial<Parameters<typeof createDiskStore>[0]> = {}) {
    const store = createDiskStore({ dir: path, ...options });
    open.push(store);
    return store;
  }

  describe('recovery', () => {
    function segmentPath(): string {
      return join(dir, readdirSync(dir).find((n) => n.endsWith('.seg'))!);
    }

    it.each([1, 5, 11, 12, 40])('skips a torn last record cut %i bytes short', async (cut) => {
      const errors: unknown[] = [];
      const store = openStore({ onError: (e) => errors.push(e) });
      for (let i = 0; i < 3; i++) store.add(queuedEvent(i));
      const path = segmentPath();
      await store.close?.();
      const full = statSync(path).size;
      truncateSync(path, full - cut);
      const again = openStore({ onError: (e) => errors.push(e) });
      expect(eidsOf(await again.take(10))).toEqual([0, 1].map((n) => queuedEvent(n).eid));
      expect(errors).toEqual([]);
      again.add(queuedEvent(3));
      await again.close?.();
      const third = openStore();
      expect(eidsOf(await third.take(10))).toEqual([0, 1, 3].map((n) => queuedEvent(n).eid));
    });

    it('quarantines a file of random bytes, reports it and starts a fresh queue', async () => {
      const errors: DiskStoreError[] = [];
      const store = openStore();
      for (let i = 0; i < 3; i++) store.add(queuedEvent(i));
      const path = segmentPath();
      await store.close?.();
      const random = Buffer.alloc(4096);
      for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 251;
      writeFileSync(path, random);
      const again = openStore({ onError: (e) => errors.push(e) });
      expect(again.size).toBe(0);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(DiskStoreError);
      expect(errors[0]!.reason).toBe('quarantined');
      expect(errors[0]!.details.unreadableRecords).toBeGreaterThanOrEqual(1);
      expect(readdirSync(dir)).toContain(`${path.split('/').at(-1)}.corrupt-1`);
      again.add(queuedEvent(9));
      expect(eidsOf(await again.take(5))).toEqual([queuedEvent(9).eid]);
    });

    it('salvages intact records around damage and counts the unreadable ones exactly', async () => {
      const errors: DiskStoreError[] = [];
      const store = openStore();
      for (let i = 0; i < 10; i++) store.add(queuedEvent(i, 100));
      const path = segmentPath();
      await store.close?.();
      const bytes = readFileSync(path);
      const third = bytes.indexOf(queuedEvent(3).eid);
      const fifth = bytes.indexOf(queuedEvent(5).eid);
      bytes.fill(0x55, third, fifth + 10);
      writeFileSync(path, bytes);
      const again = openStore({ onError: (e) => errors.push(e) });
      expect(errors[0]?.details).toMatchObject({
        unreadableRecords: 3,
        estimated: false,
        recoveredRecords: 7,
      });
      expect(eidsOf(await again.take(20))).toEqual(
        [0, 1, 2, 6, 7, 8, 9].map((n) => queuedEvent(n).eid),
      );
    });
  });

  describe('unreadable entries', () => {
    const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
    /** The real fs, except that reading the named files fails with `code`. */
    function unreadable(names: string[], code: string, renameFails = false) {
      const denied = (path: unknown) => names.some((n) => String(path).endsWith(`/${n}`));
      return {
        ...fs,
        readFileSync: ((path: string, ...rest: unknown[]) => {
          if (denied(path)) throw Object.assign(new Error(`${code}: simulated`), { code });
          return (fs.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
        }) as typeof fs.readFileSync,
        renameSync: ((from: string, to: string) => {
          if (renameFails && denied(from)) {
            throw Object.assign(new Error('EIO: simulated'), { code: 'EIO' });
          }
          fs.renameSync(from, to);
        }) as typeof fs.renameSync,
      };
    }
    /** Events 0–19 spread over two segments or more. */
    async function twoSegments(): Promise<string[]> {
      const store = openStore({ segmentBytes: 1200 });
      for (let i = 0; i < 20; i++) store.add(queuedEvent(i, 100));
      await store.close?.();
      const names = readdirSync(dir)
        .filter((n) => n.endsWith('.seg'))
        .sort();
      expect(names.length).toBeGreaterThanOrEqual(2);
      return names;
    }
    function eidsIn(name: string): string[] {
      const bytes = readFileSync(join(dir, name), 'latin1');
      return Array.from({ length: 20 }, (_, i) => queuedEvent(i).eid).filter((e) =>
        bytes.includes(e),
      );
    }

    it.each(['EIO', 'EACCES'])(
      'quarantines a segment that fails with %s, recovers the rest and stays durable',
      async (code) => {
        const names = await twoSegments();
        const lost = eidsIn(names[0]!);
        const errors: DiskStoreError[] = [];
        const again = openStore({
          fs: unreadable([names[0]!], code),
          onError: (e) => errors.push(e),
        });
        expect(again.durable).toBe(true);
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatchObject({ code: 'store', reason: 'quarantined' });
        expect(errors[0]!.details).toMatchObject({
          errno: code,
          file: join(dir, names[0]!),
          quarantinedAs: join(dir, `${names[0]}.corrupt-1`),
        });
        expect(readdirSync(dir)).toContain(`${names[0]}.corrupt-1`);
        const rest = Array.from({ length: 20 }, (_, i) => queuedEvent(i).eid).filter(
          (e) => !lost.includes(e),
        );
        expect(eidsOf(await again.take(100))).toEqual(rest);
        again.add(queuedEvent(50, 100));
        await again.close?.();
        const third = openStore({ onError: (e) => errors.push(e) });
        expect(eidsOf(await third.take(100))).toEqual([...rest, queuedEvent(50).eid]);
        expect(errors).toHaveLength(1);
      },
    );

    it('quarantines a directory where a segment file should be (EISDIR, no seam)', async () => {
      const store = openStore();
      for (let i = 0; i < 5; i++) store.add(queuedEvent(i));
      await store.close?.();
      const bogus = '0000000000000100.seg';
      fs.mkdirSync(join(dir, bogus));
      const errors: DiskStoreError[] = [];
      const again = openStore({ onError: (e) => errors.push(e) });
      expect(errors.map((e) => [e.reason, e.details.errno])).toEqual([['quarantined', 'EISDIR']]);
      expect(statSync(join(dir, `${bogus}.corrupt-1`)).isDirectory()).toBe(true);
      expect(eidsOf(await again.take(10))).toEqual([0, 1, 2, 3, 4].map((n) => queuedEvent(n).eid));
      // New events are numbered above anything the quarantined entry could hold.
      again.add(queuedEvent(9));
      const active = readdirSync(dir)
        .filter((n) => n.endsWith('.seg'))
        .sort()
        .at(-1)!;
      expect(Number(active.slice(0, 16))).toBeGreaterThan(100);
    });

    it('skips an entry that cannot be moved aside either, and still recovers the rest', async () => {
      const names = await twoSegments();
      const errors: DiskStoreError[] = [];
      const again = openStore({
        fs: unreadable([names[1]!], 'EIO', true),
        onError: (e) => errors.push(e),
      });
      expect(again.durable).toBe(true);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.details).toMatchObject({ errno: 'EIO', quarantinedAs: undefined });
      expect(errors[0]!.message).toMatch(/could not be moved aside either \(EIO\)/);
      expect(readdirSync(dir)).toContain(names[1]);
      const skipped = eidsIn(names[1]!);
      expect(skipped.length).toBeGreaterThan(0);
      expect(eidsOf(await again.take(100))).toEqual(
        Array.from({ length: 20 }, (_, i) => queuedEvent(i).eid).filter(
          (e) => !skipped.includes(e),
        ),
      );
    });

    it('quarantines an unreadable ack log: acknowledged events come again, none is lost', async () => {
      const store = openStore();
      for (let i = 0; i < 6; i++) store.add(queuedEvent(i));
      await store.ack(eidsOf(await store.take(2)));
      await store.close?.();
      const errors: DiskStoreError[] = [];
      const again = openStore({
        fs: unreadable(['acks.log'], 'EIO'),
        onError: (e) => errors.push(e),
      });
      expect(errors.map((e) => [e.reason, e.details.errno])).toEqual([['quarantined', 'EIO']]);
      expect(readdirSync(dir)).toContain('acks.log.corrupt-1');
      expect(eidsOf(await again.take(10))).toEqual(
        [0, 1, 2, 3, 4, 5].map((n) => queuedEvent(n).eid),
      );
    });
  });

  describe('file-system faults', () => {
    function failingFs(code: string, failAfterWrites: number) {
      const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
      let writes = 0;
      return {
        ...fs,
        writeSync: ((...args: Parameters<typeof fs.writeSync>) => {
          if (++writes > failAfterWrites) {
            throw Object.assign(new Error(`${code}: simulated`), { code });
          }
          return (fs.writeSync as (...a: unknown[]) => number)(...args);
        }) as typeof fs.writeSync,
      };
    }

    it.each(['ENOSPC', 'EACCES'])(
      'falls back to memory on %s while writing, losing nothing',
      async (code) => {
        const errors: DiskStoreError[] = [];
        const store = openStore({ fs: failingFs(code, 8), onError: (e) => errors.push(e) });
        for (let i = 0; i < 10; i++) store.add(queuedEvent(i));
        expect(store.durable).toBe(false);
        expect(errors).toHaveLength(1);
        expect(errors[0]!.reason).toBe('fallback_to_memory');
        expect(errors[0]!.details.errno).toBe(code);
        expect(eidsOf(await store.take(20))).toEqual(
          Array.from({ length: 10 }, (_, i) => queuedEvent(i).eid),
        );
      },
    );

    it('starts in memory when the directory cannot be opened', async () => {
      const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
      const errors: DiskStoreError[] = [];
      const denied = {
        ...fs,
        mkdirSync: (() => {
          throw Object.assign(new Error('EACCES: simulated'), { code: 'EACCES' });
        }) as typeof fs.mkdirSync,
      };
      const store = openStore({ fs: denied, onError: (e) => errors.push(e) });
      expect(store.durable).toBe(false);
      store.add(queuedEvent(1));
      expect(eidsOf(await store.take(1))).toEqual([queuedEvent(1).eid]);
      expect(errors.map((e) => e.details.errno)).toEqual(['EACCES']);
    });
  });

  describe('lock', () => {
    it('refuses a second store on the same directory in this process, until the first closes', async () => {
      const first = openStore();
      expect(() => createDiskStore({ dir })).toThrow(
        expect.objectContaining({ name: 'QueueLockedError', code: 'store' }),
      );
      await first.close?.();
      expect(openStore().durable).toBe(true);
    });

    it('takes over a lock left by a dead process', () => {
      writeFileSync(join(dir, 'lock'), `999999999\n${require('node:os').hostname()}\n`);
      expect(openStore().durable).toBe(true);
    });

    it('refuses a lock held by a live process', () => {
      writeFileSync(join(dir, 'lock'), `${process.ppid}\n${require('node:os').hostname()}\n`);
      expect(() => createDiskStore({ dir })).toThrow(
        expect.objectContaining({ ownerPid: process.ppid }),
      );
    });
  });
});
