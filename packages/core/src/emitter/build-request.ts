import type { Payload } from '../protocol/payload';
import type { QueuedPayload } from '../store/event-store';
import type { AbortSignalLike, TransportRequest } from '../transport/transport';
import type { RedirectHop } from './follow-redirect';
import { getQuery, MAX_GET_PATH_BYTES } from './get-query';
import { buildPostBody, POST_CONTENT_TYPE } from './post-body';

/** Where and how requests go: the endpoint taken apart, and the headers (see `resolveEmitterOptions`). */
export interface RequestSettings {
  readonly method: 'GET' | 'POST';
  /** Scheme, host and port of the endpoint. */
  readonly origin: string;
  /** The endpoint's path without trailing slashes (`''` for none); GETs go to `<prefix>/i`. */
  readonly pathPrefix: string;
  /** Where POSTs go: origin, path prefix and `postPath`. */
  readonly postUrl: string;
  /** The configured headers, lower-case names, without `content-type`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly keepalive: boolean | undefined;
}

/**
 * The path and query of a GET for one event.
 *
 * @param pathPrefix - the endpoint's path (see {@link RequestSettings.pathPrefix}).
 * @param stm - the attempt's send time, in ms.
 */
export function getPath(pathPrefix: string, payload: Payload, stm: string): string {
  return `${pathPrefix}/i?${getQuery(payload, stm)}`;
}

/**
 * One request of an attempt. GET sends its single event as a query to `/i` unless path and query
 * would pass 20,000 B, when it goes by POST (`add()` already dropped it if POST is not allowed).
 * Headers are copied, a transport may treat them as its own; a POST always gets the exact
 * `content-type`.
 *
 * @param events - the batch (one event for GET).
 * @param signal - the attempt's abort signal.
 * @param stm - the attempt's send time, in ms, stamped on every event.
 * @param hop - the redirect target, for the second request of an attempt.
 */
export function buildRequest(
  events: readonly QueuedPayload[],
  signal: AbortSignalLike,
  settings: RequestSettings,
  stm: string,
  hop?: RedirectHop,
): TransportRequest {
  const { method, keepalive } = settings;
  const headers = hop?.headers ?? settings.headers;
  if (method === 'GET') {
    const path = getPath(settings.pathPrefix, JSON.parse((events[0] as QueuedPayload).json), stm);
    if (path.length <= MAX_GET_PATH_BYTES) {
      return {
        method,
        url: hop ? hop.url + path.slice(path.indexOf('?')) : settings.origin + path,
        headers: { ...headers },
        signal,
        keepalive,
      };
    }
  }
  return {
    method: 'POST',
    url: hop?.url ?? settings.postUrl,
    headers: { ...headers, 'content-type': POST_CONTENT_TYPE },
    body: buildPostBody(events, stm),
    signal,
    keepalive,
  };
}
