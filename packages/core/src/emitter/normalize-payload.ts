import type { Payload } from '../payload';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// ES2024's String.prototype.isWellFormed answers in O(1) for one-byte strings (most values);
// runtimes without it fall back to a regex scan.
const wellFormed: (text: string) => boolean =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (text) => (text as unknown as { isWellFormed(): boolean }).isWellFormed()
    : (text) => !HAS_LONE_SURROGATE.test(text);

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
    if (!wellFormed(key) || !wellFormed(payload[key] as string)) return true;
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
    fixed[key.replace(LONE_SURROGATE, '\uFFFD')] = (payload[key] as string).replace(
      LONE_SURROGATE,
      '\uFFFD',
    );
  }
  return fixed;
}
