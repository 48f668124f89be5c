import { createCollectorPayloadRecord } from '../badrows/collector-payload';
import type { BadRowContent } from '../badrows/create-bad-event';
import type { FailureMessage } from '../badrows/failure-message';
import { checkSelfDescribing } from '../schemas/check-self-describing';
import { truncateCodePoints } from '../util/code-points';
import { parseJsonWithDepth } from '../util/parse-json';
import { decodeUtf8Strict } from '../util/utf8';
import type { AdapterKind } from './event-route';
import { queryToMap } from './parse-query';
import type { ProcessingConfig } from './processing-config';
import type { RequestContext } from './request-context';

/** The payload_data schemas the pipeline accepts in a POST body. */
export const PAYLOAD_DATA_CRITERION =
  'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-*';

const JSON_CONTENT_TYPES = new Set(['application/json', 'application/json; charset=utf-8']);

/** Steps 3–7: the events of a request, or the one bad row that fails all of them. */
export type Extraction =
  | { readonly ok: true; readonly events: Record<string, string>[] }
  | { readonly ok: false; readonly bad: BadRowContent };

function violation(ctx: RequestContext, message: FailureMessage): Extraction {
  const failure = {
    vendor: truncateCodePoints(ctx.api.vendor, 64),
    version: truncateCodePoints(ctx.api.version, 16),
    messages: [message],
  };
  return {
    ok: false,
    bad: {
      type: 'tracker_protocol_violations',
      failure,
      payload: createCollectorPayloadRecord(ctx),
    },
  };
}

function readBody(ctx: RequestContext, config: ProcessingConfig): Extraction {
  const body = ctx.body as Uint8Array;
  const contentType = ctx.contentType?.toLowerCase() ?? null;
  if (contentType === null || !JSON_CONTENT_TYPES.has(contentType)) {
    return violation(ctx, {
      field: 'contentType',
      value: ctx.contentType,
      expectation:
        'expected application/json or application/json; charset=utf-8 (the Content-Type of a tp2 POST)',
    });
  }
  const text = decodeUtf8Strict(body);
  if (text === undefined) {
    return violation(ctx, {
      field: 'body',
      value: ctx.bodyText,
      expectation: 'expected UTF-8 text, found ill-formed UTF-8 bytes',
    });
  }
  const parsed = parseJsonWithDepth(text, config.maxJsonDepth);
  if (!parsed.ok) return violation(ctx, { field: 'body', value: text, error: parsed.error });
  const sdj = checkSelfDescribing(parsed.value, PAYLOAD_DATA_CRITERION);
  if (!sdj.ok) return violation(ctx, sdj.message);
  const error = config.registry.validate(sdj.schema, sdj.data);
  if (error) return violation(ctx, { schemaKey: sdj.schema, error });
  return { ok: true, events: sdj.data as Record<string, string>[] };
}

/**
 * Steps 3–7 of local-collector.md §4: Content-Type, non-empty, JSON, `payload_data` (one bad
 * event fails the whole request), then the split into one parameter map per event with the
 * query-string parameters merged over each. GET and `tp1` requests carry one event in the query.
 *
 * @param ctx - the request context (its query string already decoded)
 * @param adapter - `tp1` or `tp2`
 * @param config - processing configuration
 */
export function extractEvents(
  ctx: RequestContext,
  adapter: AdapterKind,
  config: ProcessingConfig,
): Extraction {
  const query = ctx.query.ok ? queryToMap(ctx.query.params) : {};
  const hasQuery = Object.keys(query).length > 0;
  const usesBody = adapter === 'tp2' && ctx.method === 'POST' && ctx.body !== null;
  if (!usesBody) {
    if (!hasQuery) {
      return violation(ctx, {
        field: 'querystring',
        value: null,
        expectation:
          adapter === 'tp2'
            ? 'expected a non-empty body or query string'
            : 'expected a non-empty query string',
      });
    }
    return { ok: true, events: [query] };
  }
  const extraction = readBody(ctx, config);
  if (!extraction.ok || !hasQuery) return extraction;
  return { ok: true, events: extraction.events.map((event) => ({ ...event, ...query })) };
}
