import { readFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { parseSchemaFile } from './parse-schema-file';
import { ResolutionError } from './resolution-error';
import type { SchemaEntry } from './schema-entry';
import { formatIgluUri, type SchemaKey, schemaKeyFromRef } from './schema-key';

/** Finds schemas by exact URI in local registry folders. */
export interface Resolver {
  /** Absolute registry folders, in lookup order. */
  readonly roots: readonly string[];
  /**
   * Returns the schema for an `iglu:` URI (or an `http(s)://iglucentral.com/schemas/…#` ref).
   * @throws ResolutionError (`not_found`, `invalid_schema` or `invalid_uri`) listing every file tried
   */
  resolve(uri: string): SchemaEntry;
  /** Like `resolve`, but `undefined` on any failure; call `resolve` to learn why. */
  tryResolve(uri: string): SchemaEntry | undefined;
  /** Forgets every cached schema, so edited files are read again. */
  clearCache(): void;
}

/** Options of {@link createResolver}. */
export interface ResolverOptions {
  /** Registry folders in lookup order; the first one holding the file wins. */
  readonly roots: readonly string[];
}

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw error;
  }
}

function lookUp(roots: readonly string[], uri: string, key: SchemaKey): SchemaEntry {
  const tried: string[] = [];
  for (const root of roots) {
    const file = join(root, key.vendor, key.name, key.format, formatIgluUri(key).split('/')[3]!);
    tried.push(file);
    const text = readIfPresent(file);
    if (text === undefined) continue;
    const parsed = parseSchemaFile({ key, file, text });
    if (parsed.entry) return parsed.entry;
    const reasons = parsed.issues.map((issue) => issue.message).join('; ');
    throw new ResolutionError(
      'invalid_schema',
      uri,
      tried,
      `${uri}: invalid schema file ${file}: ${reasons}`,
    );
  }
  const list = tried.map((file) => `  - ${file}`).join('\n');
  throw new ResolutionError('not_found', uri, tried, `${uri} not found; tried:\n${list}`);
}

/**
 * Creates a resolver over local registry folders. Exact versions only, never the network;
 * reads are synchronous and cached; the file's `self` must equal the requested key.
 *
 * @param options - `roots`, in lookup order
 * @example
 * const resolver = createResolver({ roots: ['schemas', bundledSchemasDir] });
 * resolver.resolve('iglu:com.acme/save_game/jsonschema/1-0-0').schema;
 */
export function createResolver(options: ResolverOptions): Resolver {
  const roots = options.roots.map((root) => resolvePath(root));
  const cache = new Map<string, SchemaEntry>();
  const resolve = (uri: string): SchemaEntry => {
    const key = schemaKeyFromRef(uri);
    if (!key) {
      const message = `${JSON.stringify(uri)} is not an iglu: URI or an iglucentral.com schema URL`;
      throw new ResolutionError('invalid_uri', String(uri), [], message);
    }
    // The grammar allows a vendor of dots only, which would climb out of the root folder.
    if (/^\.+$/.test(key.vendor)) {
      const message = `${uri}: a vendor made only of dots is not a registry path`;
      throw new ResolutionError('invalid_uri', String(uri), [], message);
    }
    const canonical = formatIgluUri(key);
    const cached = cache.get(canonical);
    if (cached) return cached;
    const entry = lookUp(roots, uri, key);
    cache.set(canonical, entry);
    return entry;
  };
  return {
    roots,
    resolve,
    tryResolve(uri) {
      try {
        return resolve(uri);
      } catch (error) {
        if (error instanceof ResolutionError) return undefined;
        throw error;
      }
    },
    clearCache() {
      cache.clear();
    },
  };
}
