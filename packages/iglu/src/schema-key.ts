import { IgluError } from './iglu-error';
import { compareSchemaVer, formatSchemaVer, type SchemaVer } from './schema-ver';

/** The four coordinates that name one schema: vendor, name, format and version. */
export interface SchemaKey {
  readonly vendor: string;
  readonly name: string;
  readonly format: string;
  readonly version: SchemaVer;
}

/** The grammar of codegen.md §1.1, anchored at both ends. */
const IGLU_URI = /^iglu:([a-zA-Z0-9_.-]+)\/([a-zA-Z0-9_-]+)\/([a-zA-Z0-9_-]+)\/(\d+)-(\d+)-(\d+)$/;

/** An `iglu:` URI inside `$ref`, possibly followed by a fragment such as `#/definitions/x`. */
const IGLU_REF =
  /^iglu:([a-zA-Z0-9_.-]+)\/([a-zA-Z0-9_-]+)\/([a-zA-Z0-9_-]+)\/(\d+)-(\d+)-(\d+)(?:#.*)?$/;

/** The HTTP form used inside `$ref`; the fragment after `#` (if any) is not part of the key. */
const HTTP_REF =
  /^https?:\/\/iglucentral\.com\/schemas\/([a-zA-Z0-9_.-]+)\/([a-zA-Z0-9_-]+)\/([a-zA-Z0-9_-]+)\/(\d+)-(\d+)-(\d+)(?:#.*)?$/;

function keyFromMatch(match: RegExpExecArray): SchemaKey | undefined {
  const version = {
    model: Number(match[4]),
    revision: Number(match[5]),
    addition: Number(match[6]),
  };
  if (!Number.isSafeInteger(version.model + version.revision + version.addition)) return undefined;
  return { vendor: match[1]!, name: match[2]!, format: match[3]!, version };
}

/**
 * Parses an `iglu:vendor/name/format/M-R-A` URI.
 *
 * @param uri - e.g. `iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1`
 * @throws IgluError with code `invalid_uri` when the URI does not follow the grammar
 * @example
 * parseIgluUri('iglu:com.acme/save/jsonschema/1-0-0').version; // { model: 1, revision: 0, addition: 0 }
 */
export function parseIgluUri(uri: string): SchemaKey {
  const match = typeof uri === 'string' ? IGLU_URI.exec(uri) : null;
  const key = match ? keyFromMatch(match) : undefined;
  if (!key) {
    throw new IgluError(
      'invalid_uri',
      `Invalid Iglu URI ${JSON.stringify(uri)}: expected iglu:VENDOR/NAME/FORMAT/MODEL-REVISION-ADDITION`,
    );
  }
  return key;
}

/**
 * Formats a key as an `iglu:` URI.
 *
 * @param key - the schema key
 */
export function formatIgluUri(key: SchemaKey): string {
  return `iglu:${key.vendor}/${key.name}/${key.format}/${formatSchemaVer(key.version)}`;
}

/**
 * Reads a schema key out of a `$ref`: an `iglu:` URI, or an
 * `http(s)://iglucentral.com/schemas/VENDOR/NAME/FORMAT/M-R-A#` URL. Any fragment after `#`
 * is not part of the key.
 *
 * @param ref - the `$ref` value
 * @returns the key, or `undefined` for any other reference (local `#/…`, other hosts)
 */
export function schemaKeyFromRef(ref: string): SchemaKey | undefined {
  if (typeof ref !== 'string') return undefined;
  const match = IGLU_REF.exec(ref) ?? HTTP_REF.exec(ref);
  return match ? keyFromMatch(match) : undefined;
}

/**
 * Whether two keys name the same schema.
 *
 * @param a - first key
 * @param b - second key
 */
export function schemaKeysEqual(a: SchemaKey, b: SchemaKey): boolean {
  return (
    a.vendor === b.vendor &&
    a.name === b.name &&
    a.format === b.format &&
    compareSchemaVer(a.version, b.version) === 0
  );
}
