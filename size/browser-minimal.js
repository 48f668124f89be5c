// Size entry: the smallest useful browser setup (tracker with sessions and cookies, the
// localStorage queue, a page view and one self-describing event). Budgeted in .size-limit.cjs.
import { createBrowserTracker, trackWebPageView } from '@floe/browser';
import { trackSelfDescribingEvent } from '@floe/core';

const tracker = createBrowserTracker({
  endpoint: 'https://collector.example.com',
  namespace: 'size',
});
trackWebPageView(tracker);
trackSelfDescribingEvent(tracker, {
  schema: 'iglu:com.example/event/jsonschema/1-0-0',
  data: { ok: true },
});
