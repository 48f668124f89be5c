import type { TrackOptions } from '../tracker/track-options';
import type { Tracker } from '../tracker/tracker';
import type { PageView } from './track-page-view';

/** A page ping (`e=pp`, tracker protocol §2.2): the page plus the scroll range since the last ping. */
export interface PagePing extends PageView {
  /** Smallest horizontal scroll offset (`pp_mix`); rounded to an integer, `0` is sent. */
  readonly minXOffset?: number;
  /** Largest horizontal scroll offset (`pp_max`). */
  readonly maxXOffset?: number;
  /** Smallest vertical scroll offset (`pp_miy`). */
  readonly minYOffset?: number;
  /** Largest vertical scroll offset (`pp_may`). */
  readonly maxYOffset?: number;
}

/**
 * Tracks a page ping, the heartbeat of a page that stays open.
 *
 * @param tracker - from `createTracker`.
 * @param pagePing - the page and the scroll offsets observed.
 * @param options - entities, true timestamp, per-event subject.
 * @returns the event id. Never throws: a bad event is reported to `onDrop` as `invalid`.
 * @example
 * trackPagePing(tracker, { pageUrl: location.href, minYOffset: 0, maxYOffset: 840 });
 */
export function trackPagePing(
  tracker: Tracker,
  pagePing: PagePing,
  options?: TrackOptions,
): string {
  const fields = {
    url: pagePing?.pageUrl,
    page: pagePing?.pageTitle,
    refr: pagePing?.referrer,
    pp_mix: pagePing?.minXOffset,
    pp_max: pagePing?.maxXOffset,
    pp_miy: pagePing?.minYOffset,
    pp_may: pagePing?.maxYOffset,
  };
  return tracker.track([{ e: 'pp', fields }], options)[0]!;
}
