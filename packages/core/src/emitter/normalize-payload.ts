import type { Payload } from '../protocol/payload';
import { isWellFormed, toWellFormed } from '../payload/well-formed';

/**
 * Makes a payload safe to send: every value a string (tracker protocol §5.4; one non-string value
 * turns a whole POST into a bad row) and every string well-formed (§5.1). Trackers already build
 * payloads this way; this guards events handed to an emitter directly. Returns the same object
 * when nothing needs fixing, or `undefined` when a value cannot be sent (an object, a non-finite
 * number, a BigInt).
 *
 * @param payload - the event as given to `add()`.
 */
export function normalizePayload(payload: Payload): Payload | undefined {
  let fixed: Record<string, string> | undefined;
  for (const key in payload) {
    const value: unknown = payload[key];
    if (typeof value === 'string') continue;
    fixed ??= { ...payload };
    if (value === undefined || value === null) delete fixed[key];
    else if (typeof value === 'number' && Number.isFinite(value)) fixed[key] = String(value);
    else if (typeof value === 'boolean') fixed[key] = value ? '1' : '0';
    else return undefined;
  }
  return fixed ?? payload;
}

/**
 * Whether a key or value of a payload of string values holds a lone surrogate (which
 * `JSON.stringify` would escape as `\udXXX` and a collector would turn into a bad row).
 *
 * @param payload - a payload of string values.
 */
export function hasLoneSurrogate(payload: Payload): boolean {
  for (const key in payload) {
    if (!isWellFormed(key) || !isWellFormed(payload[key] as string)) return true;
  }
  return false;
}

/**
 * Replaces lone surrogates in keys and values with U+FFFD. Only called when
 * {@link hasLoneSurrogate} found one, so well-formed payloads never pay for it.
 *
 * @param payload - a payload of string values.
 */
export function repairSurrogates(payload: Payload): Payload {
  const fixed: Record<string, string> = {};
  for (const key in payload) {
    fixed[toWellFormed(key)] = toWellFormed(payload[key] as string);
  }
  return fixed;
}
