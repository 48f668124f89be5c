import { AsyncLocalStorage } from 'node:async_hooks';
import type { SubjectFields } from '@floe/core';

/**
 * Carries the subject (user agent, IP, user id…) of the request being handled through every
 * asynchronous call it makes, so events tracked anywhere while serving it describe its end user.
 */
export interface RequestContext {
  /**
   * Runs `fn` with `subject` as the current request's subject, merged over any outer one.
   *
   * @returns what `fn` returns.
   */
  run<T>(subject: SubjectFields, fn: () => T): T;
  /** The current request's subject, or undefined outside of `run`. */
  getSubject(): SubjectFields | undefined;
}

/**
 * Creates a request context backed by `AsyncLocalStorage`. Most apps use the shared one through
 * {@link withRequestSubject}; create your own to keep two trackers' request subjects apart.
 *
 * @returns a new, empty context.
 * @example
 * const context = createRequestContext();
 * const tracker = createNodeTracker({ endpoint, namespace: 'api', requestContext: context });
 * server.on('request', (req, res) => context.run(subjectFromRequest(req), () => handle(req, res)));
 */
export function createRequestContext(): RequestContext {
  const storage = new AsyncLocalStorage<SubjectFields>();
  return {
    run(subject, fn) {
      const outer = storage.getStore();
      return storage.run(outer ? { ...outer, ...subject } : subject, fn);
    },
    getSubject: () => storage.getStore(),
  };
}

// Shared through the global symbol registry so the ESM and CJS builds see the same context.
const KEY = Symbol.for('@floe/node:request-context');

/** The context {@link withRequestSubject} and trackers use unless told otherwise. */
export function defaultRequestContext(): RequestContext {
  const holder = globalThis as { [KEY]?: RequestContext };
  holder[KEY] ??= createRequestContext();
  return holder[KEY];
}

/**
 * Runs `fn` (a request handler, the rest of a middleware chain) with `subject` as the current
 * request's subject. Trackers made by `createNodeTracker` merge it into every event tracked
 * inside, under the event's own `subject` option.
 *
 * @param subject - who the request is for, e.g. `subjectFromRequest(req)`.
 * @param fn - the work done for the request.
 * @returns what `fn` returns.
 * @example
 * app.use((req, _res, next) => withRequestSubject(subjectFromRequest(req), next));
 */
export function withRequestSubject<T>(subject: SubjectFields, fn: () => T): T {
  return defaultRequestContext().run(subject, fn);
}
