import type { JsonSchema } from './json-schema';
import type { SchemaKey } from './schema-key';

/** One schema file read from a registry folder. */
export interface SchemaEntry {
  /** Coordinates from the file path (equal to the `self` block, or the file is not an entry). */
  readonly key: SchemaKey;
  /** `iglu:vendor/name/format/M-R-A`. */
  readonly uri: string;
  /** Absolute path of the file. */
  readonly file: string;
  /** `vendor/name/format/M-R-A`, always with forward slashes. */
  readonly relativePath: string;
  /** The parsed schema. */
  readonly schema: JsonSchema;
  /** The file's text exactly as read. */
  readonly text: string;
}
