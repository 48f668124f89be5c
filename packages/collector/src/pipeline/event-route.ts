import type { ApiRoute } from '../events/raw-event';

/** The vendor of the Snowplow tracker protocol adapters. */
export const SNOWPLOW_VENDOR = 'com.snowplowanalytics.snowplow';

/** Path prefixes that are never event endpoints (local-collector.md §2). */
const RESERVED_VENDORS = new Set(['micro', '_floe', 'r']);

const PIXEL_METHODS = new Set(['GET', 'HEAD']);

/**
 * Matches an event route: `/i` and `/ice.png` (the `tp1` pixel, GET and HEAD) or any two-segment
 * path `/{vendor}/{version}` (GET, HEAD and POST) outside the reserved `micro`, `_floe` and `r`
 * prefixes.
 *
 * @param path - the request path without the query
 * @param method - the request method, upper case
 * @returns the adapter coordinates, or `null` when this is not an event route
 */
export function matchEventRoute(path: string, method: string): ApiRoute | null {
  if (path === '/i' || path === '/ice.png') {
    return PIXEL_METHODS.has(method) ? { vendor: SNOWPLOW_VENDOR, version: 'tp1' } : null;
  }
  if (!PIXEL_METHODS.has(method) && method !== 'POST') return null;
  const segments = path.split('/');
  if (segments.length !== 3 || segments[0] !== '') return null;
  const vendor = segments[1]!;
  const version = segments[2]!;
  if (vendor === '' || version === '' || RESERVED_VENDORS.has(vendor)) return null;
  return { vendor, version };
}

/** The adapters the local collector has: the tracker protocol, nothing else (§4 step 2). */
export type AdapterKind = 'tp1' | 'tp2';

/**
 * The adapter for a route, or `undefined` when there is none (an `adapter_failures` bad row).
 *
 * @param api - the route's vendor and version
 */
export function adapterFor(api: ApiRoute): AdapterKind | undefined {
  if (api.vendor !== SNOWPLOW_VENDOR) return undefined;
  if (api.version === 'tp2') return 'tp2';
  if (api.version === 'tp1') return 'tp1';
  return undefined;
}
