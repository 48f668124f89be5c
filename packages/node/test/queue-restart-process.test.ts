import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkInvariants, type FaultServer, startFaultServer } from '@floe/test-utils';
import { ensureBuilt } from './helpers/ensure-built';
import { type FixtureMessage, type FixtureRun, runFixture, runToExit } from './helpers/run-fixture';
import { tempDir } from './helpers/temp-dir';

// A disk queue that always comes back: P-rows in real `node` child processes running the built
// package. A lock or queue entry left broken by a crash, a full disk or a replaced container must
// not stop the next start (no crash loop), and the queued events must still arrive (no loss).
jest.setTimeout(60_000);

const SCRIPT = 'tracker-process.mjs';
let dir: string;
let cleanup: () => void;
let server: FaultServer;
const runs: FixtureRun[] = [];

beforeAll(() => ensureBuilt());
beforeEach(async () => {
  ({ dir, cleanup } = tempDir('floe-restart-'));
  server = await startFaultServer();
});
afterEach(async () => {
  for (const run of runs.splice(0)) run.child.kill('SIGKILL');
  await server.close();
  cleanup();
});

const lockPath = () => join(dir, 'lock');
const errorsOf = (run: { messages: FixtureMessage[] }) =>
  run.messages.filter((m) => m.t === 'error');

/** A first process queues `count` events on disk while the collector is down, then exits. */
async function queueWhileDown(count: number) {
  await server.stopListening();
  const run = await runToExit(SCRIPT, {
    queueDir: dir,
    endpoint: server.url,
    count,
    timeoutMs: 200,
    shutdown: true,
    shutdownTimeoutMs: 100,
  });
  expect({ code: run.exit.code, stderr: run.stderr() }).toEqual({ code: 0, stderr: '' });
  expect(run.tracked()).toHaveLength(count);
  await server.reopen();
  return run;
}
/** A later process on the same queue: delivers what is there (and `count` new events), exits. */
async function restart(config: Record<string, unknown> = {}) {
  return runToExit(SCRIPT, {
    queueDir: dir,
    endpoint: server.url,
    flush: true,
    shutdown: true,
    ...config,
  });
}
function expectCleanExit(run: Awaited<ReturnType<typeof restart>>): void {
  expect({ code: run.exit.code, stderr: run.stderr() }).toEqual({ code: 0, stderr: '' });
  expect(run.messages.find((m) => m.t === 'flushed')?.result).toMatchObject({ pending: 0 });
}
function invariants(processes: { tracked(): Record<string, string>[] }[]) {
  return checkInvariants({
    tracked: processes.flatMap((p) => p.tracked()),
    dropped: [],
    server,
  });
}

