import type { RegistryIssue } from './registry-issue';
import { parseIgluUri, type SchemaKey } from './schema-key';

/** A schema file found at the right depth of a registry folder. */
export interface RegistryFile {
  readonly key: SchemaKey;
  readonly file: string;
}

/** What to do with one directory entry while walking `VENDOR/NAME/FORMAT/VERSION`. */
export type LayoutStep =
  | { readonly kind: 'descend' }
  | { readonly kind: 'skip' }
  | { readonly kind: 'file'; readonly key: SchemaKey }
  | { readonly kind: 'issue'; readonly issue: RegistryIssue };

/** Only this format holds JSON Schemas; avro, thrift and the like are ignored (codegen.md §1.2). */
export const JSON_SCHEMA_FORMAT = 'jsonschema';

/**
 * Classifies one directory entry of a registry. `segments` are the folders above it relative to
 * the root (`[]`, `[vendor]`, `[vendor, name]` or `[vendor, name, format]`).
 *
 * @param segments - the folders between the root and the entry
 * @param name - the entry's name
 * @param isDirectory - whether the entry is a folder
 * @param file - the entry's absolute path, for issues
 */
export function classifyRegistryEntry(
  segments: readonly string[],
  name: string,
  isDirectory: boolean,
  file: string,
): LayoutStep {
  if (name.startsWith('.')) return { kind: 'skip' };
  const depth = segments.length;
  if (depth === 2 && name !== JSON_SCHEMA_FORMAT) return { kind: 'skip' };
  const where = [...segments, name].join('/');
  if (depth < 3) {
    if (isDirectory) return { kind: 'descend' };
    return {
      kind: 'issue',
      issue: {
        level: 'warning',
        code: 'InvalidPath',
        message: `${where}: a file outside the VENDOR/NAME/FORMAT/VERSION layout is ignored`,
        file,
      },
    };
  }
  try {
    if (isDirectory) throw new Error('directory');
    return { kind: 'file', key: parseIgluUri(`iglu:${where}`) };
  } catch {
    return {
      kind: 'issue',
      issue: {
        level: 'error',
        code: 'InvalidPath',
        message: `${where}: not a schema path VENDOR/NAME/jsonschema/MODEL-REVISION-ADDITION (file without extension)`,
        file,
      },
    };
  }
}
