import { checkInvariants, type FaultServer, startFaultServer } from '@floe/test-utils';
import { ensureBuilt } from './helpers/ensure-built';
import { type FixtureRun, runFixture, runToExit } from './helpers/run-fixture';
import { tempDir } from './helpers/temp-dir';

// Exit handling (beforeExit, SIGTERM, SIGINT) and P11 in real child processes.
jest.setTimeout(30_000);

const SCRIPT = 'tracker-process.mjs';
let server: FaultServer;
const runs: FixtureRun[] = [];
let dir: string;
let cleanup: () => void;

beforeAll(() => ensureBuilt());
beforeEach(async () => {
  server = await startFaultServer();
  ({ dir, cleanup } = tempDir('floe-exit-'));
});
afterEach(async () => {
  for (const run of runs.splice(0)) run.child.kill('SIGKILL');
  await server.close();
  cleanup();
});

/** I1–I5 over what the processes tracked; returns the invariant report. */
function delivered(...processes: FixtureRun[]) {
  return checkInvariants({ tracked: processes.flatMap((p) => p.tracked()), dropped: [], server });
}

/** Reopens the server and runs a process that delivers what the disk queue in `dir` holds. */
async function drainQueueDir(): Promise<FixtureRun> {
  await server.reopen();
  const drain = await runToExit(SCRIPT, {
    endpoint: server.url,
    queueDir: dir,
    flush: true,
    shutdown: true,
  });
  expect(drain.exit.code).toBe(0);
  return drain;
}

function start(config: Record<string, unknown>): FixtureRun {
  const run = runFixture(SCRIPT, { endpoint: server.url, queue: 'memory', ...config });
  runs.push(run);
  return run;
}

describe('exit handlers', () => {
  it('flush on beforeExit: a script that just tracks and returns still delivers, then exits by itself', async () => {
    const run = await runToExit(SCRIPT, {
      endpoint: server.url,
      queue: 'memory',
      count: 7,
      flushAt: 100,
    });
    expect(run.exit.code).toBe(0);
    expect(delivered(run)).toMatchObject({ received: 7, duplicates: 0 });
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s with no other listener: shuts down, delivers, then dies by the re-raised signal',
    async (signal) => {
      const run = start({ count: 50, flushAt: 1000, stayAlive: true });
      await run.waitFor((m) => m.t === 'ready');
      expect(server.requests).toHaveLength(0);
      run.child.kill(signal);
      const exit = await run.exited;
      expect(exit).toMatchObject({ code: null, signal });
      expect(delivered(run)).toMatchObject({ received: 50, duplicates: 0 });
    },
  );

  it('on SIGTERM with an app listener: shuts down but leaves the exit to the app', async () => {
    const run = start({
      count: 30,
      flushAt: 1000,
      stayAlive: true,
      appSignalListener: 'delayedExit7',
    });
    await run.waitFor((m) => m.t === 'ready');
    run.child.kill('SIGTERM');
    const exit = await run.exited;
    // The app's listener exits with 7 some 300 ms after the shutdown; nobody re-raised SIGTERM.
    expect(exit).toMatchObject({ code: 7, signal: null });
    expect(run.messages.find((m) => m.t === 'shutdown')?.result).toEqual({
      delivered: 30,
      dropped: 0,
      pending: 0,
    });
    expect(delivered(run)).toMatchObject({ received: 30, duplicates: 0 });
  });

  it('a second signal during a slow shutdown stops waiting; the events stay on disk', async () => {
    await server.stopListening();
    const run = start({ queue: 'disk', queueDir: dir, count: 15, stayAlive: true, timeoutMs: 100 });
    await run.waitFor((m) => m.t === 'ready');
    run.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    const second = performance.now();
    run.child.kill('SIGTERM');
    expect(await run.exited).toMatchObject({ code: null, signal: 'SIGTERM' });
    // The 5 s shutdown deadline was not waited for: a full wait would end 4.7 s after this signal.
    expect(performance.now() - second).toBeLessThan(4000);
    const drain = await drainQueueDir();
    expect(delivered(run, drain)).toMatchObject({ received: 15, duplicates: 0 });
  });

  it('opt-out (exitHandlers: false): no listeners, so SIGTERM kills at once and nothing is sent', async () => {
    const run = start({ count: 20, flushAt: 1000, stayAlive: true, exitHandlers: false });
    const ready = await run.waitFor((m) => m.t === 'ready');
    expect(ready.listeners).toBe(0);
    run.child.kill('SIGTERM');
    expect(await run.exited).toMatchObject({ code: null, signal: 'SIGTERM' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('P11: an idle tracker at process end', () => {
  it('lets Node exit on its own after work is done (disk queue, keep-alive socket, flush timer)', async () => {
    const run = await runToExit(SCRIPT, {
      endpoint: server.url,
      queueDir: dir,
      count: 5,
      flush: true,
      flushIntervalMs: 5000,
    });
    expect(run.exit.code).toBe(0);
    // The 5 s flush interval must not have held the process open.
    expect(run.exit.ms).toBeLessThan(5000);
    expect(delivered(run)).toMatchObject({ received: 5, duplicates: 0 });
  });

  it('leaves no sockets, timers or files after shutdown() resolves', async () => {
    const { exit, messages } = await runToExit(SCRIPT, {
      endpoint: server.url,
      queueDir: dir,
      count: 30,
      flushIntervalMs: 5000,
      shutdown: true,
      printResources: true,
      exitHandlers: false,
    });
    expect(exit.code).toBe(0);
    const resources = messages.find((m) => m.t === 'resources')!.list as string[];
    // stdout is a pipe the fixture writes to; everything else must be gone.
    expect(resources.filter((r) => !/^(PipeWrap|TTYWrap)$/.test(r))).toEqual([]);
  });

  it('with the collector down, exits by the shutdown deadline with the events kept on disk', async () => {
    await server.stopListening();
    const run = await runToExit(SCRIPT, {
      endpoint: server.url,
      queueDir: dir,
      count: 12,
      timeoutMs: 100,
      shutdownTimeoutMs: 1000,
    });
    expect(run.exit.code).toBe(0);
    expect(run.exit.ms).toBeGreaterThanOrEqual(1000);
    const drain = await drainQueueDir();
    expect(delivered(run, drain)).toMatchObject({ received: 12, duplicates: 0 });
  });
});
