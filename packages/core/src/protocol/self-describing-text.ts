import { FloeError } from '../errors/floe-error';
import { isIgluUri } from './iglu-uri';
import { serializeJson } from './serialize-json';

/**
 * Checks and serialises a self-describing JSON as `{"schema":…,"data":…}`: schema first, so the
 * text of the same value is always the same, and no other keys.
 *
 * @param sdj - the value to serialise; checked at run time, since JavaScript callers skip types.
 * @param role - `event`, `entity` or `global context`, for the error message.
 * @throws FloeError (`invalid_event`) for a non-object, an invalid Iglu URI or data that cannot
 *   be serialised.
 */
export function selfDescribingText(sdj: unknown, role: string): string {
  const { schema, data } = (sdj ?? {}) as { schema?: unknown; data?: unknown };
  if (!isIgluUri(schema)) {
    const shown = typeof schema === 'string' ? JSON.stringify(schema) : typeof schema;
    throw new FloeError('invalid_event', `${role}: ${shown} is not a valid Iglu URI`);
  }
  let json: string;
  try {
    json = serializeJson(data, 'data');
  } catch (error) {
    throw new FloeError('invalid_event', `${role} ${schema}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  // The URI matched the Iglu pattern, so it needs no escaping.
  return `{"schema":"${schema}","data":${json}}`;
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
