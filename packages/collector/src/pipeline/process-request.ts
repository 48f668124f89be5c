import { createCollectorPayloadRecord } from '../badrows/collector-payload';
import { createBadEvent } from '../badrows/create-bad-event';
import type { BadEvent } from '../events/bad-event';
import type { GoodEvent } from '../events/good-event';
import type { ApiRoute } from '../events/raw-event';
import { truncateCodePoints } from '../util/code-points';
import { decodeUtf8Lossy } from '../util/utf8';
import type { CollectorRequest } from './collector-request';
import { adapterFor } from './event-route';
import { extractEvents } from './extract-events';
import { processEvent } from './process-event';
import type { ProcessingConfig } from './processing-config';
import { createRequestContext, type RequestContext } from './request-context';

/** Everything one request produced, in request order. */
export interface ProcessedRequest {
  readonly context: RequestContext;
  /** Valid and incomplete events. */
  readonly good: readonly GoodEvent[];
  readonly bad: readonly BadEvent[];
}

function requestFailure(ctx: RequestContext, bad: BadEvent): ProcessedRequest {
  return { context: ctx, good: [], bad: [bad] };
}

/**
 * Runs the whole validation pipeline of local-collector.md §4 over one request to an event
 * route, synchronously. It never throws for any input: every failure becomes a bad row.
 *
 * @param request - the request (body fully read)
 * @param api - the matched event route
 * @param config - processing configuration
 */
export function processRequest(
  request: CollectorRequest,
  api: ApiRoute,
  config: ProcessingConfig,
): ProcessedRequest {
  const ctx = createRequestContext(request, api, config);
  const size = ctx.body?.byteLength ?? 0;
  if (size > config.maxPayloadSize) {
    const body = ctx.body as Uint8Array;
    const failure = {
      maximumAllowedSizeBytes: config.maxPayloadSize,
      actualSizeBytes: size,
      expectation: `the collector payload must be at most ${config.maxPayloadSize} bytes; this one is ${size} bytes`,
    };
    const payload = decodeUtf8Lossy(body.subarray(0, Math.floor(size / 10)));
    return requestFailure(
      ctx,
      createBadEvent(ctx, config, { type: 'size_violation', failure, payload }, null),
    );
  }
  if (!ctx.query.ok) {
    const target = request.target;
    const failure = {
      loader: 'thrift',
      message: {
        payloadField: 'querystring',
        value: target,
        expectation: truncateCodePoints(ctx.query.error, 256),
      },
    };
    const payload = `${ctx.method} ${target}`;
    return requestFailure(
      ctx,
      createBadEvent(
        ctx,
        config,
        { type: 'collector_payload_format_violation', failure, payload },
        null,
      ),
    );
  }
  const adapter = adapterFor(api);
  if (!adapter) {
    const failure = {
      vendor: truncateCodePoints(api.vendor, 64),
      version: truncateCodePoints(api.version, 16),
      messages: [
        {
          field: 'vendor/version',
          value: `${api.vendor}/${api.version}`,
          expectation:
            'expected com.snowplowanalytics.snowplow/tp2 (or the /i pixel); the local collector has no other adapters',
        },
      ],
    };
    const payload = createCollectorPayloadRecord(ctx);
    return requestFailure(
      ctx,
      createBadEvent(ctx, config, { type: 'adapter_failures', failure, payload }, null),
    );
  }
  const extraction = extractEvents(ctx, adapter, config);
  if (!extraction.ok) return requestFailure(ctx, createBadEvent(ctx, config, extraction.bad, null));
  const good: GoodEvent[] = [];
  const bad: BadEvent[] = [];
  for (const params of extraction.events) {
    const result = processEvent(params, ctx, config);
    good.push(result.good);
    if (result.bad) bad.push(result.bad);
  }
  return { context: ctx, good, bad };
}
