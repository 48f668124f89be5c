import {
  type Clock,
  createEmitter,
  createMemoryStore,
  createTracker,
  trackStructEvent,
} from '@floe/core';
import { createFakeClock, createScriptedTransport } from '@floe/test-utils';
import { createSystemClock } from '../../src/platform/system-clock';

describe('the time an event is queued', () => {
  it('is read from the emitter’s clock when add() takes the event (for the max_age rule)', () => {
    const base = createFakeClock();
    const emitterClock: Clock = { ...base, now: () => 1_764_000_000_005 };
    const store = createMemoryStore();
    const emitter = createEmitter({
      endpoint: 'https://collector.test',
      transport: createScriptedTransport(base),
      store,
      flushAt: 1000,
      flushIntervalMs: 0,
      clock: emitterClock,
    });
    const tracker = createTracker({ namespace: 'ns', platform: 'srv', emitters: [emitter] });
    trackStructEvent(tracker, { category: 'c', action: 'a' });
    const [event] = store.take(1);
    expect(event!.queuedAt).toBe(1_764_000_000_005);
    expect(JSON.parse(event!.json)).toMatchObject({ e: 'se', se_ca: 'c', se_ac: 'a' });
  });

  it('lets trackers and emitters left on the default clock share it', () => {
    expect(createSystemClock()).toBe(createSystemClock());
    expect(Object.isFrozen(createSystemClock())).toBe(true);
  });
});
