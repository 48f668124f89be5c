import type { FlushOptions, FlushResult, Tracker } from '@floe/core';
import type { RequestContext } from '../context/request-context';

/**
 * Wraps a core tracker: every `track` call merges the current request's subject under the
 * event's own `subject` option (core offers no hook that may change an event's subject, so the
 * one method every track function calls is wrapped), and `shutdown` goes through the adapter's
 * own (which also unregisters the exit handlers). Everything else is delegated unchanged.
 *
 * @param tracker - the core tracker.
 * @param context - where the request subject comes from; undefined for none.
 * @param shutdown - the adapter's shutdown, taking the deadline.
 */
export function withRequestSubjects(
  tracker: Tracker,
  context: RequestContext | undefined,
  shutdown: (timeoutMs?: number) => Promise<FlushResult>,
): Tracker {
  return {
    get namespace() {
      return tracker.namespace;
    },
    get trackerVersion() {
      return tracker.trackerVersion;
    },
    track(events, options) {
      const subject = context?.getSubject();
      if (!subject) return tracker.track(events, options);
      return tracker.track(events, { ...options, subject: { ...subject, ...options?.subject } });
    },
    setSubject: (subject) => tracker.setSubject(subject),
    stats: () => tracker.stats(),
    flush: (options?: FlushOptions) => tracker.flush(options),
    shutdown: (options?: FlushOptions) => shutdown(options?.timeoutMs),
    addGlobalContexts: (contexts) => tracker.addGlobalContexts(contexts),
    removeGlobalContexts: (contexts) => tracker.removeGlobalContexts(contexts),
    clearGlobalContexts: () => tracker.clearGlobalContexts(),
  };
}
