import type { ApiRoute, PayloadContext, PayloadSource } from '../events/raw-event';
import { toIsoTimestamp } from '../util/timestamps';
import { decodeUtf8Lossy } from '../util/utf8';
import { NIL_UUID } from '../util/uuid';
import type { CollectorRequest } from './collector-request';
import { parseQuery, type QueryParseResult } from './parse-query';
import type { ProcessingConfig } from './processing-config';

/** What every processing step needs to know about one request, computed once. */
export interface RequestContext {
  readonly method: string;
  readonly api: ApiRoute;
  readonly query: QueryParseResult;
  readonly receivedAt: number;
  readonly contentType: string | null;
  readonly body: Uint8Array | null;
  /** The body as text (ill-formed UTF-8 replaced), for bad rows; decoded on first use. */
  readonly bodyText: string | null;
  readonly anonymous: boolean;
  /** The cookie value the request carried, if any. */
  readonly cookieValue: string | null;
  readonly source: PayloadSource;
  readonly context: PayloadContext;
}

const ANONYMOUS_DROPPED = new Set(['x-forwarded-for', 'x-real-ip', 'cookie']);

function readCookie(header: string | undefined, name: string | null): string | null {
  if (!header || !name) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return value === '' ? null : value;
    }
  }
  return null;
}

function stripMappedIpv4(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/**
 * Builds the request context: headers, anonymity, source address and the network user id the
 * collector picks (tracker-protocol §6.8: `SP-Anonymous` → nil UUID, then `nuid`, then the
 * cookie, then a new id).
 *
 * @param request - the request
 * @param api - the matched event route
 * @param config - processing configuration
 */
export function createRequestContext(
  request: CollectorRequest,
  api: ApiRoute,
  config: ProcessingConfig,
): RequestContext {
  const receivedAt = config.clock();
  const q = request.target.indexOf('?');
  const query = parseQuery(q < 0 ? null : request.target.slice(q + 1));
  const first = new Map<string, string>();
  let anonymous = false;
  const headers: string[] = [];
  for (const [name, value] of request.headers) {
    const lower = name.toLowerCase();
    if (lower === 'sp-anonymous') anonymous = true;
    if (!first.has(lower)) first.set(lower, value);
  }
  for (const [name, value] of request.headers) {
    if (anonymous && ANONYMOUS_DROPPED.has(name.toLowerCase())) continue;
    headers.push(`${name}: ${value}`);
  }
  const cookieValue = readCookie(first.get('cookie'), config.cookieName);
  const forwarded = first.get('x-forwarded-for')?.split(',')[0]?.trim();
  const ipAddress = anonymous
    ? 'unknown'
    : forwarded || stripMappedIpv4(request.remoteAddress ?? '') || 'unknown';
  let nuidParam: string | null = null;
  if (query.ok) for (const p of query.params) if (p.name === 'nuid') nuidParam = p.value;
  const userId = anonymous ? NIL_UUID : nuidParam || cookieValue || config.idSource();
  const body = request.body && request.body.byteLength > 0 ? request.body : null;
  let bodyText: string | null | undefined;
  return {
    method: request.method.toUpperCase(),
    api,
    query,
    receivedAt,
    contentType: first.get('content-type') ?? null,
    body,
    // Only bad rows show the body; valid requests never pay for a second decode.
    get bodyText() {
      if (bodyText === undefined) bodyText = body ? decodeUtf8Lossy(body) : null;
      return bodyText;
    },
    anonymous,
    cookieValue,
    source: {
      name: `${config.processorName}-${config.processorVersion}`,
      encoding: 'UTF-8',
      hostname: first.get('host') ?? null,
    },
    context: {
      timestamp: toIsoTimestamp(receivedAt),
      ipAddress,
      useragent: first.get('user-agent') ?? null,
      refererUri: first.get('referer') ?? null,
      headers,
      userId,
    },
  };
}
