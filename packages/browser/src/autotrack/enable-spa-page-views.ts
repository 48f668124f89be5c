import type { BrowserTracker } from '../tracker/browser-tracker';
import { trackWebPageView } from '../tracker/track-web-page-view';

/**
 * Tracks a page view whenever a single-page app changes the URL (`history.pushState`,
 * `replaceState` or the back/forward buttons), so each route gets its own page view id and the
 * previous route becomes the referrer. The history methods are wrapped until the returned function
 * is called; a change that keeps the URL (a state-only `replaceState`) tracks nothing.
 *
 * @returns a function that restores the history methods and removes the listener.
 * @example
 * trackWebPageView(tracker);
 * enableSpaPageViews(tracker);
 */
export function enableSpaPageViews(tracker: BrowserTracker): () => void {
  let last = location.href;
  const check = () => {
    // Wait a frame, so the app can update `document.title` for the new route first.
    setTimeout(() => {
      if (location.href === last) return;
      last = location.href;
      trackWebPageView(tracker);
    });
  };
  const { pushState, replaceState } = history;
  history.pushState = function (...args) {
    pushState.apply(this, args);
    check();
  };
  history.replaceState = function (...args) {
    replaceState.apply(this, args);
    check();
  };
  addEventListener('popstate', check);
  return () => {
    history.pushState = pushState;
    history.replaceState = replaceState;
    removeEventListener('popstate', check);
  };
}