describe('a lock left broken', () => {
  it.each([
    ['empty (a crash while the lock was written)', ''],
    ['cut short', '31337\n'],
    ['garbage (random bytes)', Buffer.from('8f0013fe0a41ff7fc3281b0a0000', 'hex')],
  ])('P-lock: %s is taken over and reported; all queued events arrive', async (_, text) => {
    const first = await queueWhileDown(40);
    // Written just now: the starter also gives it the grace time a live writer would need.
    writeFileSync(lockPath(), text);
    const second = await restart({ count: 5 });
    expectCleanExit(second);
    expect(errorsOf(second)).toEqual([
      expect.objectContaining({ name: 'DiskStoreError', code: 'store', reason: 'lock_taken_over' }),
    ]);
    expect(invariants([first, second])).toMatchObject({ tracked: 45, received: 45, duplicates: 0 });
    // It released its lock normally: the next start is quiet.
    const third = await restart({ count: 1 });
    expectCleanExit(third);
    expect(errorsOf(third)).toEqual([]);
  });

  it('P-lock: a lock from another host whose heartbeat stopped is taken over and reported', async () => {
    const first = await queueWhileDown(40);
    writeFileSync(lockPath(), `7\nreplaced-container-1\n${'0'.repeat(32)}\n`);
    const tenMinutesAgo = new Date(Date.now() - 600_000);
    utimesSync(lockPath(), tenMinutesAgo, tenMinutesAgo);
    const second = await restart();
    expectCleanExit(second);
    const [error] = errorsOf(second);
    expect(error).toMatchObject({
      name: 'DiskStoreError',
      code: 'store',
      reason: 'lock_taken_over',
    });
    expect(error!.message).toMatch(/process 7 on host replaced-container-1/);
    expect(errorsOf(second)).toHaveLength(1);
    expect(invariants([first, second])).toMatchObject({ tracked: 40, received: 40, duplicates: 0 });
  });

  it('P-lock: a fresh lock from another host is refused at once; once its heartbeat is stale the queue is delivered', async () => {
    const first = await queueWhileDown(40);
    writeFileSync(lockPath(), `7\nother-host-1\n${'1'.repeat(32)}\n`);
    const refused = await restart({ count: 5 });
    expect(refused.exit.code).toBe(1);
    expect(refused.exit.ms).toBeLessThan(5_000);
    expect(refused.messages).toEqual([
      expect.objectContaining({
        t: 'error',
        name: 'QueueLockedError',
        code: 'store',
        ownerHost: 'other-host-1',
      }),
    ]);
    expect(server.requests).toHaveLength(0);
    // The other host died and its heartbeat stopped: the next start takes over.
    const longAgo = new Date(Date.now() - 600_000);
    utimesSync(lockPath(), longAgo, longAgo);
    const third = await restart();
    expectCleanExit(third);
    expect(errorsOf(third).map((e) => e.reason)).toEqual(['lock_taken_over']);
    expect(invariants([first, third])).toMatchObject({ tracked: 40, received: 40, duplicates: 0 });
  });
});

describe('an unreadable entry in the queue folder', () => {
  function segments(): string[] {
    return readdirSync(dir)
      .filter((n) => n.endsWith('.seg'))
      .sort();
  }

  it.each([
    ['EIO on a segment file', 'EIO'],
    ['a directory where a segment file should be', 'EISDIR'],
  ])(
    'P-quarantine: %s is quarantined; the 50 intact events arrive and new ones stay durable',
    async (_, errno) => {
      const first = await queueWhileDown(50);
      const [intact] = segments();
      const bad = '0000000000900000.seg';
      if (errno === 'EISDIR') mkdirSync(join(dir, bad));
      else writeFileSync(join(dir, bad), 'FLOESEG1 on a sector that no longer reads');
      // Second start, collector down: it recovers the queue, tracks 10 more, and is killed.
      await server.stopListening();
      const second = runFixture(SCRIPT, {
        queueDir: dir,
        endpoint: server.url,
        count: 10,
        stayAlive: true,
        timeoutMs: 200,
        ...(errno === 'EIO' ? { unreadableFs: { names: [bad], code: 'EIO' } } : {}),
      });
      runs.push(second);
      await second.waitFor((m) => m.t === 'ready');
      second.child.kill('SIGKILL');
      await second.exited;
      const errors = errorsOf(second);
      expect(errors).toEqual([
        expect.objectContaining({ name: 'DiskStoreError', code: 'store', reason: 'quarantined' }),
      ]);
      expect(errors[0]!.details).toMatchObject({
        errno,
        file: join(dir, bad),
        quarantinedAs: join(dir, `${bad}.corrupt-1`),
      });
      expect(readdirSync(dir)).toContain(`${bad}.corrupt-1`);
      expect(segments()).toContain(intact);
      // Third start, collector up: the 50 from the first run and the 10 from the killed second one.
      await server.reopen();
      const third = await restart();
      expectCleanExit(third);
      expect(errorsOf(third)).toEqual([]);
      expect(invariants([first, second, third])).toMatchObject({
        tracked: 60,
        received: 60,
        duplicates: 0,
      });
    },
  );
});
