import type { QueuedPayload } from '../store/event-store';

/** The Iglu schema of every POST body (tracker protocol §6.3). */
export const PAYLOAD_DATA_SCHEMA =
  'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4';
/** The default POST path of a Snowplow collector. */
export const DEFAULT_POST_PATH = '/com.snowplowanalytics.snowplow/tp2';
/** The exact Content-Type of a POST; the pipeline accepts only three spellings. */
export const POST_CONTENT_TYPE = 'application/json; charset=UTF-8';

const BODY_START = `{"schema":"${PAYLOAD_DATA_SCHEMA}","data":[`;
/** Bytes of the `payload_data` envelope around the events (88, all ASCII). */
export const ENVELOPE_BYTES = BODY_START.length + 2;
/**
 * Bytes `,"stm":"…"` adds to an event: 9 plus 13 digits, which a millisecond wall clock keeps
 * until the year 2286. Batches are sized with it before the attempt's `stm` is known.
 */
export const STM_BYTES = 22;

/**
 * An event's JSON text with this attempt's `stm` as its last key: `,"stm":"<ms>"` inserted before
 * the closing brace. The queued text has no `stm` and always holds at least the `eid`.
 *
 * @param json - a queued event's text.
 * @param stm - the attempt's send time, in ms.
 * @example
 * withStm('{"e":"pv","eid":"x"}', '1764000000000'); // '{"e":"pv","eid":"x","stm":"1764000000000"}'
 */
export function withStm(json: string, stm: string): string {
  return `${json.slice(0, -1)},"stm":"${stm}"}`;
}

/**
 * How many leading events fit in one body of at most `maxBytes`, counting the envelope, the commas
 * and each event's `stm` exactly. Always at least one: an event larger than the cap by itself is
 * sent alone.
 */
export function countFitting(events: readonly QueuedPayload[], maxBytes: number): number {
  let bytes = ENVELOPE_BYTES - 1;
  let count = 0;
  for (const event of events) {
    bytes += event.bytes + STM_BYTES + 1;
    if (count > 0 && bytes > maxBytes) break;
    count++;
  }
  return count;
}

/**
 * The POST body of one attempt: the `payload_data` envelope around each event's queued text with
 * the attempt's `stm` added. No event is serialized again.
 *
 * @param events - the batch, oldest first.
 * @param stm - the attempt's send time, in ms.
 */
export function buildPostBody(events: readonly QueuedPayload[], stm: string): string {
  return `${BODY_START}${events.map((event) => withStm(event.json, stm)).join(',')}]}`;
}
