import { type Tracker, type TrackOptions, trackPageView } from '@floe/core';

/** What {@link trackWebPageView} takes; everything else comes from the page. */
export interface WebPageView {
  /** Overrides `document.title`. */
  readonly title?: string;
}

/**
 * Tracks a page view of the current page: its URL, title and referrer, read when it is called.
 * The same as `trackPageView(tracker, { pageUrl: location.href })`, which works too.
 *
 * @returns the event id.
 * @example
 * trackWebPageView(tracker);
 */
export function trackWebPageView(
  tracker: Tracker,
  pageView: WebPageView = {},
  options?: TrackOptions,
): string {
  return trackPageView(tracker, { pageUrl: location.href, pageTitle: pageView.title }, options);
}
