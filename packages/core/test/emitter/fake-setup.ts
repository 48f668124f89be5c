import type { EmitterOptions } from '@floe/core';
import {
  createFakeClock,
  createScriptedTransport,
  type FakeClock,
  type ScriptedTransport,
} from '@floe/test-utils';
import { createHarness, type Harness, runUntilSettled } from './harness';

/** The endpoint of fake-transport tests; nothing listens there. */
export const FAKE_ENDPOINT = 'https://collector.test';

/** An emitter on a fake clock and a scripted transport, at production scale unless told. */
export interface FakeSetup {
  readonly clock: FakeClock;
  readonly transport: ScriptedTransport;
  readonly h: Harness;
  /** `flush()` with the clock run until it resolves. */
  flush(timeoutMs?: number): ReturnType<Harness['emitter']['flush']>;
  /** Shutdown with the clock run, then: no timer left on the emitter's clock, transport closed. */
  finish(): Promise<void>;
}

/** Production defaults (reliability.md §1) on a fake clock. */
export function fakeSetup(options: Partial<EmitterOptions> = {}): FakeSetup {
  const clock = createFakeClock();
  const transport = createScriptedTransport(clock);
  const h = createHarness(
    {
      endpoint: FAKE_ENDPOINT,
      transport,
      timeoutMs: 5000,
      backoff: { baseMs: 500, capMs: 60_000 },
      flushIntervalMs: 0,
      random: () => 0.5,
      ...options,
    },
    clock,
  );
  return {
    clock,
    transport,
    h,
    flush: (timeoutMs) => runUntilSettled(clock, h.emitter.flush({ timeoutMs })),
    async finish() {
      await runUntilSettled(clock, h.emitter.shutdown({ timeoutMs: 5000 }));
      if (h.clock.activeTimers !== 0) throw new Error(`${h.clock.activeTimers} timers left`);
      if (!transport.closed) throw new Error('transport not closed');
    },
  };
}
