import { FloeError } from '../errors/floe-error';
import { MAX_EVENT_BYTES } from '../protocol/event-size';
import type { Payload } from '../protocol/payload';
import { utf8Length } from '../protocol/utf8-length';
import { jsonToWellFormed } from '../protocol/well-formed';
import type { QueuedPayload } from '../store/event-store';

/**
 * Turns a payload into the text a store keeps: one `JSON.stringify`, then its UTF-8 size and the
 * size cap. Every value is sent as a string (tracker protocol §5.4: one number turns a whole POST
 * into a bad row), so numbers and booleans are stringified and `undefined`/`null` left out; `stm`
 * is left out too (it is stamped per attempt); a lone surrogate becomes U+FFFD (§5.1).
 *
 * @param payload - the event as given to `add()`.
 * @param queuedAt - wall-clock ms now.
 * @param seq - the emitter's sequence number for the event.
 * @returns the queued event, or the error that rejects it: `invalid_event` (no `eid`, or a value
 *   that cannot be sent: an object, a BigInt, NaN) or `too_large`.
 */
export function queuePayload(
  payload: Payload,
  queuedAt: number,
  seq: number,
): QueuedPayload | FloeError {
  const eid = payload?.['eid'];
  if (typeof eid !== 'string' || !eid) return new FloeError('invalid_event', 'event has no eid');
  let fixed: Record<string, string> | undefined;
  for (const key in payload) {
    const value: unknown = payload[key];
    if (typeof value === 'string' && key !== 'stm') continue;
    fixed ??= { ...payload };
    if (key === 'stm' || value == null) delete fixed[key];
    else if (typeof value === 'number' && Number.isFinite(value)) fixed[key] = String(value);
    else if (typeof value === 'boolean') fixed[key] = value ? '1' : '0';
    else return new FloeError('invalid_event', `event value ${key} is not sendable`);
  }
  const json = jsonToWellFormed(JSON.stringify(fixed ?? payload));
  const bytes = utf8Length(json);
  if (bytes > MAX_EVENT_BYTES) {
    return new FloeError('too_large', `event of ${bytes} B > ${MAX_EVENT_BYTES} B`);
  }
  return { eid, json, bytes, queuedAt, seq };
}
