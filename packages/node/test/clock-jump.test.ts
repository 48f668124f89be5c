import { type Tracker, TransportError, type TransportRequest, trackStructEvent } from '@floe/core';
import { createNodeTracker } from '../src/tracker/create-node-tracker';
import { createManualClock } from './helpers/manual-clock';
import { tempDir } from './helpers/temp-dir';

describe('P10: the wall clock moves back 1 h during a backoff wait', () => {
  it('leaves the backoff schedule alone; dtm and stm follow the wall clock', async () => {
    const { dir, cleanup } = tempDir('floe-p10-');
    const manual = createManualClock();
    const attempts: { at: number; stm: string; dtm: string }[] = [];
    const transport = {
      async send(request: TransportRequest) {
        const event = JSON.parse(request.body!).data[0];
        attempts.push({ at: manual.clock.monotonic(), stm: event.stm, dtm: event.dtm });
        if (attempts.length < 3)
          throw new TransportError('connect ECONNREFUSED', { causeCode: 'ECONNREFUSED' });
        return { status: 200, headers: {} };
      },
    };
    let tracker: Tracker | undefined;
    try {
      tracker = createNodeTracker({
        endpoint: 'http://collector.test',
        namespace: 'p10',
        queueDir: dir,
        transport,
        clock: manual.clock,
        random: () => 0,
        exitHandlers: false,
        flushIntervalMs: 0,
        onError: () => undefined,
      });
      const trackedAt = manual.clock.now();
      trackStructEvent(tracker, { category: 'p10', action: 'x' });
      const flushed = tracker.flush();
      await manual.advance(0);
      expect(attempts).toHaveLength(1);
      // Backoff with jitter fixed at ×1: 500 ms before attempt 2, 1,000 ms before attempt 3.
      manual.jumpWall(-3_600_000);
      await manual.advance(499);
      expect(attempts).toHaveLength(1);
      await manual.advance(1);
      expect(attempts).toHaveLength(2);
      await manual.advance(999);
      expect(attempts).toHaveLength(2);
      await manual.advance(1);
      expect(attempts).toHaveLength(3);
      expect(await flushed).toEqual({ delivered: 1, dropped: 0, pending: 0 });
      expect(attempts.map((a) => a.at)).toEqual([0, 500, 1500]);
      // dtm was stamped before the jump; every stm after it is an hour earlier.
      expect(attempts.map((a) => a.dtm)).toEqual([
        String(trackedAt),
        String(trackedAt),
        String(trackedAt),
      ]);
      expect(attempts.map((a) => Number(a.stm))).toEqual([
        trackedAt,
        trackedAt + 500 - 3_600_000,
        trackedAt + 1500 - 3_600_000,
      ]);
    } finally {
      await tracker?.shutdown({ timeoutMs: 100 });
      cleanup();
    }
  });
});
