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
import { capRowSize, maxRowBytes, withoutRequestBody } from './row-size-limit';

/** Everything one request produced, in request order. */
export interface ProcessedRequest {
  readonly context: RequestContext;
  /** Valid and incomplete events. */
  readonly good: readonly GoodEvent[];
  readonly bad: readonly BadEvent[];
}

function requestFailure(
  ctx: RequestContext,
  config: ProcessingConfig,
  bad: BadEvent,
): ProcessedRequest {
  return { context: ctx, good: [], bad: [capRowSize(ctx, config, bad)] };
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
      config,
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
      config,
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
      config,
      createBadEvent(ctx, config, { type: 'adapter_failures', failure, payload }, null),
    );
  }
  const extraction = extractEvents(ctx, adapter, config);
  if (!extraction.ok) {
    return requestFailure(ctx, config, createBadEvent(ctx, config, extraction.bad, null));
  }
  const good: GoodEvent[] = [];
  const bad: BadEvent[] = [];
  // Every row over the size cap is stored as a `size_violation` instead. Bad rows and incomplete
  // events are measured always (their failures can outgrow the input); a valid event only in a
  // large request (over an eighth of the cap), as it is a small multiple of its parameters (3×
  // at worst). That keeps the valid path, which ingestion speed depends on, free of the extra
  // serialisation.
  const largeRequest = (size + request.target.length) * 8 > maxRowBytes(config);
  // Per-event bad events repeat the request body (as Micro's do) only while the repeats fit in
  // one row's budget; later ones of the same request go without it.
  let bodyBudget = maxRowBytes(config);
  for (const params of extraction.events) {
    const processed = processEvent(params, ctx, config);
    const measure = largeRequest || processed.good.incomplete || processed.bad !== null;
    const kept = measure ? capRowSize(ctx, config, processed.good) : processed.good;
    if ('badRow' in kept) bad.push(kept);
    else good.push(kept);
    if (!processed.bad) continue;
    let eventBad = processed.bad;
    const repeated = eventBad.collectorPayload.body?.length ?? 0;
    if (repeated > bodyBudget) eventBad = withoutRequestBody(eventBad);
    else bodyBudget -= repeated;
    bad.push(capRowSize(ctx, config, eventBad));
  }
  return { context: ctx, good, bad };
}
