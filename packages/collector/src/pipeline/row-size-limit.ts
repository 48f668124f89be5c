import { createBadEvent } from '../badrows/create-bad-event';
import type { BadEvent } from '../events/bad-event';
import type { GoodEvent } from '../events/good-event';
import { truncateCodePoints } from '../util/code-points';
import type { ProcessingConfig } from './processing-config';
import type { RequestContext } from './request-context';

/**
 * How much larger than its request a stored row may be. Micro's BadEvent repeats the body (in
 * `collectorPayload`, in the bad row's payload and again in `errors`), so a bad row for a body
 * at `maxPayloadSize` must still fit.
 */
const ROW_TO_PAYLOAD = 4;
/** The floor of the cap, so a small `maxPayloadSize` still leaves room for a readable row. */
const MIN_ROW_BYTES = 256 * 1024;
/** The largest `actualSizeBytes` the size_violation schema accepts. */
const SCHEMA_MAX_BYTES = 1_073_741_824;

/**
 * The largest stored row (a BadEvent, or a GoodEvent as JSON) one request may produce:
 * `4 × maxPayloadSize`, at least 256 KiB. A row past it is stored as a `size_violation` bad row
 * instead, so no request can make one row that costs far more than the request itself.
 *
 * @param config - processing configuration
 */
export function maxRowBytes(config: ProcessingConfig): number {
  return Math.max(MIN_ROW_BYTES, ROW_TO_PAYLOAD * config.maxPayloadSize);
}

/**
 * The size of a row as stored and served: its JSON in UTF-8 bytes.
 *
 * @param row - a BadEvent or GoodEvent
 */
export function rowBytes(row: BadEvent | GoodEvent): number {
  return Buffer.byteLength(JSON.stringify(row));
}

/**
 * The `size_violation` bad row that replaces an oversized row, as enrich replaces an oversized
 * bad row or event: the sizes, and as payload the first tenth (of the cap) of what was too large.
 * The bad row's `failure`, with its capped messages, comes before its `payload` in that text, so
 * the reason the row was bad survives the cut.
 *
 * @param ctx - the request context
 * @param config - processing configuration
 * @param row - the oversized row
 * @param size - its size in bytes
 */
export function createRowSizeViolation(
  ctx: RequestContext,
  config: ProcessingConfig,
  row: BadEvent | GoodEvent,
  size: number,
): BadEvent {
  const max = maxRowBytes(config);
  const what = 'badRow' in row ? 'bad row' : 'event';
  const text = JSON.stringify('badRow' in row ? row.badRow : row.event);
  const failure = {
    maximumAllowedSizeBytes: Math.min(max, SCHEMA_MAX_BYTES),
    actualSizeBytes: Math.min(size, SCHEMA_MAX_BYTES),
    expectation: `a stored ${what} must be at most ${max} bytes; this one is ${size} bytes`,
  };
  const payload = truncateCodePoints(text, Math.floor(max / 10));
  return createBadEvent(ctx, config, { type: 'size_violation', failure, payload }, null);
}

/**
 * The bad event without the request body in its `collectorPayload`. Every per-event bad event of
 * a batch would otherwise repeat the whole body: 2,000 invalid events in a 340 kB body made
 * 2,000 rows of 420 kB each. The event's own parameters stay in `rawEvent` and the bad row.
 *
 * @param bad - a per-event bad event
 */
export function withoutRequestBody(bad: BadEvent): BadEvent {
  return { ...bad, collectorPayload: { ...bad.collectorPayload, body: null } };
}

/**
 * The row itself, or its `size_violation` when it is over `maxRowBytes`.
 *
 * @param ctx - the request context
 * @param config - processing configuration
 * @param row - a bad event, or a good (valid or incomplete) event
 */
export function capRowSize(ctx: RequestContext, config: ProcessingConfig, row: BadEvent): BadEvent;
export function capRowSize(
  ctx: RequestContext,
  config: ProcessingConfig,
  row: GoodEvent,
): GoodEvent | BadEvent;
export function capRowSize(
  ctx: RequestContext,
  config: ProcessingConfig,
  row: BadEvent | GoodEvent,
): BadEvent | GoodEvent {
  const size = rowBytes(row);
  return size > maxRowBytes(config) ? createRowSizeViolation(ctx, config, row, size) : row;
}
