import { FloeError } from '../errors/floe-error';
import type { Payload } from '../protocol/payload';
import { MAX_EVENT_BYTES } from '../payload/check-event-size';
import type { EventText } from '../payload/deferred-text';
import { EncodedEvent } from '../payload/encoded-event';
import { EventTooLargeError } from '../payload/event-too-large-error';
import { utf8Length } from '../payload/utf8-length';
import type { QueuedEvent } from '../store/event-store';
import { PreparedEvent } from '../store/prepared-event';
import { buildGetPath, MAX_GET_PATH_BYTES } from './get-path';
import { hasLoneSurrogate, normalizePayload, repairSurrogates } from './normalize-payload';

export { MAX_EVENT_BYTES };

/** What {@link prepareEvent} needs to know about its emitter. */
export interface PrepareContext {
  readonly now: number;
  readonly seq: number;
  /** Set for GET emitters that may not fall back to POST: the endpoint's path prefix. */
  readonly getOnlyPrefix?: string;
}

/**
 * Turns a payload into a queued event on `add()`'s hot path: one `JSON.stringify`, a byte count,
 * and the size checks. Only the JSON text is kept (sends never serialize the event again); the
 * payload object is rebuilt from it on the rare occasions it is needed.
 *
 * @returns the event, or the error that rejects it (`invalid_event` or `too_large`).
 */
export function prepareEvent(input: Payload, context: PrepareContext): QueuedEvent | FloeError {
  let payload = normalizePayload(input);
  if (!payload) return new FloeError('invalid_event', 'event has a value that is not a string');
  const eid = payload['eid'];
  if (typeof eid !== 'string' || eid.length === 0) {
    return new FloeError('invalid_event', 'event has no eid');
  }
  if (payload['stm'] !== undefined) {
    // stm is stamped per attempt; a stale one must not be sent twice in one event.
    const { stm: _stm, ...rest } = payload;
    payload = rest;
  }
  // Checked on the strings, not the JSON text: one-byte strings (most values) answer in O(1).
  if (hasLoneSurrogate(payload)) payload = repairSurrogates(payload);
  let json: string;
  try {
    json = JSON.stringify(payload);
  } catch (cause) {
    return new FloeError('invalid_event', 'event cannot be serialized', { cause });
  }
  return admit(eid, json, utf8Length(json), payload, context);
}

/**
 * Queues an event a tracker serialised already ({@link EncodedEvent}): only the size checks run;
 * the payload object is parsed only for a GET-only emitter's path check.
 *
 * @returns the event, or the `too_large` error that rejects it.
 */
export function prepareEncodedEvent(
  event: EncodedEvent,
  context: PrepareContext,
): QueuedEvent | FloeError {
  return admit(event.eid, event.source, event.bytes, event, context, event.eidInText);
}

function admit(
  eid: string,
  json: EventText,
  bytes: number,
  source: Payload | EncodedEvent,
  context: PrepareContext,
  eidInText = false,
): QueuedEvent | FloeError {
  if (bytes > MAX_EVENT_BYTES) return new EventTooLargeError(bytes, MAX_EVENT_BYTES);
  if (context.getOnlyPrefix !== undefined) {
    const payload = source instanceof EncodedEvent ? source.payload : source;
    const length = buildGetPath(context.getOnlyPrefix, payload).length;
    if (length > MAX_GET_PATH_BYTES) return getTooLarge(length);
  }
  return new PreparedEvent(eid, json, bytes, context.now, context.seq, eidInText);
}

/** The error for a GET event whose path and query would pass the 20,000 B cap. */
export function getTooLarge(length: number): FloeError {
  return new FloeError(
    'too_large',
    `GET path and query would be ${length} bytes, over the ${MAX_GET_PATH_BYTES}-byte cap`,
  );
}
