import type { CoreEvent, Tracker, TrackOptions } from '@floe/core';

/** A tracker that records what track functions hand it, for unit tests of generated code. */
export function createRecordingTracker(): Tracker & {
  calls: { events: readonly CoreEvent[]; options?: TrackOptions }[];
} {
  const calls: { events: readonly CoreEvent[]; options?: TrackOptions }[] = [];
  let next = 0;
  const empty = { delivered: 0, dropped: 0, pending: 0 };
  return {
    calls,
    namespace: 'test',
    trackerVersion: 'floe-core-test',
    track(events, options) {
      calls.push({ events, ...(options ? { options } : {}) });
      return events.map(() => `event-${++next}`);
    },
    setSubject() {},
    stats: () => ({ tracked: next, filtered: 0, dropped: {} }),
    flush: async () => empty,
    shutdown: async () => empty,
    addGlobalContexts() {},
    removeGlobalContexts() {},
    clearGlobalContexts() {},
  };
}
