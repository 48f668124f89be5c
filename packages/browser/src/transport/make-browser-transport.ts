import { makeFetchTransport, type Transport, TransportError } from '@floe/core';

/** The bytes of keepalive request bodies a page may have in flight at once (Fetch standard). */
const KEEPALIVE_BUDGET_BYTES = 65_536;
/** The tp2 POST body's type; a beacon cannot carry headers, so its blob says it. */
const TP2_CONTENT_TYPE = 'application/json; charset=UTF-8';

// The budget is the page's, not one tracker's: every transport on the page counts against it.
let keepaliveBytes = 0;

/**
 * A transport for pages: core's fetch transport while the page stays; while it is hidden or being
 * left, requests ask the browser to finish them after the page is gone, with
 * `fetch(…, { keepalive: true })` while the bodies in flight fit the 64 KiB keepalive budget, else
 * with `navigator.sendBeacon` (Chromium counts beacons against the same budget; other browsers
 * may not). A beacon reports no answer, so a queued beacon counts as delivered (status 200). What
 * fits neither fails this attempt and stays queued for the next page. Requests never include
 * credentials: the fetch transport sets no `credentials` field.
 *
 * @param leaving - whether the page is hidden or being left now.
 * @param beacons - whether beacons may be used; not for anonymous tracking, since a beacon cannot
 *   carry the `SP-Anonymous` header.
 */
export function makeBrowserTransport(leaving: () => boolean, beacons: boolean): Transport {
  const fetchTransport = makeFetchTransport();
  return {
    async send(request) {
      if (!leaving()) return fetchTransport.send(request);
      const blob = new Blob([request.body ?? ''], { type: TP2_CONTENT_TYPE });
      if (keepaliveBytes + blob.size <= KEEPALIVE_BUDGET_BYTES) {
        keepaliveBytes += blob.size;
        try {
          return await fetchTransport.send({ ...request, keepalive: true });
        } finally {
          keepaliveBytes -= blob.size;
        }
      }
      if (beacons && request.method === 'POST' && navigator.sendBeacon(request.url, blob)) {
        return { status: 200, headers: {} };
      }
      throw new TransportError('keepalive budget used up');
    },
    // No `close`: the fetch transport holds nothing to release.
  };
}
