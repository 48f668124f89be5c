import {
  type CoreEvent,
  createEmitter,
  createMemoryStore,
  createTracker,
  type EventStore,
  type SelfDescribingJson,
} from '@floe/core';
import { readBrowserSubject } from '../context/read-browser-subject';
import { truncate } from '../context/truncate';
import { cookieNames } from '../identity/cookie-names';
import { createIdentity, type Identity } from '../identity/create-identity';
import { randomUuid } from '../identity/random-uuid';
import { createStateStorage } from '../identity/state-storage';
import { createConsentStorage } from '../privacy/create-consent-storage';
import { isOptedOut } from '../privacy/is-opted-out';
import {
  createLocalStorageStore,
  type LocalStorageStore,
} from '../queue/create-local-storage-store';
import { withHold } from '../queue/with-hold';
import { makeBrowserTransport } from '../transport/make-browser-transport';
import { BROWSER_ADAPTER_VERSION } from '../version';
import type { BrowserTracker } from './browser-tracker';
import type { BrowserTrackerOptions, ConsentState } from './browser-tracker-options';

const WEB_PAGE = 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0';
const CLIENT_SESSION = 'iglu:com.snowplowanalytics.snowplow/client_session/jsonschema/1-0-2';
/** Lifecycle flushes give up waiting after this; the events stay queued for the next send. */
const LIFECYCLE_FLUSH = { timeoutMs: 10_000 };

type Fields = Record<string, NonNullable<CoreEvent['fields']>[string]>;

/**
 * Creates a tracker for web pages: `p=web`, `tv=floe-browser-<version>`, Snowplow-compatible ids
 * and sessions, the page's context on every event, and a queue that survives the page. Every core
 * track function and `@floe/events` builder takes it unchanged. Nothing runs at import time; the
 * page listeners are added here and removed by `shutdown()`.
 *
 * @param options - `endpoint` and `namespace` are required; see {@link BrowserTrackerOptions}.
 * @returns the tracker.
 * @throws FloeError (`invalid_config`) for a missing namespace or a bad option, as core does.
 * @example
 * const tracker = createBrowserTracker({ endpoint: 'https://collector.example.com', namespace: 'web' });
 * trackWebPageView(tracker);
 */
