import { type IgluUri, isIgluUri } from '../protocol/iglu-uri';
import { flatten } from './flatten';
import { InvalidEventError } from './invalid-event-error';
import { serializeJson } from './serialize-json';

/** The envelope of a self-describing event, `ue_pr`/`ue_px` (tracker protocol §2.4). */
export const UNSTRUCT_EVENT_SCHEMA =
  'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0';

/** The envelope of an event's entities, `co`/`cx` (tracker protocol §3). */
export const CONTEXTS_SCHEMA = 'iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1';

// Spelled out rather than concatenated, so that bundlers can drop them when unused.
/** The `unstruct_event` envelope up to its data: the event's self-describing JSON follows. */
export const UNSTRUCT_PREFIX =
  '{"schema":"iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0","data":';
/** The `contexts` envelope up to its array's first item. */
export const CONTEXTS_PREFIX =
  '{"schema":"iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1","data":[';

// Apps track a handful of schemas over and over: remember which URIs passed the pattern, so the
// regular expression runs once per URI. Bounded, in case URIs are built per event.
const knownUris = new Set<string>();
const MAX_KNOWN_URIS = 1024;

function isKnownIgluUri(schema: unknown): schema is IgluUri {
  if (typeof schema === 'string' && knownUris.has(schema)) return true;
  if (!isIgluUri(schema)) return false;
  if (knownUris.size >= MAX_KNOWN_URIS) knownUris.clear();
  knownUris.add(schema);
  return true;
}

/** A self-describing JSON serialised in two parts, before they are put together. */
export interface SelfDescribingParts {
  /** The Iglu URI: it matched the Iglu pattern, so it is plain ASCII needing no JSON escaping. */
  readonly schema: string;
  /** The data as compact, well-formed JSON text. */
  readonly data: string;
}

/**
 * Checks and serialises a self-describing JSON into its URI and its data's JSON text. Callers that
 * escape or encode the result (`ue_pr`, `ue_px`) start from the parts, so nothing is joined,
 * flattened and taken apart again.
 *
 * @param sdj - the value to serialise; checked at run time, since JavaScript callers skip types.
 * @param role - `event` or `entity`, for the error message.
 * @throws InvalidEventError for a non-object, an invalid Iglu URI or data that cannot be
 *   serialised.
 */
export function selfDescribingParts(sdj: unknown, role: string): SelfDescribingParts {
  if (typeof sdj !== 'object' || sdj === null) {
    throw new InvalidEventError(`${role}: not a self-describing JSON object`);
  }
  const { schema, data } = sdj as { schema?: unknown; data?: unknown };
  if (!isKnownIgluUri(schema)) {
    const shown = typeof schema === 'string' ? JSON.stringify(schema) : typeof schema;
    throw new InvalidEventError(`${role}: ${shown} is not a valid Iglu URI`);
  }
  try {
    return { schema, data: serializeJson(data, 'data') };
  } catch (error) {
    throw new InvalidEventError(`${role} ${schema}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * An entity as serialised for an event: its text (a global context, written once) or its parts (an
 * entity given with a call, which is escaped or encoded from its parts when its batch is taken,
 * so `track()` never joins and flattens its text).
 */
export type EntityText = string | SelfDescribingParts;

/** An entity's `{"schema":…,"data":…}` text, joined if it is still in parts. */
export function entityJson(entity: EntityText): string {
  return typeof entity === 'string' ? entity : joinSelfDescribing(entity);
}

/**
 * Joins the parts of a self-describing JSON as `{"schema":…,"data":…}`, schema first so
 * snapshots are stable, and with no other keys.
 */
export function joinSelfDescribing(parts: SelfDescribingParts): string {
  return '{"schema":"' + parts.schema + '","data":' + parts.data + '}';
}

/**
 * Serialises a self-describing JSON as `{"schema":…,"data":…}` (see {@link selfDescribingParts}),
 * flat, because entity texts are measured, sliced and escaped next.
 *
 * @throws InvalidEventError as {@link selfDescribingParts} does.
 */
export function selfDescribingText(sdj: unknown, role: string): string {
  return flatten(joinSelfDescribing(selfDescribingParts(sdj, role)));
}

/**
 * Wraps a serialised self-describing event in the `unstruct_event` 1-0-0 envelope.
 *
 * @param eventText - output of {@link selfDescribingText}.
 */
export function unstructEventText(eventText: string): string {
  return UNSTRUCT_PREFIX + eventText + '}';
}

/**
 * Wraps serialised entities in the `contexts` 1-0-1 envelope. Callers omit the key instead of
 * calling this with no entities: an empty `data: []` is never sent.
 *
 * @param entityTexts - outputs of {@link selfDescribingText}, in wire order.
 */
export function contextsText(entityTexts: readonly string[]): string {
  return CONTEXTS_PREFIX + entityTexts.join(',') + ']}';
}
