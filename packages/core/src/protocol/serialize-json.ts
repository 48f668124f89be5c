import { FloeError } from '../errors/floe-error';
import { jsonToWellFormed } from './well-formed';

/**
 * Serialises a value as compact JSON for `ue_*`, `co`/`cx` (tracker protocol §5.1): lone
 * surrogates in keys and strings become U+FFFD, `-0` becomes `0`, and `undefined` properties are
 * omitted. Anything that would not round-trip is refused.
 *
 * @param value - the data of a self-describing JSON.
 * @param what - what the value is, for the error message (e.g. `data`).
 * @returns well-formed compact JSON text.
 * @throws FloeError (`invalid_event`) for cycles, BigInt, NaN, ±Infinity, functions, symbols, a
 *   missing value, or undefined array items.
 */
export function serializeJson(value: unknown, what: string): string {
  let text: string | undefined;
  try {
    // The native serialiser without a replacer keeps V8's fast path; a replacer costs 2–3×.
    text = JSON.stringify(value);
  } catch (error) {
    // TypeError for cycles and BigInt, RangeError for nesting too deep, anything a getter throws.
    invalid(`${what} cannot be serialised as JSON: ${(error as Error)?.message ?? error}`, error);
  }
  if (text === undefined) invalid(`${what} is missing`);
  // JSON.stringify silently turns NaN and ±Infinity into null and drops functions, symbols and
  // undefined array items (or nulls them). The value is known to be acyclic now, so one walk
  // finds them.
  const lossy = findLossy(value);
  if (lossy !== undefined) {
    const [path, bad] = lossy;
    const shown = typeof bad === 'number' || bad === undefined ? bad : typeof bad;
    invalid(`${what}: ${shown} at "${path || '/'}" is not JSON`);
  }
  return jsonToWellFormed(text);
}

// The JSON pointer and the value of the first thing JSON.stringify would lose, if any. The path
// is only built on the way back up from a find, so a clean value allocates nothing.
function findLossy(value: unknown): [string, unknown] | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : ['', value];
  if (typeof value === 'function' || typeof value === 'symbol') return ['', value];
  // JSON.stringify serialises what toJSON returns (a Date's ISO string), not the object.
  if (typeof value !== 'object' || value === null) return undefined;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return undefined;
  // Arrays by index: a hole or an undefined item would be written as null.
  const keys = Array.isArray(value) ? value.keys() : Object.keys(value);
  for (const key of keys) {
    const item = (value as Record<string, unknown>)[key];
    const found: [string, unknown] | undefined =
      item === undefined && Array.isArray(value) ? ['', item] : findLossy(item);
    if (found !== undefined) return [`/${key}${found[0]}`, found[1]];
  }
  return undefined;
}

function invalid(message: string, cause?: unknown): never {
  throw new FloeError('invalid_event', message, { cause });
}
