import type { IncomingMessage } from 'node:http';

/** `Sec-Fetch-Site` values of requests a user or the collector's own UI made. */
const OWN_SITES = new Set(['same-origin', 'none']);

/**
 * Whether a request came from a page of another origin. State-changing routes refuse those:
 * any page a developer has open can send a simple request (an `<img>`, a form, a no-cors fetch)
 * to a loopback port, and an `<img src=".../micro/reset">` used to wipe the stored events.
 * `Sec-Fetch-Site` other than `same-origin`/`none` counts (`same-site` too: another port of the
 * same host is another origin), and so does an `Origin` whose host differs from `Host`, or the
 * opaque `null` origin. Requests with neither header (curl, test clients) are not cross-site.
 *
 * @param req - the request
 */
export function isCrossSiteRequest(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && !OWN_SITES.has(site.toLowerCase())) return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== (req.headers.host ?? '').toLowerCase();
  } catch {
    return true;
  }
}
