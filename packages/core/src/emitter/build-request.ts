import type { QueuedPayload } from '../store/event-store';
import type { AbortSignalLike, TransportRequest } from '../transport/transport';
import { buildGetQuery, MAX_GET_PATH_BYTES } from './get-path';
import { buildPostBody } from './post-body';
import type { ResolvedOptions } from './resolve-options';

/** Where a redirect sends an attempt's second request, and the headers it may carry there. */
export interface RedirectHop {
  /** The target URL; for GET without its query, which is built again. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Builds one request of an attempt, with `stm` stamped now. GET sends its single event as a query
 * to `/i` unless path and query would pass 20,000 B, when it goes by POST (`add()` already dropped
 * it if POST is not allowed). POST joins the events' queued texts (see `buildPostBody`). Built
 * again, with a fresh `stm`, for a redirect hop.
 *
 * @param hop - the redirect target, for the second request of an attempt.
 */
export function buildRequest(
  options: ResolvedOptions,
  events: readonly QueuedPayload[],
  signal: AbortSignalLike,
  hop?: RedirectHop,
): TransportRequest {
  const stm = String(options.clock.now());
  const common = { signal, keepalive: options.keepalive };
  if (options.method === 'GET' && events.length === 1) {
    const query = buildGetQuery(JSON.parse((events[0] as QueuedPayload).json), stm);
    const path = `${options.pathPrefix}/i?${query}`;
    if (path.length <= MAX_GET_PATH_BYTES) {
      const url = hop ? `${hop.url}?${query}` : options.origin + path;
      return { ...common, method: 'GET', url, headers: { ...(hop?.headers ?? options.headers) } };
    }
  }
  return {
    ...common,
    method: 'POST',
    url: hop?.url ?? options.postUrl,
    // A copy each time: a transport may treat the object as its own.
    headers: { ...(hop?.headers ?? options.postHeaders) },
    body: buildPostBody(events, stm),
  };
}
