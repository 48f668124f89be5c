import type { CollectorPayloadView } from '../events/bad-event';
import type { RequestContext } from '../pipeline/request-context';
import { capNullable, truncateCodePoints } from '../util/code-points';
import { isUuid } from '../util/uuid';

function querystringPairs(ctx: RequestContext) {
  return ctx.query.ok ? ctx.query.params : ctx.query.raw;
}

/**
 * The request as Micro shows it in a BadEvent's `collectorPayload` (full values, nothing cut).
 *
 * @param ctx - the request context
 * @param withBody - `false` for size violations, whose body is not kept
 */
export function createCollectorPayloadView(
  ctx: RequestContext,
  withBody = true,
): CollectorPayloadView {
  return {
    api: ctx.api,
    querystring: querystringPairs(ctx).map(({ name, value }) =>
      value === null ? name : `${name}=${value}`,
    ),
    contentType: ctx.contentType,
    body: withBody ? ctx.bodyText : null,
    source: ctx.source,
    context: ctx.context,
  };
}

/**
 * The fields the collector-payload and raw-event objects of every bad-row schema share, capped
 * to those schemas' limits (decision 23): `collector`/`loaderName` ≤ 32, `contentType` ≤ 256,
 * `ipAddress` ≤ 128, a non-UUID network user id becomes `null`.
 */
function sharedPayloadFields(ctx: RequestContext) {
  return {
    vendor: truncateCodePoints(ctx.api.vendor, 64),
    version: truncateCodePoints(ctx.api.version, 16),
    contentType: capNullable(ctx.contentType, 256),
    encoding: ctx.source.encoding,
    hostname: capNullable(ctx.source.hostname, 8192),
    timestamp: ctx.context.timestamp,
    ipAddress: truncateCodePoints(ctx.context.ipAddress, 128),
    useragent: capNullable(ctx.context.useragent, 4096),
    refererUri: capNullable(ctx.context.refererUri, 8192),
    headers: ctx.context.headers.map((h) => truncateCodePoints(h, 8192)),
  };
}

/**
 * The `payload` object of `adapter_failures` and `tracker_protocol_violations` bad rows: the
 * collector payload with every capped field truncated (the BadEvent keeps the full values).
 *
 * @param ctx - the request context
 */
export function createCollectorPayloadRecord(ctx: RequestContext): Record<string, unknown> {
  const { vendor, version, ...rest } = sharedPayloadFields(ctx);
  return {
    vendor,
    version,
    querystring: querystringPairs(ctx).map(({ name, value }) => ({
      name: truncateCodePoints(name, 512),
      value: capNullable(value, 512),
    })),
    body: ctx.bodyText,
    collector: truncateCodePoints(ctx.source.name, 32),
    ...rest,
    networkUserId: isUuid(ctx.context.userId) ? ctx.context.userId : null,
  };
}

/**
 * The `payload.raw` object of a `schema_violations` bad row: one event's parameters.
 *
 * @param ctx - the request context
 * @param parameters - the event's merged parameters
 */
export function createRawPayloadRecord(
  ctx: RequestContext,
  parameters: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const { vendor, version, ...rest } = sharedPayloadFields(ctx);
  return {
    vendor,
    version,
    parameters: Object.entries(parameters).map(([name, value]) => ({
      name: truncateCodePoints(name, 512),
      value: truncateCodePoints(value, 512),
    })),
    loaderName: truncateCodePoints(ctx.source.name, 32),
    ...rest,
    userId: isUuid(ctx.context.userId) ? ctx.context.userId : null,
  };
}
