import { parseIgluUri } from '@floe/iglu';
import type { FailureMessage } from '../badrows/failure-message';

/** The outcome of `checkSelfDescribing`. */
export type SelfDescribingCheck =
  | { readonly ok: true; readonly schema: string; readonly data: unknown }
  | { readonly ok: false; readonly message: FailureMessage };

const URI_SHAPE = /^iglu:[^/]+\/[^/]+\/[^/]+\/[^/]*$/;

function criterionPattern(criterion: string): RegExp {
  const escaped = criterion.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '\\d+');
  return new RegExp(`^${escaped}$`);
}

const patterns = new Map<string, RegExp>();
/** URIs already checked: events repeat the same few schemas, and the grammar is a regex. */
const validUris = new Set<string>();

function isValidUri(uri: string): boolean {
  if (validUris.has(uri)) return true;
  try {
    parseIgluUri(uri);
  } catch {
    return false;
  }
  if (validUris.size >= 10_000) validUris.clear();
  validUris.add(uri);
  return true;
}

/**
 * Checks that a value is self-describing JSON (`{"schema": <Iglu URI>, "data": …}`) and,
 * optionally, that its schema matches a criterion such as
 * `iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-*`. Validation against the
 * schema is a separate step.
 *
 * @param value - any parsed JSON
 * @param criterion - a schema criterion with `*` wildcards in the version
 */
export function checkSelfDescribing(value: unknown, criterion?: string): SelfDescribingCheck {
  const object =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  const schema = object?.['schema'];
  if (typeof schema !== 'string') {
    return { ok: false, message: { json: value, error: 'INVALID_SCHEMA' } };
  }
  if (!isValidUri(schema)) {
    const error = URI_SHAPE.test(schema) ? 'INVALID_SCHEMAVER' : 'INVALID_IGLUURI';
    return { ok: false, message: { json: value, error } };
  }
  if (!object || !('data' in object)) {
    return { ok: false, message: { json: value, error: 'INVALID_DATA_PAYLOAD' } };
  }
  if (criterion) {
    let pattern = patterns.get(criterion);
    if (!pattern) {
      pattern = criterionPattern(criterion);
      patterns.set(criterion, pattern);
    }
    if (!pattern.test(schema)) {
      return { ok: false, message: { schemaKey: schema, schemaCriterion: criterion } };
    }
  }
  return { ok: true, schema, data: object['data'] };
}
