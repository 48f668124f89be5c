import { FloeError } from '../errors/floe-error';
import { isIgluUri } from './iglu-uri';
import { jsonToWellFormed } from './well-formed';

/**
 * Checks and serialises a self-describing JSON as `{"schema":…,"data":…}`: schema first, so the
 * text of the same value is always the same, and no other keys. The data is compact JSON
 * (tracker protocol §5.1): lone surrogates in keys and strings become U+FFFD, `-0` becomes `0`,
 * `undefined` properties are omitted, and anything that would not round-trip is refused.
 *
 * @param sdj - the value to serialise; checked at run time, since JavaScript callers skip types.
 * @throws FloeError (`invalid_event`) for a non-object, an invalid Iglu URI, or data with a cycle,
 *   a BigInt, NaN, ±Infinity, a function, a symbol, an undefined array item, or no data at all.
 */
export function selfDescribingText(sdj: unknown): string {
  const { schema, data } = (sdj ?? {}) as { schema?: unknown; data?: unknown };
  if (!isIgluUri(schema)) invalid(`${JSON.stringify(schema)} is not an Iglu URI`);
  let json: string | undefined;
  try {
    // The native serialiser without a replacer keeps V8's fast path; a replacer costs 2–3×.
    json = JSON.stringify(data);
  } catch (error) {
    // TypeError for cycles and BigInt, RangeError for nesting too deep, anything a getter throws.
    invalid(`${schema}: data is not JSON (${(error as Error)?.message})`, error);
  }
  // JSON.stringify silently turns NaN and ±Infinity into null and drops functions, symbols and
  // undefined (or nulls them in arrays). The data is known to be acyclic now: one walk finds them.
  const lossy = json === undefined ? ['', data] : findLossy(data);
  if (lossy !== undefined) {
    const [path, bad] = lossy;
    const shown = typeof bad === 'number' || bad === undefined ? bad : typeof bad;
    invalid(`${schema}: ${shown} at "${path || '/'}" is not JSON`);
  }
  // The URI matched the Iglu pattern, so it needs no escaping.
  return `{"schema":"${schema}","data":${jsonToWellFormed(json!)}}`;
}

/**
 * The `unstruct_event` 1-0-0 envelope of `ue_pr`/`ue_px` (§2.4) around an event's text.
 *
 * @param eventText - output of {@link selfDescribingText}.
 */
export function unstructEventJson(eventText: string): string {
  return `{"schema":"iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0","data":${eventText}}`;
}

/**
 * The `contexts` 1-0-1 envelope of `co`/`cx` (§3) around entity texts. Callers omit the key
 * instead of calling this with no entities: an empty `data: []` is never sent.
 *
 * @param entityTexts - outputs of {@link selfDescribingText}, in wire order.
 */
export function contextsJson(entityTexts: readonly string[]): string {
  return `{"schema":"iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1","data":[${entityTexts.join(',')}]}`;
}

// The JSON pointer and the value of the first thing JSON.stringify would lose, if any. The path
// is only built on the way back up from a find, so a clean value allocates nothing.
function findLossy(value: unknown): [string, unknown] | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : ['', value];
  if (typeof value === 'function' || typeof value === 'symbol') return ['', value];
  if (typeof value !== 'object' || value === null) return undefined;
  // JSON.stringify serialises what toJSON returns (a Date's ISO string), not the object.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return undefined;
  // Arrays by index: a hole or an undefined item would be written as null.
  const isArray = Array.isArray(value);
  for (const key of isArray ? value.keys() : Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    const found = isArray && item === undefined ? ['', item] : findLossy(item);
    if (found !== undefined) return [`/${key}${found[0]}`, found[1]];
  }
  return undefined;
}

function invalid(message: string, cause?: unknown): never {
  throw new FloeError('invalid_event', message, { cause });
}
