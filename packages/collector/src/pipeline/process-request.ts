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
import { type ProcessedEvent, processEvent } from './process-event';
import type { ProcessingConfig } from './processing-config';
import { createRequestContext, type RequestContext } from './request-context';
import { createRowSizeViolation, maxRowBytes, rowBytes } from './row-size-limit';

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
  const size = rowBytes(bad);
  const kept = size > maxRowBytes(config) ? createRowSizeViolation(ctx, config, bad, size) : bad;
  return { context: ctx, good: [], bad: [kept] };
}

/**
 * One event's rows with the row-size cap applied: an oversized incomplete event or bad row turns
 * the event into one `size_violation` bad row. Bad rows and incomplete events are measured
 * always (their failures can outgrow the input); a valid event only in a large request (over
 * an eighth of the cap), since it is a small multiple of its parameters (about 3× at worst).
 * That keeps the valid path, which ingestion speed depends on, free of the extra serialisation.
 */
function capEventRows(
  result: ProcessedEvent,
  ctx: RequestContext,
  config: ProcessingConfig,
  largeRequest: boolean,
): { readonly good: GoodEvent | null; readonly bad: BadEvent | null } {
  const max = maxRowBytes(config);
  const { good, bad } = result;
  if (bad || good.incomplete || largeRequest) {
    const goodSize = rowBytes(good);
    if (goodSize > max)
      return { good: null, bad: createRowSizeViolation(ctx, config, good, goodSize) };
  }
  if (bad) {
    const badSize = rowBytes(bad);
    if (badSize > max)
      return { good: null, bad: createRowSizeViolation(ctx, config, bad, badSize) };
  }
  return result;
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
  const largeRequest = (size + request.target.length) * 8 > maxRowBytes(config);
  for (const params of extraction.events) {
    const result = capEventRows(processEvent(params, ctx, config), ctx, config, largeRequest);
    if (result.good) good.push(result.good);
    if (result.bad) bad.push(result.bad);
  }
  return { context: ctx, good, bad };
}
