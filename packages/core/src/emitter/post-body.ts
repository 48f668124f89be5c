import type { QueuedEvent } from '../store/event-store';

/** The Iglu schema of every POST body (tracker protocol §6.3). */
export const PAYLOAD_DATA_SCHEMA =
  'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4';
/** The default POST path of a Snowplow collector. */
export const DEFAULT_POST_PATH = '/com.snowplowanalytics.snowplow/tp2';
/** The exact Content-Type of a POST; the pipeline accepts only three spellings. */
export const POST_CONTENT_TYPE = 'application/json; charset=UTF-8';

/** What a POST body starts with, before its first event. */
export const BODY_START = `{"schema":"${PAYLOAD_DATA_SCHEMA}","data":[`;
/** What a POST body ends with, after its last event. */
export const BODY_END = ']}';
/** Bytes of the `payload_data` envelope around the events (88, all ASCII). */
export const ENVELOPE_BYTES = BODY_START.length + BODY_END.length;
/** Bytes `,"stm":"` and the closing quote add to an event, besides the digits. */
const STM_OVERHEAD = 9;

/** The compact JSON text of a queued event, serialized now if the store did not keep it. */
export function eventJson(event: QueuedEvent): string {
  return event.json ?? JSON.stringify(event.payload);
}

/**
 * The JSON texts of a batch's events, written now, so that a batch taken ahead of its turn is
 * ready when its turn comes (self-describing events are queued in pieces, see `DeferredText`).
 */
export function writeTexts(events: readonly QueuedEvent[]): string[] {
  const texts = new Array<string>(events.length);
  for (let i = 0; i < events.length; i++) texts[i] = eventJson(events[i] as QueuedEvent);
  return texts;
}

/**
 * Exact UTF-8 size of the body {@link buildPostBody} would produce for the first `count` events
 * with an `stm` of `stmLength` digits: envelope, commas and `stm` included.
 */
export function postBodyBytes(
  events: readonly QueuedEvent[],
  stmLength: number,
  count = events.length,
): number {
  let bytes = ENVELOPE_BYTES + Math.max(0, count - 1);
  for (let i = 0; i < count; i++)
    bytes += (events[i] as QueuedEvent).bytes + STM_OVERHEAD + stmLength;
  return bytes;
}

/**
 * How many leading events fit in one body of at most `maxBytes` (always at least one: an event
 * larger than the cap by itself is sent alone).
 */
export function countFitting(
  events: readonly QueuedEvent[],
  maxBytes: number,
  stmLength: number,
): number {
  let bytes = ENVELOPE_BYTES;
  let count = 0;
  for (const event of events) {
    const next = bytes + event.bytes + STM_OVERHEAD + stmLength + (count > 0 ? 1 : 0);
    if (count > 0 && next > maxBytes) break;
    bytes = next;
    count++;
  }
  return count;
}

/**
 * The POST body for one attempt: the `payload_data` envelope with each event's precomputed JSON
 * and this attempt's `stm` spliced in, so no event is serialized again.
 *
 * @param events - the batch, oldest first.
 * @param stm - the attempt's send time, ms digits.
 * @param texts - the events' texts when they were written already (`Batch.texts`).
 */
export function buildPostBody(
  events: readonly QueuedEvent[],
  stm: string,
  texts?: readonly string[],
): string {
  const parts = new Array<string>(events.length);
  for (let i = 0; i < events.length; i++) {
    parts[i] = withStm(texts?.[i] ?? eventJson(events[i] as QueuedEvent), stm);
  }
  return BODY_START + parts.join(',') + BODY_END;
}

function withStm(json: string, stm: string): string {
  const open = json.length > 2 ? ',' : '';
  return json.slice(0, -1) + open + '"stm":"' + stm + '"}';
}
