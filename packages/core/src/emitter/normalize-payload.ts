import type { Payload } from '../payload';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

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
 * Replaces lone surrogates in keys and values with U+FFFD. Only called when the JSON text shows an
 * escaped one, so well-formed payloads never pay for it.
 *
 * @param payload - a payload of string values.
 */
export function repairSurrogates(payload: Payload): Payload {
  const fixed: Record<string, string> = {};
  for (const key in payload) {
    fixed[key.replace(LONE_SURROGATE, '\uFFFD')] = (payload[key] as string).replace(
      LONE_SURROGATE,
      '\uFFFD',
    );
  }
  return fixed;
}
