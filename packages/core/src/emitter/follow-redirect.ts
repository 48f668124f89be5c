import { TransportError } from '../errors/transport-error';
import { runtimeGlobals } from '../transport/fetch-types';
import type { TransportRequest, TransportResponse } from '../transport/transport';
import type { RedirectHop } from './build-request';

/**
 * The redirect rule of decision 29, the same for every transport: only a 307 or 308 with a
 * `Location` is followed, once per attempt (the caller never asks twice). A hop to another origin
 * carries only the `Content-Type`: `Authorization`, `Cookie`, `Proxy-Authorization` and every
 * header the emitter was configured with stay behind. An https → http hop is refused.
 *
 * @param request - the request that was answered.
 * @param response - its answer.
 * @returns where to send the second request; `undefined` when the answer is not a redirect to
 *   follow (it then counts under the status policy, as any 3xx); or the `insecure_redirect` error.
 */
export function followRedirect(
  request: TransportRequest,
  response: TransportResponse,
): RedirectHop | TransportError | undefined {
  const location = response.headers['location'];
  if ((response.status !== 307 && response.status !== 308) || !location) return undefined;
  let from: { origin: string; protocol: string };
  let to: { origin: string; protocol: string; pathname: string; href: string };
  try {
    from = new runtimeGlobals.URL(request.url);
    to = new runtimeGlobals.URL(location, request.url);
  } catch {
    return undefined;
  }
  if (from.protocol === 'https:' && to.protocol !== 'https:') {
    return new TransportError(`refused a redirect from https to ${to.origin}`, {
      code: 'insecure_redirect',
    });
  }
  // A GET query is built again with a fresh stm, so only the path of its target is kept.
  const url = request.method === 'GET' ? to.origin + to.pathname : to.href;
  if (to.origin === from.origin) return { url, headers: request.headers };
  const headers: Record<string, string> = {};
  for (const name in request.headers) {
    if (name.toLowerCase() === 'content-type') headers[name] = request.headers[name] as string;
  }
  return { url, headers };
}
