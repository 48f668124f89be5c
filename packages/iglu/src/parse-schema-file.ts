import { SELF_DESCRIBING_META_SCHEMA_URI } from './constants';
import { isJsonObject } from './json-schema';
import type { RegistryIssue } from './registry-issue';
import type { SchemaEntry } from './schema-entry';
import { formatIgluUri, parseIgluUri, type SchemaKey, schemaKeysEqual } from './schema-key';

/** What {@link parseSchemaFile} needs to know about one file. */
export interface SchemaFileInput {
  /** Key given by the file's location. */
  readonly key: SchemaKey;
  readonly file: string;
  readonly text: string;
}

/** A parsed file: the entry (absent when the file cannot be used) and its layout issues. */
export interface ParsedSchemaFile {
  readonly entry?: SchemaEntry;
  readonly issues: RegistryIssue[];
}

function selfKey(self: unknown): SchemaKey | undefined {
  if (!isJsonObject(self)) return undefined;
  const { vendor, name, format, version } = self;
  if ([vendor, name, format, version].some((part) => typeof part !== 'string')) return undefined;
  try {
    return parseIgluUri(`iglu:${vendor}/${name}/${format}/${version}`);
  } catch {
    return undefined;
  }
}

/**
 * Parses one schema file and runs the layout checks igluctl runs before linting: the text is
 * JSON, the root is an object, `self` is well formed and equals the path (`PathMismatch`), and
 * `$schema` is the exact self-describing URI (`schemaUri`, reported but the entry is kept).
 * Never throws.
 *
 * @param input - the key from the path, the absolute file name and the text
 */
export function parseSchemaFile(input: SchemaFileInput): ParsedSchemaFile {
  const { key, file, text } = input;
  const uri = formatIgluUri(key);
  const relativePath = uri.slice('iglu:'.length);
  const issue = (code: string, message: string): RegistryIssue => ({
    level: 'error',
    code,
    message,
    uri,
    file,
  });
  let schema: unknown;
  try {
    // A leading byte-order mark is an editor artefact, not content.
    schema = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      issues: [issue('InvalidJson', `${relativePath}: not JSON (${(error as Error).message})`)],
    };
  }
  if (!isJsonObject(schema)) {
    return { issues: [issue('InvalidSchema', `${relativePath}: the schema is not a JSON object`)] };
  }
  const self = selfKey(schema['self']);
  if (!self) {
    return {
      issues: [
        issue(
          'InvalidSelf',
          `${relativePath}: missing or malformed self block (vendor, name, format, version strings)`,
        ),
      ],
    };
  }
  if (!schemaKeysEqual(self, key)) {
    const found = formatIgluUri(self);
    return {
      issues: [issue('PathMismatch', `${relativePath}: self is ${found} but the path says ${uri}`)],
    };
  }
  const issues: RegistryIssue[] = [];
  if (schema['$schema'] !== SELF_DESCRIBING_META_SCHEMA_URI) {
    issues.push({
      ...issue(
        'schemaUri',
        `${relativePath}: $schema must be exactly ${SELF_DESCRIBING_META_SCHEMA_URI}, found ${JSON.stringify(schema['$schema'])}`,
      ),
      pointer: '',
    });
  }
  return { entry: { key, uri, file, relativePath, schema, text }, issues };
}
