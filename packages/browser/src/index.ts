// Public exports of @floe/browser. Every autotracker is its own export, so a bundle carries only
// the ones a page turns on.

export type { ElementFilter, ElementRule } from './autotrack/element-filter';
export {
  type ActivityTrackingOptions,
  enableActivityTracking,
} from './autotrack/enable-activity-tracking';
export { APPLICATION_ERROR_SCHEMA, enableErrorTracking } from './autotrack/enable-error-tracking';
export {
  enableFormTracking,
  FOCUS_FORM_SCHEMA,
  type FormTrackingOptions,
} from './autotrack/enable-form-tracking';
export {
  enableLinkClickTracking,
  type LinkClickTrackingOptions,
} from './autotrack/enable-link-click-tracking';
export { enableSpaPageViews } from './autotrack/enable-spa-page-views';
export type { IdentityOptions } from './identity/create-identity';
export type { ClientSession } from './identity/id-cookie';
export type { CookieOptions, StateStorageKind } from './storage/state-storage';
export type { BrowserTracker } from './tracker/browser-tracker';
export type { BrowserTrackerOptions, ConsentState } from './tracker/browser-tracker-options';
export { createBrowserTracker } from './tracker/create-browser-tracker';
export { trackWebPageView, type WebPageView } from './tracker/track-web-page-view';
