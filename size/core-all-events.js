// Size entry: core with every track function it has.
import * as core from '@floe/core';

const emitter = core.createEmitter({ endpoint: 'https://collector.example.com' });
const tracker = core.createTracker({ namespace: 'size', platform: 'web', emitters: [emitter] });
core.trackPageView(tracker, { pageUrl: 'https://example.com/' });
core.trackPagePing(tracker, { pageUrl: 'https://example.com/' });
core.trackStructEvent(tracker, { category: 'c', action: 'a' });
core.trackSelfDescribingEvent(tracker, { schema: 'iglu:com.example/e/jsonschema/1-0-0', data: {} });
core.trackTransaction(tracker, { orderId: 'o', total: 1, items: [] });
