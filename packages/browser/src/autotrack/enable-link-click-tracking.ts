import { trackLinkClick } from '@floe/events';
import type { BrowserTracker } from '../tracker/browser-tracker';
import { type ElementFilter, passesFilter } from './element-filter';

/** Options of {@link enableLinkClickTracking}. */
export interface LinkClickTrackingOptions extends ElementFilter {
  /** Send the link's text as `elementContent`. Default false (it may hold personal data). */
  readonly trackContent?: boolean;
}

/**
 * Tracks clicks on links (`<a href>`, `<area href>`) as `link_click` 1-0-1 events, built with
 * `@floe/events`' `trackLinkClick`. One listener on the document sees every link, also those
 * added later; plain, ctrl/meta/shift and middle-button clicks all count, since each opens the
 * target somewhere.
 *
 * @returns a function that removes the listeners.
 * @example
 * const stop = enableLinkClickTracking(tracker, { deny: ['no-track'] });
 */
export function enableLinkClickTracking(
  tracker: BrowserTracker,
  options: LinkClickTrackingOptions = {},
): () => void {
  const onClick = (event: MouseEvent) => {
    // `click` covers the main button (with any modifier); `auxclick` the middle one.
    if (event.type === 'auxclick' && event.button !== 1) return;
    const link = (event.target as Element | null)?.closest?.('a[href],area[href]') as
      | HTMLAnchorElement
      | HTMLAreaElement
      | null;
    if (!link || !passesFilter(link, options)) return;
    const content = options.trackContent ? (link.textContent ?? '').trim().slice(0, 4096) : '';
    trackLinkClick(tracker, {
      targetUrl: link.href,
      ...(link.id && { elementId: link.id }),
      ...(link.classList.length > 0 && { elementClasses: [...link.classList] }),
      ...(link.target && { elementTarget: link.target }),
      ...(content && { elementContent: content }),
    });
  };
  document.addEventListener('click', onClick, true);
  document.addEventListener('auxclick', onClick, true);
  return () => {
    document.removeEventListener('click', onClick, true);
    document.removeEventListener('auxclick', onClick, true);
  };
}
