import { InvalidEventError } from './invalid-event-error';
import { jsonToWellFormed } from './well-formed';

// JSON.stringify silently turns NaN and Infinity into null, and drops functions, symbols and
// undefined (or nulls them inside arrays). Those would change the data without a word, so the
// replacer refuses them. Cycles and BigInt make JSON.stringify throw, which is caught below.
function refuseLossyValues(this: unknown, key: string, value: unknown): unknown {
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) {
        throw new InvalidEventError(`${String(value)} at "${key}" is not a JSON number`);
      }
      return value;
    case 'function':
    case 'symbol':
    case 'bigint':
      throw new InvalidEventError(`a ${typeof value} at "${key}" cannot be serialised as JSON`);
    case 'undefined':
      if (Array.isArray(this)) {
        throw new InvalidEventError(`undefined at index ${key} cannot be serialised as JSON`);
      }
      return value;
    default:
      return value;
  }
}

/**
 * Serialises a value as compact JSON for `ue_*`, `co`/`cx` (tracker protocol §5.1): lone
 * surrogates in keys and strings become U+FFFD, `-0` becomes `0`, and `undefined` properties are
 * omitted. Anything that would not round-trip is refused.
 *
 * @param value - the data of a self-describing JSON.
 * @param what - what the value is, for the error message (e.g. `event data`).
 * @returns well-formed compact JSON text.
 * @throws InvalidEventError for cycles, BigInt, NaN, ±Infinity, functions, symbols, a missing
 *   value, or undefined array items.
 */
export function serializeJson(value: unknown, what: string): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, refuseLossyValues);
  } catch (error) {
    if (error instanceof InvalidEventError) {
      throw new InvalidEventError(`${what}: ${error.message}`);
    }
    // TypeError for cycles and BigInt, RangeError for nesting too deep, anything a getter throws.
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidEventError(`${what} cannot be serialised as JSON: ${reason}`, {
      cause: error,
    });
  }
  if (text === undefined) throw new InvalidEventError(`${what} is missing`);
  return jsonToWellFormed(text);
}
