import type { CoreEvent, SubjectFields, Tracker } from '@floe/core';
import type { RequestPage } from './subject-from-request';

/** The event with the request's page keys, except those the track call gave itself. */
function withPage(event: CoreEvent, page: RequestPage): CoreEvent {
  const fields: Record<string, unknown> = { ...page };
  for (const [key, value] of Object.entries(event.fields ?? {})) {
    if (value !== undefined && value !== null && value !== '') fields[key] = value;
  }
  return { ...event, fields: fields as CoreEvent['fields'] };
}

/**
 * A view of `tracker` whose events carry `requestSubject` under each call's own subject, and the
 * request's page keys where the call gives none; `setSubject` on the view replaces the request's
 * subject only. With
 * `waitUntil`, the first track call of each microtask hands the runtime one flush covering every
 * event tracked in it, so a request that tracks ten events schedules one flush, and events tracked
 * after an `await` get a flush of their own.
 */
export function withSubject(
  tracker: Tracker,
  requestSubject: SubjectFields,
  page: RequestPage,
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
      const ids = tracker.track(
        events.map((event) => withPage(event, page)),
        {
          ...options,
          subject: { ...subject, ...options?.subject },
        },
      );
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
