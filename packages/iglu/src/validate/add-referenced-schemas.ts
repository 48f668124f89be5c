import { DRAFT_04_META_SCHEMA_URI } from '../constants';
import type { Resolver } from '../create-resolver';
import { IgluError } from '../iglu-error';
import { schemaKeyFromRef } from '../schema-key';
import { collectRefs } from './collect-refs';
import type { IgluAjv } from './create-ajv';

const withoutFragment = (ref: string): string => ref.split('#')[0]!;

/**
 * Makes every remote `$ref` of a schema (and of the schemas it pulls in) known to ajv, loading
 * targets through the resolver under the exact id the ref uses. Local `#/…` refs need nothing;
 * the draft-04 meta-schema is built in.
 *
 * @param ajv - the instance that will compile the schema
 * @param resolver - local lookup for `iglu:` and iglucentral.com refs
 * @param schema - the schema about to be compiled
 * @param owner - its URI (or a label), for messages
 * @param known - ids already added to this ajv instance (updated)
 * @throws IgluError `unresolved_ref` naming the ref and the schema when a target has no local copy
 */
export function addReferencedSchemas(
  ajv: IgluAjv,
  resolver: Resolver,
  schema: unknown,
  owner: string,
  known: Set<string>,
): void {
  const pending: { schema: unknown; owner: string }[] = [{ schema, owner }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    for (const ref of collectRefs(next.schema)) {
      const id = withoutFragment(ref);
      if (id === '' || id === withoutFragment(DRAFT_04_META_SCHEMA_URI) || known.has(id)) continue;
      const key = schemaKeyFromRef(ref);
      if (!key) {
        throw new IgluError(
          'unresolved_ref',
          `${next.owner}: $ref "${ref}" has no local copy (only iglu: URIs and iglucentral.com schema URLs resolve locally; nothing is fetched)`,
        );
      }
      let target: ReturnType<Resolver['resolve']>;
      try {
        target = resolver.resolve(ref);
      } catch (error) {
        throw new IgluError(
          'unresolved_ref',
          `${next.owner}: $ref "${ref}" has no local copy: ${(error as Error).message}`,
          { cause: error },
        );
      }
      ajv.addSchema(target.schema, id);
      known.add(id);
      pending.push({ schema: target.schema, owner: target.uri });
    }
  }
}
