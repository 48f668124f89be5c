import { ensureBuilt } from './helpers/ensure-built';
import { runToExit } from './helpers/run-fixture';
import { tempDir } from './helpers/temp-dir';

jest.setTimeout(90_000);
beforeAll(() => ensureBuilt());

interface Sample {
  rss: number;
  heapUsed: number;
}

describe('P9: a 1 h outage at 10 ev/s against a 10,000-event disk queue (production scale, manual clock)', () => {
  it('drops exactly the oldest 26,000 as queue_full, delivers the rest, and keeps memory flat', async () => {
    const { dir, cleanup } = tempDir('floe-p9-');
    try {
      const { exit, messages, stderr } = await runToExit('p9-outage.mjs', { queueDir: dir }, [
        '--expose-gc',
      ]);
      expect({ code: exit.code, stderr: stderr() }).toEqual({ code: 0, stderr: '' });
      const result = messages.find((m) => m.t === 'result')!;
      expect(result).toMatchObject({
        tracked: 36_000,
        droppedCount: 26_000,
        deliveredCount: 10_000,
        duplicates: 0,
        both: 0,
        neither: 0,
        unexpected: 0,
        flushResult: { delivered: 10_000, dropped: 0, pending: 0 },
      });
      // Oldest first: only the batch in flight (10 events, the default flushAt) is spared.
      expect(result.droppedNewest).toBeLessThan(26_000 + 10);
      // Backoff caps at 60 s with U[1,2) jitter: at most one attempt a minute after the ramp-up.
      expect(result.attemptsDuringOutage).toBeGreaterThanOrEqual(30);
      expect(result.attemptsDuringOutage).toBeLessThanOrEqual(75);
      const samples = result.samples as Record<string, Sample>;
      // The queue has been full since t = 1,000 s. The JS heap is the honest signal: flat.
      expect(samples['3600']!.heapUsed - samples['1200']!.heapUsed).toBeLessThan(4 * 1024 * 1024);
      // RSS also includes whatever the allocator keeps; it must stay within a fixed budget.
      expect(samples['3600']!.rss - samples['1800']!.rss).toBeLessThan(48 * 1024 * 1024);
      expect(samples['3600']!.rss).toBeLessThan(192 * 1024 * 1024);
    } finally {
      cleanup();
    }
  });
});
