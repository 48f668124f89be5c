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
    throw new FloeError(
      'invalid_event',
      `${what} cannot be serialised as JSON: ${message(error)}`,
      {
        cause: error,
      },
    );
  }
  if (text === undefined) throw new FloeError('invalid_event', `${what} is missing`);
  // JSON.stringify silently turns NaN and ±Infinity into null and drops functions, symbols and
  // undefined array items (or nulls them). The value is known to be acyclic now, so one walk
  // finds them.
  const lossy = findLossy(value);
  if (lossy !== undefined) {
    const [at, bad] = lossy;
    const path = `"${at || '/'}"`;
    throw new FloeError(
      'invalid_event',
      typeof bad === 'number'
        ? `${what}: ${bad} at ${path} is not a JSON number`
        : `${what}: ${bad === undefined ? 'undefined' : `a ${typeof bad}`} at ${path} cannot be serialised as JSON`,
    );
  }
  return jsonToWellFormed(text);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// The JSON pointer and the value of the first thing JSON.stringify would lose, if any. The path
// is only built on the way back up from a find, so a clean value allocates nothing.
function findLossy(value: unknown): [string, unknown] | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : ['', value];
  if (typeof value === 'function' || typeof value === 'symbol') return ['', value];
  if (typeof value !== 'object' || value === null) return undefined;
  // JSON.stringify serialises what toJSON returns (a Date's ISO string), not the object.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return undefined;
  if (Array.isArray(value)) {
    // By index: a hole or an undefined item would be written as null.
    for (let i = 0; i < value.length; i++) {
      const found: [string, unknown] | undefined =
        value[i] === undefined ? ['', undefined] : findLossy(value[i]);
      if (found !== undefined) return [`/${i}${found[0]}`, found[1]];
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const found = findLossy(record[key]);
    if (found !== undefined) return [`/${key}${found[0]}`, found[1]];
  }
  return undefined;
}
