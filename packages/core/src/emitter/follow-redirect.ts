import { TransportError } from '../errors/transport-error';
import { runtimeGlobals } from '../transport/fetch-types';
import type { TransportRequest, TransportResponse } from '../transport/transport';

/**
 * Where a redirect sends an attempt's second request, and the headers it may carry there (a POST's
 * `content-type` is set again when the request is built).
 */
export interface RedirectHop {
  /** The target URL; for GET without its query, which is built again with a fresh `stm`. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * The redirect rule of decision 29, the same for every transport: only a 307 or 308 with a
 * `Location` is followed, once per attempt (the caller never asks twice). A hop to another origin
 * carries no header of the first request: `Authorization`, `Cookie`, `Proxy-Authorization` and
 * every header the emitter was configured with stay behind. Any other answer, 301–303 included, counts
 * under the status policy.
 *
 * @param request - the request that was answered (header names in lower case).
 * @param response - its answer.
 * @returns where to send the second request, or `undefined` when the answer is not a redirect
 *   to follow.
 * @throws TransportError with code `insecure_redirect` for an https → http hop.
 */
export function followRedirect(
  request: TransportRequest,
  response: TransportResponse,
): RedirectHop | undefined {
  const location = response.headers?.['location'];
  if (!location || (response.status !== 307 && response.status !== 308)) return undefined;
  let from: InstanceType<typeof runtimeGlobals.URL>;
  let to: typeof from;
  try {
    from = new runtimeGlobals.URL(request.url);
    to = new runtimeGlobals.URL(location, request.url);
  } catch {
    return undefined;
  }
  if (from.protocol === 'https:' && to.protocol !== 'https:') {
    throw new TransportError(`refused a redirect from https to ${to.origin}`, {
      code: 'insecure_redirect',
    });
  }
  return {
    url: request.method === 'GET' ? to.origin + to.pathname : to.href,
    headers: to.origin === from.origin ? request.headers : {},
  };
}
