// Size entry: browser-minimal plus every autotracker a site usually turns on (activity, links,
// forms, SPA page views). Budgeted in .size-limit.cjs.
import {
  createBrowserTracker,
  enableActivityTracking,
  enableFormTracking,
  enableLinkClickTracking,
  enableSpaPageViews,
  trackWebPageView,
} from '@floe/browser';
import { trackSelfDescribingEvent } from '@floe/core';

const tracker = createBrowserTracker({
  endpoint: 'https://collector.example.com',
  namespace: 'size',
});
enableActivityTracking(tracker);
enableLinkClickTracking(tracker);
enableFormTracking(tracker);
enableSpaPageViews(tracker);
trackWebPageView(tracker);
trackSelfDescribingEvent(tracker, {
  schema: 'iglu:com.example/event/jsonschema/1-0-0',
  data: { ok: true },
});
