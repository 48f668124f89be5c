// Size entry: the smallest useful core setup (tracker + emitter with the fetch transport and the
// memory store + a page view + one self-describing event). Budgeted in .size-limit.cjs.
import {
  createEmitter,
  createMemoryStore,
  createTracker,
  makeFetchTransport,
  trackPageView,
  trackSelfDescribingEvent,
} from '@floe/core';

const emitter = createEmitter({
  endpoint: 'https://collector.example.com',
  store: createMemoryStore(),
  transport: makeFetchTransport(),
});
const tracker = createTracker({ namespace: 'size', platform: 'web', emitters: [emitter] });
trackPageView(tracker, { pageUrl: 'https://example.com/' });
trackSelfDescribingEvent(tracker, {
  schema: 'iglu:com.example/event/jsonschema/1-0-0',
  data: { ok: true },
});