export function createBrowserTracker(options: BrowserTrackerOptions): BrowserTracker {
  const { namespace, anonymous } = options;
  let consent: ConsentState = options.consent ?? 'granted';
  const optedOut = isOptedOut(options);
  const blocked = () => optedOut || consent === 'denied';

  const persistent =
    options.queue === undefined || options.queue === 'localStorage'
      ? createLocalStorageStore({
          prefix: `_floe_q.${namespace}.`,
          maxEvents: options.maxQueueEvents,
          maxBytes: options.maxQueueBytes,
          // Later, not now: the store may restore events before `core` below exists.
          onRestored: () => setTimeout(flushSoon),
        })
      : undefined;
  const store: EventStore =
    persistent ??
    (options.queue === 'memory' ? createMemoryStore() : (options.queue as EventStore));
  const emitter = createEmitter({
    flushAt: 1,
    transport: makeBrowserTransport(),
    onDrop: options.onDrop,
    onError: options.onError,
    ...options.emitter,
    headers: anonymous
      ? { ...options.emitter?.headers, 'SP-Anonymous': '*' }
      : options.emitter?.headers,
    endpoint: options.endpoint,
    store: withHold(store, () => consent === 'pending' || !navigator.onLine),
  });
  const core = createTracker({
    namespace,
    platform: options.platform ?? 'web',
    appId: options.appId,
    subject: options.subject,
    emitters: [emitter],
    // Opted-out and denied events are the user's choice, not drops: core counts them as filtered.
    plugins: [{ name: 'consent', beforeTrack: () => !blocked() }, ...(options.plugins ?? [])],
    globalContexts: options.globalContexts,
    validate: options.validate,
    onDrop: options.onDrop,
    onError: options.onError,
    adapter: { name: 'browser', version: BROWSER_ADAPTER_VERSION },
    // The wrapper below picks each event's id first, so the session can name its first event.
    generateEventId: () => eids.shift() ?? randomUuid(),
  });

  const kind = options.storage ?? 'cookie';
  const stateStorage = createConsentStorage(
    createStateStorage(kind, {
      domain: options.cookieDomain,
      path: options.cookiePath,
      sameSite: options.cookieSameSite,
      secure: options.cookieSecure,
    }),
    () => consent === 'granted',
  );
  const identity: Identity | undefined = anonymous
    ? undefined
    : createIdentity(
        stateStorage,
        cookieNames(options.cookieDomain, options.cookiePath, options.cookiePrefix),
        options.sessionTimeoutMs ?? 1_800_000,
        kind === 'localStorage' ? 'LOCAL_STORAGE' : 'COOKIE_1',
      );

  let eids: string[] = [];
  let pageViewId = randomUuid();
  let pageUrl: string | undefined;
  let referrer = document.referrer;
  const listeners = new Set<() => void>();

  const track: BrowserTracker['track'] = (events, trackOptions) => {
    if (blocked()) return core.track(events, trackOptions);
    const dtm = Date.now();
    const url = location.href;
    let pageViews = 0;
    for (const event of events) {
      if (event.e !== 'pv') continue;
      pageViews++;
      pageViewId = randomUuid();
      // A later page view in the same document (an SPA route) has the previous one as referrer.
      if (pageUrl !== undefined && pageUrl !== url) referrer = pageUrl;
      pageUrl = url;
    }
    const page: Fields = {
      url: truncate(url, 4096),
      page: truncate(document.title, 2000),
      refr: truncate(referrer, 4096),
    };
    eids = events.map(() => randomUuid());
    let session: ReturnType<Identity['touch']> | undefined;
    const decorated = events.map((event, i): CoreEvent => {
      const context: SelfDescribingJson<unknown>[] = [...(event.context ?? [])];
      if (options.webPageContext !== false)
        context.push({ schema: WEB_PAGE, data: { id: pageViewId } });
      session = identity?.touch(eids[i]!, dtm);
      if (session && options.sessionContext !== false)
        context.push({ schema: CLIENT_SESSION, data: session });
      const fields = { ...page };
      for (const [key, value] of Object.entries(event.fields ?? {})) {
        if (value !== undefined && value !== null && value !== '') fields[key] = value;
      }
      return { ...event, fields, context };
    });
    const ids = core.track(decorated, {
      ...trackOptions,
      subject: {
        ...readBrowserSubject(),
        ...(session && {
          domainUserId: session.userId,
          sessionId: session.sessionId,
          sessionIndex: session.sessionIndex,
        }),
        ...trackOptions?.subject,
      },
    });
    eids = [];
    if (pageViews > 0) for (const listener of listeners) listener();
    return ids;
  };

  const flushSoon = () => void core.flush(LIFECYCLE_FLUSH);
  const onVisibility = () => document.visibilityState === 'hidden' && flushSoon();
  const onPageHide = () => {
    flushSoon();
    (persistent as LocalStorageStore | undefined)?.releaseClaim();
  };
  const onPageShow = (event: PageTransitionEvent) => event.persisted && persistent?.renewClaim();
  const on = addEventListener;
  const off = removeEventListener;
  on('visibilitychange', onVisibility);
  on('pagehide', onPageHide);
  on('pageshow', onPageShow);
  on('online', flushSoon);

  // Core's tracker is a plain object of closures, so its methods keep working when spread.
  return {
    ...core,
    get pageViewId() {
      return pageViewId;
    },
    track,
    shutdown(flushOptions) {
      off('visibilitychange', onVisibility);
      off('pagehide', onPageHide);
      off('pageshow', onPageShow);
      off('online', flushSoon);
      listeners.clear();
      return core.shutdown(flushOptions);
    },
    onPageView(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setConsent(state) {
      consent = state;
      if (state === 'granted') {
        stateStorage.commit();
        flushSoon();
      } else if (state === 'denied') {
        identity?.clear();
        persistent?.clear();
      }
    },
    clearUserData: () => identity?.clear(),
  };
}
