import { trackPagePing } from '@floe/core';
import type { BrowserTracker } from '../tracker/browser-tracker';

/** Options of {@link enableActivityTracking}. */
export interface ActivityTrackingOptions {
  /** The first ping comes this long after the page view. Default 5,000 ms. */
  readonly minimumVisitLength?: number;
  /** Then one ping per period in which the user was active. Default 10,000 ms. */
  readonly heartbeatDelay?: number;
}

const ACTIVITY = ['mousedown', 'mousemove', 'keydown', 'wheel', 'touchstart', 'scroll', 'focus'];

/**
 * Sends page pings while the user is on a page: the first `minimumVisitLength` after each page
 * view, then every `heartbeatDelay`, each only if the user moved, typed, touched or scrolled in
 * that period. A ping carries the smallest and largest scroll offsets seen since the last one
 * (`pp_mix`/`pp_max`/`pp_miy`/`pp_may`). The clock restarts with every page view, SPA ones too.
 *
 * @returns a function that stops the pings and removes the listeners.
 * @example
 * enableActivityTracking(tracker, { minimumVisitLength: 10_000, heartbeatDelay: 10_000 });
 */
export function enableActivityTracking(
  tracker: BrowserTracker,
  options: ActivityTrackingOptions = {},
): () => void {
  const { minimumVisitLength = 5000, heartbeatDelay = 10_000 } = options;
  let active = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let x: [number, number];
  let y: [number, number];
  const resetScroll = () => {
    x = [scrollX, scrollX];
    y = [scrollY, scrollY];
  };
  const onActivity = () => {
    active = true;
    x = [Math.min(x[0], scrollX), Math.max(x[1], scrollX)];
    y = [Math.min(y[0], scrollY), Math.max(y[1], scrollY)];
  };
  const tick = () => {
    timer = setTimeout(tick, heartbeatDelay);
    if (!active) return;
    active = false;
    trackPagePing(tracker, {
      pageUrl: location.href,
      minXOffset: x[0],
      maxXOffset: x[1],
      minYOffset: y[0],
      maxYOffset: y[1],
    });
    resetScroll();
  };
  const restart = () => {
    clearTimeout(timer);
    active = false;
    resetScroll();
    timer = setTimeout(tick, minimumVisitLength);
  };
  restart();
  const stopPageViews = tracker.onPageView(restart);
  for (const type of ACTIVITY) addEventListener(type, onActivity, { capture: true, passive: true });
  return () => {
    clearTimeout(timer);
    stopPageViews();
    for (const type of ACTIVITY) removeEventListener(type, onActivity, { capture: true });
  };
}
