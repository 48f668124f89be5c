import { type CoreEvent, createTracker, type SelfDescribingJson, type Tracker } from '@floe/core';
// The emitter without core's defaults: the page brings its own queue and transport, so neither
// the memory store nor the plain fetch transport ends up in the bundle.
import { createAdapterEmitter } from '@floe/core/internal';
import { readBrowserSubject } from '../context/read-browser-subject';
import { createIdentity } from '../identity/create-identity';
import type { ClientSession } from '../identity/id-cookie';
import { randomUuid } from '../identity/random-uuid';
import { isOptedOut } from '../privacy/is-opted-out';
import { createLocalStorageStore } from '../queue/create-local-storage-store';
import { makeBrowserTransport } from '../transport/make-browser-transport';
import { BROWSER_ADAPTER_VERSION } from '../version';
import type { BrowserTracker } from './browser-tracker';
import type { BrowserTrackerOptions, ConsentState } from './browser-tracker-options';

const WEB_PAGE = 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0';
const CLIENT_SESSION = 'iglu:com.snowplowanalytics.snowplow/client_session/jsonschema/1-0-2';
/** Lifecycle flushes give up waiting after this; the events stay queued for the next send. */
const LIFECYCLE_FLUSH = { timeoutMs: 10_000 };

/**
 * Creates a tracker for web pages: `p=web`, `tv=floe-browser-<version>`, Snowplow-compatible ids
 * and sessions, the page's context on every event, and a queue that survives the page. Every core
 * track function and `@floe/events` builder takes it unchanged. Nothing runs at import time; the
 * page listeners are added here and removed by `shutdown()`.
 *
 * @param options - `endpoint` and `namespace` are required; see {@link BrowserTrackerOptions}.
 * @returns the tracker.
 * @throws FloeError (`invalid_config`) for an option core's tracker or emitter cannot use.
 * @example
 * const tracker = createBrowserTracker({ endpoint: 'https://collector.example.com', namespace: 'web' });
 * trackWebPageView(tracker);
 */
export function createBrowserTracker(options: BrowserTrackerOptions): BrowserTracker {
  const { anonymous, emitter: emitterOptions } = options;
  let consent: ConsentState = options.consent ?? 'granted';
  const optedOut = isOptedOut(options);
  // Chromium may still report `visible` during `pagehide` on a navigation, so leaving is kept too.
  let leaving = false;

  const queue = createLocalStorageStore(
    options,
    // Offline or waiting for consent, events queue (and persist) but none is handed out to send.
    () => consent === 'pending' || !navigator.onLine,
    // Through the emitter again, so its counts and flushes cover another tab's events too.
    (texts) => {
      for (const text of texts) emitter.add(JSON.parse(text));
    },
  );
  const emitter = createAdapterEmitter({
    flushAt: 1,
    onDrop: options.onDrop,
    onError: options.onError,
    ...emitterOptions,
    headers: anonymous
      ? { ...emitterOptions?.headers, 'SP-Anonymous': '*' }
      : emitterOptions?.headers,
    endpoint: options.endpoint,
    store: queue,
    // After the spread, which may hold `transport: undefined`.
    transport:
      emitterOptions?.transport ??
      makeBrowserTransport(() => leaving || document.visibilityState === 'hidden', !anonymous),
  });
  let eids: string[] = [];
  // Core reads the options it knows (appId, subject, plugins, globalContexts, validate…).
  const core = createTracker({
    ...options,
    platform: options.platform ?? 'web',
    emitters: [emitter],
    // Opted-out and denied events are the user's choice, not drops: core counts them as filtered.
    plugins: [{ beforeTrack: () => !optedOut && consent !== 'denied' }, ...(options.plugins ?? [])],
    adapter: { name: 'browser', version: BROWSER_ADAPTER_VERSION },
    // `track` below picks each event's id first, so the session can name its first event.
    generateEventId: () => eids.shift() ?? randomUuid(),
  });

  const identity = anonymous ? undefined : createIdentity(options, () => consent === 'granted');

  let pageViewId = randomUuid();
  let pageUrl: string | undefined;
  let referrer = document.referrer;
  const pageViewListeners = new Set<() => void>();

  const track: Tracker['track'] = (events, trackOptions) => {
    if (optedOut || consent === 'denied') return core.track(events, trackOptions);
    const dtm = Date.now();
    const url = location.href;
    const pageView = events.some((event) => event.e === 'pv');
    if (pageView) {
      pageViewId = randomUuid();
      // A later page view in the same document (an SPA route) has the previous one as referrer.
      if (pageUrl && pageUrl !== url) referrer = pageUrl;
      pageUrl = url;
    }
    // Cut to the enriched columns' lengths (tracker protocol §1.4): a longer value would fail the
    // event in the pipeline, while a URL cut short is still useful. Core omits empty values.
    const page = {
      url: url.slice(0, 4096),
      page: document.title.slice(0, 2000),
      refr: referrer.slice(0, 4096),
    };
    eids = events.map(randomUuid);
    let session: ClientSession | undefined;
    const decorated = events.map((event, i): CoreEvent => {
      const context: SelfDescribingJson<unknown>[] = [...(event.context ?? [])];
      if (options.webPageContext !== false) {
        context.push({ schema: WEB_PAGE, data: { id: pageViewId } });
      }
      session = identity?.touch(eids[i]!, dtm);
      if (session && options.sessionContext !== false) {
        context.push({ schema: CLIENT_SESSION, data: session });
      }
      // The page's values, unless the track call gave its own (e.g. `trackPageView`'s `pageUrl`).
      const fields: Record<string, unknown> = { ...page };
      for (const [key, value] of Object.entries(event.fields ?? {})) {
        if (value !== undefined && value !== null && value !== '') fields[key] = value;
      }
      return { ...event, fields: fields as CoreEvent['fields'], context };
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
    if (pageView) for (const listener of pageViewListeners) listener();
    return ids;
  };

  const flushSoon = () => void core.flush(LIFECYCLE_FLUSH);
  const lifecycle: Record<string, (event: Event) => void> = {
    pagehide() {
      leaving = true;
      flushSoon();
      queue.claim(false);
    },
    pageshow(event) {
      leaving = false;
      if ((event as PageTransitionEvent).persisted) queue.claim(true);
    },
    visibilitychange() {
      if (document.visibilityState === 'hidden') flushSoon();
    },
    online: flushSoon,
  };
  for (const type in lifecycle) addEventListener(type, lifecycle[type]!);

  // Core's tracker is a plain object of closures, so its methods keep working when spread.
  return {
    ...core,
    get pageViewId() {
      return pageViewId;
    },
    track,
    shutdown(flushOptions) {
      for (const type in lifecycle) removeEventListener(type, lifecycle[type]!);
      pageViewListeners.clear();
      return core.shutdown(flushOptions);
    },
    onPageView(listener) {
      pageViewListeners.add(listener);
      return () => pageViewListeners.delete(listener);
    },
    setConsent(state) {
      consent = state;
      if (state === 'granted') {
        identity?.persist();
        flushSoon();
      } else if (state === 'denied') {
        identity?.clear();
        queue.clear();
      }
    },
    clearUserData: () => identity?.clear(),
  };
}
