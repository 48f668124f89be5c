import { makeFetchTransport, type Transport, TransportError } from '@floe/core';

/** The bytes of keepalive request bodies a page may have in flight at once (Fetch standard). */
export const KEEPALIVE_BUDGET_BYTES = 65_536;

// The budget is the page's, not one tracker's: every transport on the page counts against it.
let keepaliveBytes = 0;

/**
 * A transport for pages: core's fetch transport while the page is visible; once it is hidden
 * (the user switched away) or being left (`pagehide`), requests ask the browser to finish
 * them after the page is gone, with `fetch(…, { keepalive: true })` while the bodies in flight fit
 * the 64 KiB keepalive budget, else with `navigator.sendBeacon` (Chromium counts beacons against
 * the same budget; other browsers may not). A beacon reports no answer, so a queued beacon counts
 * as delivered (status 200); beacons cannot carry the `SP-Anonymous` header, so anonymous requests
 * over the budget are not beaconed. What fits neither fails this attempt and stays queued in
 * `localStorage` for the next page. Requests never
 * include credentials: the fetch transport sets no `credentials` field, so cross-origin cookies
 * are never sent.
 *
 * @param inner - the transport for ordinary requests; `makeFetchTransport()` by default.
 */
export function makeBrowserTransport(inner: Transport = makeFetchTransport()): Transport {
  // Chromium may still report `visible` during `pagehide` on a navigation, so that event counts too.
  let leaving = false;
  const onPageHide = () => {
    leaving = true;
  };
  const onPageShow = () => {
    leaving = false;
  };
  addEventListener('pagehide', onPageHide);
  addEventListener('pageshow', onPageShow);
  return {
    async send(request) {
      if (!leaving && document.visibilityState !== 'hidden') return inner.send(request);
      const blob = new Blob([request.body ?? ''], { type: request.headers['Content-Type'] });
      if (keepaliveBytes + blob.size <= KEEPALIVE_BUDGET_BYTES) {
        keepaliveBytes += blob.size;
        try {
          return await inner.send({ ...request, keepalive: true });
        } finally {
          keepaliveBytes -= blob.size;
        }
      }
      if (
        request.method === 'POST' &&
        !request.headers['SP-Anonymous'] &&
        navigator.sendBeacon?.(request.url, blob)
      ) {
        return { status: 200, headers: {} };
      }
      throw new TransportError('the page is hidden and the keepalive budget is used up');
    },
    close() {
      removeEventListener('pagehide', onPageHide);
      removeEventListener('pageshow', onPageShow);
      return inner.close?.();
    },
  };
}
