import type { Tracker } from '@floe/core';
import type { ConsentState } from './browser-tracker-options';

/** A core `Tracker` that knows the page, the user's ids and their consent. */
export interface BrowserTracker extends Tracker {
  /** The id in the `web_page` entity; renewed by every page view. */
  readonly pageViewId: string;
  /** Calls `listener` after every page view; returns a function that stops it. */
  onPageView(listener: () => void): () => void;
  /**
   * `granted` writes the ids and sends what was held; `pending` holds new events (queued, not
   * sent) and writes no cookie; `denied` discards held events, clears the ids and tracks nothing.
   */
  setConsent(state: ConsentState): void;
  /**
   * Deletes the id and session values (cookies or `localStorage`) and forgets them; the next event
   * starts a new user. Events already queued are still delivered.
   */
  clearUserData(): void;
}
