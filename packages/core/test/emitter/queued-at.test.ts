import {
  type Clock,
  createEmitter,
  createMemoryStore,
  createSystemClock,
  createTracker,
  trackStructEvent,
} from '@floe/core';
import { createFakeClock, createScriptedTransport } from '@floe/test-utils';

// A clock that counts its wall-clock reads and moves 5 ms on each.
function countingClock(base: Clock): Clock & { reads: number } {
  let now = 1_764_000_000_000;
  const clock = {
    reads: 0,
    now() {
      clock.reads++;
      now += 5;
      return now;
    },
    monotonic: () => base.monotonic(),
    setTimeout: (callback: () => void, ms: number) => base.setTimeout(callback, ms),
    clearTimeout: (handle: unknown) => base.clearTimeout(handle),
  };
  return clock;
}

function setup(trackerClock: Clock, emitterClock: Clock) {
  const store = createMemoryStore();
  const emitter = createEmitter({
    endpoint: 'https://collector.test',
    transport: createScriptedTransport(createFakeClock()),
    store,
    flushAt: 1000,
    flushIntervalMs: 0,
    clock: emitterClock,
  });
  const tracker = createTracker({
    namespace: 'ns',
    appId: 'app',
    platform: 'srv',
    clock: trackerClock,
    emitters: [emitter],
  });
  return { store, tracker };
}

describe('the time an event is queued', () => {
  it('is the tracker’s dtm reading when tracker and emitter share a clock: one read per call', () => {
    const clock = countingClock(createFakeClock());
    const { store, tracker } = setup(clock, clock);
    for (let i = 0; i < 3; i++) trackStructEvent(tracker, { category: 'c', action: `a${i}` });
    expect(clock.reads).toBe(3);
    const queued = store.take(10);
    expect(queued).toHaveLength(3);
    for (const event of queued) {
      expect(event.queuedAt).toBe(Number(JSON.parse(event.json!).dtm));
    }
  });

  it('is read from the emitter’s own clock when the tracker’s is another', () => {
    const trackerClock = countingClock(createFakeClock());
    const emitterClock = countingClock(createFakeClock());
    const { store, tracker } = setup(trackerClock, emitterClock);
    trackStructEvent(tracker, { category: 'c', action: 'a' });
    expect(trackerClock.reads).toBe(1);
    expect(emitterClock.reads).toBe(1);
    const [event] = store.take(1);
    expect(event!.queuedAt).toBe(1_764_000_000_005);
  });

  it('lets trackers and emitters left on the default clock share it', () => {
    expect(createSystemClock()).toBe(createSystemClock());
    expect(Object.isFrozen(createSystemClock())).toBe(true);
  });
});
