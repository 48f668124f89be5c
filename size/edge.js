// Size entry: @floe/edge as a Worker uses it (edge tracker, a request's tracker, a page view and one
// self-describing event). Budgeted in .size-limit.cjs (decision 27: ≤ 6.5 kB).
import { trackPageView, trackSelfDescribingEvent } from '@floe/core';
import { createEdgeTracker } from '@floe/edge';

const edge = createEdgeTracker({ endpoint: 'https://collector.example.com', namespace: 'size' });

export default {
  fetch(request, _env, ctx) {
    const tracker = edge.trackerFor(request, { waitUntil: (p) => ctx.waitUntil(p) });
    trackPageView(tracker, { pageUrl: request.url });
    trackSelfDescribingEvent(tracker, {
      schema: 'iglu:com.example/event/jsonschema/1-0-0',
      data: {},
    });
    return new Response('ok');
  },
};
