// Comparison entry (bench only): Snowplow's browser tracker, bundled the same way.
import { newTracker, trackPageView, trackSelfDescribingEvent } from '@snowplow/browser-tracker';

newTracker('sp', 'https://collector.example.com', { appId: 'size' });
trackPageView();
trackSelfDescribingEvent({
  event: { schema: 'iglu:com.example/event/jsonschema/1-0-0', data: { ok: true } },
});
