// Test page bundle: Snowplow's browser tracker on `window.Snowplow`, for the cookie interop tests.
import * as snowplow from '@snowplow/browser-tracker';

(globalThis as { Snowplow?: unknown }).Snowplow = snowplow;
