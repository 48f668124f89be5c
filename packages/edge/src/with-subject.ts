import type { SubjectFields, Tracker } from '@floe/core';

/**
 * A view of `tracker` whose events carry `requestSubject` under each call's own subject;
 * `setSubject` on the view replaces the request's subject only. With
 * `waitUntil`, the first track call of each microtask hands the runtime one flush covering every
 * event tracked in it, so a request that tracks ten events schedules one flush, and events tracked
 * after an `await` get a flush of their own.
 */
export function withSubject(
  tracker: Tracker,
  requestSubject: SubjectFields,
  waitUntil?: (promise: Promise<unknown>) => void,
): Tracker {
  // The view's own: setting it never touches the isolate's tracker, which other requests share.
  let subject = requestSubject;
  let flushScheduled = false;
  const scheduleFlush = () => {
    if (!waitUntil || flushScheduled) return;
    flushScheduled = true;
    waitUntil(
      Promise.resolve().then(() => {
        flushScheduled = false;
        return tracker.flush();
      }),
    );
  };
  return {
    get namespace() {
      return tracker.namespace;
    },
    get trackerVersion() {
      return tracker.trackerVersion;
    },
    track(events, options) {
      const ids = tracker.track(events, {
        ...options,
        subject: { ...subject, ...options?.subject },
      });
      scheduleFlush();
      return ids;
    },
    setSubject(next) {
      subject = next ?? {};
    },
    stats: () => tracker.stats(),
    flush: (options) => tracker.flush(options),
    shutdown: (options) => tracker.shutdown(options),
    addGlobalContexts: (contexts) => tracker.addGlobalContexts(contexts),
    removeGlobalContexts: (contexts) => tracker.removeGlobalContexts(contexts),
    clearGlobalContexts: () => tracker.clearGlobalContexts(),
  };
}
