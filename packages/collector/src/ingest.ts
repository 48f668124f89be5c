import { buildSetCookie } from './http/cookie-options';
import { corsHeaders, type ResponseHeaders, TRANSPARENT_GIF } from './http/responses';
import type { CollectorRequest } from './pipeline/collector-request';
import { matchEventRoute } from './pipeline/event-route';
import { processRequest } from './pipeline/process-request';
import type { ProcessingConfig } from './pipeline/processing-config';
import type { ResolvedOptions } from './resolve-options';
import type { EventStorage } from './storage/event-storage';

/** What `ingest` did with a request, and the response to send. */
export interface IngestResult {
  readonly status: number;
  readonly headers: ResponseHeaders;
  readonly body: string | Uint8Array;
  /** Valid and incomplete events stored. */
  readonly good: number;
  /** Bad events stored. */
  readonly bad: number;
  /** The `event_id` of every GoodEvent stored (valid or incomplete), in request order. */
  readonly eventIds: readonly string[];
}

const PIXEL_METHODS = new Set(['GET', 'HEAD']);

function header(request: CollectorRequest, name: string): string | undefined {
  for (const [key, value] of request.headers) if (key.toLowerCase() === name) return value;
  return undefined;
}

/**
 * Builds the function that processes one event-route request and commits its results before
 * returning the response (local-collector.md §5.1).
 *
 * @param options - resolved collector options (cookie settings)
 * @param config - processing configuration
 * @param storage - where results are committed
 */
export function createIngest(
  options: ResolvedOptions,
  config: ProcessingConfig,
  storage: EventStorage,
): (request: CollectorRequest) => IngestResult {
  return (request) => {
    const method = request.method.toUpperCase();
    const path = request.target.split('?', 1)[0] ?? '';
    const api = matchEventRoute(path, method);
    if (!api) {
      return {
        status: 404,
        headers: { 'Content-Type': 'text/plain' },
        body: 'not found',
        good: 0,
        bad: 0,
        eventIds: [],
      };
    }
    const result = processRequest(request, api, config);
    storage.commit({ receivedAt: result.context.receivedAt, good: result.good, bad: result.bad });
    const origin = header(request, 'origin');
    const headers: ResponseHeaders = { ...corsHeaders(origin) };
    const ctx = result.context;
    if (options.cookie) {
      if (!ctx.anonymous) {
        headers['Set-Cookie'] = buildSetCookie(
          options.cookie,
          ctx.context.userId,
          ctx.receivedAt,
          origin,
        );
      } else if (ctx.cookieValue !== null) {
        headers['Set-Cookie'] = buildSetCookie(options.cookie, null, ctx.receivedAt, origin);
      }
    }
    const pixel = PIXEL_METHODS.has(method);
    if (pixel) {
      headers['Content-Type'] = 'image/gif';
      headers['Cache-Control'] = 'no-cache, no-store, must-revalidate';
    } else headers['Content-Type'] = 'text/plain; charset=utf-8';
    return {
      status: 200,
      headers,
      body: pixel ? TRANSPARENT_GIF : 'ok',
      good: result.good.length,
      bad: result.bad.length,
      eventIds: result.good.map((event) => String(event.event['event_id'])),
    };
  };
}
