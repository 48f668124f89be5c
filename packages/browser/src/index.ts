// Public exports of @floe/browser. Every autotracker is its own export, so a bundle carries only
// the ones a page turns on.

export type { ElementFilter, ElementRule } from './autotrack/element-filter';
export type { ActivityTrackingOptions } from './autotrack/enable-activity-tracking';
export { enableActivityTracking } from './autotrack/enable-activity-tracking';
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
export type { ClientSession } from './identity/create-identity';
export type { CookieOptions, StateStorageKind } from './identity/state-storage';
export {
  createLocalStorageStore,
  type LocalStorageStore,
  type LocalStorageStoreOptions,
} from './queue/create-local-storage-store';
export type { BrowserTracker } from './tracker/browser-tracker';
export type { BrowserTrackerOptions, ConsentState } from './tracker/browser-tracker-options';
export { createBrowserTracker } from './tracker/create-browser-tracker';
export { trackWebPageView, type WebPageView } from './tracker/track-web-page-view';
export { KEEPALIVE_BUDGET_BYTES, makeBrowserTransport } from './transport/make-browser-transport';
export { BROWSER_ADAPTER_VERSION } from './version';
