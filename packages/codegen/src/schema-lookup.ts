import { formatIgluUri, type Resolver, schemaKeyFromRef } from '@floe/iglu';
import type { RemoteLookup } from './hoist-definitions';
import { schemaNames } from './naming';
import type { MutableSchema } from './walk-schema';

/**
 * A {@link RemoteLookup} over a local resolver: `iglu:` URIs and
 * `http(s)://iglucentral.com/schemas/…` URLs map to files in the registry folders; anything
 * else, or a schema with no local copy, is an error message (never a download).
 *
 * @param resolver - the local resolver (`@floe/iglu` `createResolver`)
 */
export function createSchemaLookup(resolver: Resolver): RemoteLookup {
  return (ref) => {
    const key = schemaKeyFromRef(ref);
    if (!key) {
      return {
        error:
          'not an Iglu schema reference (iglu: URI or iglucentral.com URL); Floe resolves $refs from local registry folders only',
      };
    }
    const uri = formatIgluUri(key);
    try {
      const entry = resolver.resolve(uri);
      return { uri, typeName: schemaNames(key).typeName, schema: entry.schema as MutableSchema };
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return { error: `no local copy of ${uri} in the registry folders (${reason})` };
    }
  };
}
