import { InvalidEventError } from './invalid-event-error';
import { jsonToWellFormed } from './well-formed';

/**
 * Serialises a value as compact JSON for `ue_*`, `co`/`cx` (tracker protocol §5.1): lone
 * surrogates in keys and strings become U+FFFD, `-0` becomes `0`, and `undefined` properties are
 * omitted. Anything that would not round-trip is refused.
 *
 * @param value - the data of a self-describing JSON.
 * @param what - what the value is, for the error message (e.g. `data`).
 * @returns well-formed compact JSON text.
 * @throws InvalidEventError for cycles, BigInt, NaN, ±Infinity, functions, symbols, a missing
 *   value, or undefined array items.
 */
export function serializeJson(value: unknown, what: string): string {
  let text: string | undefined;
  try {
    // The native serialiser without a replacer keeps V8's fast path; a replacer costs 2–3×.
    text = JSON.stringify(value);
  } catch (error) {
    // TypeError for cycles and BigInt, RangeError for nesting too deep, anything a getter throws.
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidEventError(`${what} cannot be serialised as JSON: ${reason}`, {
      cause: error,
    });
  }
  if (text === undefined) throw new InvalidEventError(`${what} is missing`);
  // JSON.stringify silently turns NaN and ±Infinity into null and drops functions, symbols and
  // undefined array items (or nulls them). The value is known to be acyclic now, so one walk
  // finds them.
  if (hasLossyValue(value)) {
    throw new InvalidEventError(`${what}: ${describeLossyValue(value, '') ?? 'not JSON'}`);
  }
  return jsonToWellFormed(text);
}

function hasLossyValue(value: unknown): boolean {
  switch (typeof value) {
    case 'number':
      return !Number.isFinite(value);
    case 'object': {
      if (value === null) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item === undefined || hasLossyValue(item)) return true;
        }
        return false;
      }
      // JSON.stringify serialises what toJSON returns (a Date's ISO string), not the object.
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
      const record = value as Record<string, unknown>;
      for (const key in record) if (hasLossyValue(record[key])) return true;
      return false;
    }
    case 'function':
    case 'symbol':
      return true;
    default:
      return false;
  }
}

// The slow twin of hasLossyValue, run only to name the culprit in the error message.
function describeLossyValue(value: unknown, path: string): string | undefined {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return `${String(value)} at "${path || '/'}" is not a JSON number`;
  }
  if (typeof value === 'function' || typeof value === 'symbol') {
    return `a ${typeof value} at "${path || '/'}" cannot be serialised as JSON`;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (value[i] === undefined) return `undefined at "${path}/${i}" cannot be serialised as JSON`;
      const found = describeLossyValue(value[i], `${path}/${i}`);
      if (found) return found;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const found = describeLossyValue(record[key], `${path}/${key}`);
    if (found) return found;
  }
  return undefined;
}
