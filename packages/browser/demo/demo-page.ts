// The browser demo's page script: a small shop page tracked with @floe/browser and every
// autotracker on. `window.floeDemo` counts the events handed to the emitter and can flush.
import {
  createBrowserTracker,
  enableActivityTracking,
  enableErrorTracking,
  enableFormTracking,
  enableLinkClickTracking,
  enableSpaPageViews,
  trackWebPageView,
} from '@floe/browser';
import { trackSelfDescribingEvent } from '@floe/core';
import { trackAddToCart } from '@floe/events';

const endpoint = new URLSearchParams(location.search).get('collector') ?? 'http://127.0.0.1:9090';
let sent = 0;
const tracker = createBrowserTracker({
  endpoint,
  namespace: 'browser-demo',
  appId: 'floe-browser-demo',
  plugins: [{ name: 'count', afterTrack: () => void sent++ }],
});
enableActivityTracking(tracker, { minimumVisitLength: 1000, heartbeatDelay: 1000 });
enableLinkClickTracking(tracker);
// focus_form is not among the local collector's bundled schemas yet, so the demo leaves it out.
enableFormTracking(tracker, { events: ['change_form', 'submit_form'] });
enableErrorTracking(tracker);
enableSpaPageViews(tracker);
trackWebPageView(tracker);

document.getElementById('add')?.addEventListener('click', () => {
  trackAddToCart(tracker, {
    sku: 'tea-01',
    quantity: 1,
    name: 'Green tea',
    unitPrice: 4.5,
    currency: 'EUR',
  });
  trackSelfDescribingEvent(tracker, {
    schema: 'iglu:com.example_company/save-game/jsonschema/1-0-0',
    data: { save_id: 'cart', level: 1 },
  });
});
document
  .getElementById('route')
  ?.addEventListener('click', () => history.pushState({}, '', '/demo/checkout'));

(globalThis as { floeDemo?: unknown }).floeDemo = {
  sent: () => sent,
  flush: () => tracker.flush({ timeoutMs: 5000 }),
};
