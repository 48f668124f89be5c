import type { TrackOptions } from '../tracker/track-options';
import type { Tracker } from '../tracker/tracker';

/** A page view (`e=pv`, tracker protocol §2.1). */
export interface PageView {
  /** The page URL (`url`), up to 4096 characters. */
  readonly pageUrl: string;
  /** The page title (`page`), up to 2000 characters. */
  readonly pageTitle?: string;
  /** The referrer URL (`refr`), up to 4096 characters. */
  readonly referrer?: string;
}

/**
 * Tracks a page view.
 *
 * @param tracker - from `createTracker`.
 * @param pageView - the page.
 * @param options - entities, true timestamp, per-event subject.
 * @returns the event id. Never throws: a bad event is reported to `onDrop` as `invalid`.
 * @example
 * trackPageView(tracker, { pageUrl: 'https://shop.example.com/cart', pageTitle: 'Cart' });
 */
export function trackPageView(
  tracker: Tracker,
  pageView: PageView,
  options?: TrackOptions,
): string {
  const fields = {
    url: pageView?.pageUrl,
    page: pageView?.pageTitle,
    refr: pageView?.referrer,
  };
  return tracker.track([{ e: 'pv', fields }], options)[0]!;
}
