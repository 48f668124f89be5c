// Comparison entry (bench only): Snowplow's tracker core with its emitter, the counterpart of
// core-minimal (a tracker, an emitter sending with fetch from an in-memory queue, a page view and
// one self-describing event), bundled the same way.
import {
  buildPageView,
  buildSelfDescribingEvent,
  newEmitter,
  trackerCore,
} from '@snowplow/tracker-core';

const core = trackerCore({ callback: newEmitter({ endpoint: 'collector.example.com' }) });
core.track(buildPageView({ pageUrl: 'https://example.com/' }));
core.track(
  buildSelfDescribingEvent({
    event: { schema: 'iglu:com.example/event/jsonschema/1-0-0', data: { ok: true } },
  }),
);
