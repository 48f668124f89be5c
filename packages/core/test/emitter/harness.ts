import { randomUUID } from 'node:crypto';
import {
  type Clock,
  createEmitter,
  type DropReport,
  type Emitter,
  type EmitterOptions,
  type Payload,
  type SendFailure,
  type SendSuccess,
} from '@floe/core';
import {
  checkInvariants,
  createTrackedClock,
  type DeliveryLog,
  expectNoLeakedHandles,
  type FakeClock,
  type FaultServer,
  type InvariantReport,
  snapshotHandles,
  startFaultServer,
  type TrackedClock,
} from '@floe/test-utils';
import { createSystemClock } from '../../src/platform/system-clock';

/** The real-socket test scale of reliability.md §4. */
export const TEST_SCALE = {
  timeoutMs: 200,
  backoff: { baseMs: 10, capMs: 200 },
  flushIntervalMs: 0,
} as const;

/** Milliseconds between consecutive requests' arrivals at a fault server. */
export function arrivalGaps(server: Pick<FaultServer, 'requests'>): number[] {
  const times = server.requests.map((entry) => entry.arrivedAt);
  return times.slice(1).map((time, i) => time - (times[i] as number));
}

/** A structured event as a tracker would build it (all values strings, no stm). */
export function makeEvent(
  index: number,
  extra: Record<string, string> = {},
  dtm?: number,
): Payload {
  return {
    e: 'se',
    p: 'srv',
    tv: 'floe-core-0.1.0',
    tna: 'test',
    eid: randomUUID(),
    dtm: String(dtm ?? Date.now()),
    se_ca: 'category',
    se_ac: 'action',
    se_la: `label-${index}`,
    se_va: String(index),
    ...extra,
  };
}

/** An emitter wired to record everything its callbacks say. */
export interface Harness {
  readonly emitter: Emitter;
  readonly clock: TrackedClock;
  readonly tracked: Payload[];
  readonly dropped: DropReport[];
  readonly successes: SendSuccess[];
  readonly failures: SendFailure[];
  /** When each failure was reported, on the emitter's monotonic clock. */
  readonly failureTimes: number[];
  readonly errors: Error[];
  /** Adds `count` fresh events (or the given ones) and returns them. */
  track(count: number, extra?: Record<string, string>): Payload[];
  add(...events: Payload[]): void;
  /** I1–I5 against the given logs. */
  check(server: DeliveryLog | readonly DeliveryLog[], batchSize?: number): InvariantReport;
  /** Shuts down, then I6 (after the given servers are closed by `closeServers`). */
  finish(closeServers?: () => Promise<unknown>): Promise<void>;
}

/**
 * Builds an emitter at test scale with a tracked clock, recording every callback.
 *
 * @param options - emitter options; `endpoint` required.
 * @param base - the clock to wrap (system clock by default).
 */
export function createHarness(
  options: Partial<EmitterOptions> & { endpoint: string },
  base: Clock = createSystemClock(),
): Harness {
  const baseline = snapshotHandles();
  const clock = createTrackedClock(base);
  const tracked: Payload[] = [];
  const dropped: DropReport[] = [];
  const successes: SendSuccess[] = [];
  const failures: SendFailure[] = [];
  const failureTimes: number[] = [];
  const errors: Error[] = [];
  const emitter = createEmitter({
    ...TEST_SCALE,
    clock,
    ...options,
    onDrop: (report) => dropped.push(report),
    onSuccess: (success) => successes.push(success),
    onFailure: (failure) => {
      failures.push(failure);
      failureTimes.push(clock.monotonic());
    },
    onError: (error) => errors.push(error),
  });
  const harness: Harness = {
    emitter,
    clock,
    tracked,
    dropped,
    successes,
    failures,
    failureTimes,
    errors,
    track(count, extra) {
      const events: Payload[] = [];
      for (let i = 0; i < count; i++) events.push(makeEvent(tracked.length + i, extra));
      harness.add(...events);
      return events;
    },
    add(...events) {
      for (const event of events) {
        tracked.push(event);
        emitter.add(event);
      }
    },
    check: (server, batchSize) => checkInvariants({ tracked, dropped, server, batchSize }),
    async finish(closeServers) {
      await emitter.shutdown({ timeoutMs: 1000 });
      await closeServers?.();
      await expectNoLeakedHandles(baseline, clock, 2000);
    },
  };
  return harness;
}

/**
 * Runs a fake clock's timers, one at a time, until `promise` settles; fails if time runs past
 * `limitMs` first. Production-scale schedules run this way in milliseconds.
 */
export async function runUntilSettled<T>(
  clock: FakeClock,
  promise: Promise<T>,
  limitMs = 48 * 3_600_000,
): Promise<T> {
  let settled = false;
  void promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  const start = clock.monotonic();
  await clock.settle();
  while (!settled) {
    const ran = await clock.next(start + limitMs - clock.monotonic());
    if (!ran && !settled) throw new Error(`nothing left to run at ${clock.monotonic()} ms`);
  }
  return promise;
}

/**
 * Makes one throwaway request, so the runtime's fetch stack is loaded before a test measures
 * anything: the first fetch in a process can take longer than the 200 ms test-scale timeout.
 */
export async function warmUpFetch(): Promise<void> {
  const server = await startFaultServer();
  await (await fetch(`${server.url}/health`)).text();
  await server.close();
}
