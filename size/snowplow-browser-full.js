// Comparison entry (bench only): Snowplow's browser tracker with the plugins browser-full's
// autotrackers match (activity is built in; link clicks and forms are plugins), bundled the same way.
import { enableFormTracking, FormTrackingPlugin } from '@snowplow/browser-plugin-form-tracking';
import {
  enableLinkClickTracking,
  LinkClickTrackingPlugin,
} from '@snowplow/browser-plugin-link-click-tracking';
import {
  enableActivityTracking,
  newTracker,
  trackPageView,
  trackSelfDescribingEvent,
} from '@snowplow/browser-tracker';

newTracker('sp', 'https://collector.example.com', {
  appId: 'size',
  plugins: [LinkClickTrackingPlugin(), FormTrackingPlugin()],
});
enableActivityTracking({ minimumVisitLength: 5, heartbeatDelay: 10 });
enableLinkClickTracking();
enableFormTracking();
trackPageView();
trackSelfDescribingEvent({
  event: { schema: 'iglu:com.example/event/jsonschema/1-0-0', data: { ok: true } },
});
