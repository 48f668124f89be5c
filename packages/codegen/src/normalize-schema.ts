import type { JsonSchema } from '@floe/iglu';
import type { OpenObjectPolicy } from './codegen-config';
import { hoistDefinitions, type RemoteLookup } from './hoist-definitions';
import { hoistRepeated } from './hoist-repeated';
import { tidySchema } from './tidy-schema';
import { isSchema, type MutableSchema, walkSchema } from './walk-schema';

/** What {@link normalizeSchema} needs besides the schema. */
export interface NormalizeOptions {
  /** The schema's type name; every other name in its module starts with it. */
  readonly rootName: string;
  /** The additionalProperties policy. */
  readonly policy: OpenObjectPolicy;
  /** Finds local copies of remote `$ref`s. */
  readonly lookup: RemoteLookup;
  /** A paragraph for the root comment after the description (the Iglu URI line). */
  readonly lead?: string;
  /** A last line for the root comment (`@deprecated …`). */
  readonly trail?: string;
}

/**
 * Turns an Iglu schema into the schema the type compiler sees: no `self`/`$schema`, every
 * `definitions` entry and remote `$ref` hoisted under a name qualified by the owning schema,
 * repeated enums and objects named once, titles and ids dropped, nullable enums fixed, the
 * object policy applied and constraints moved into doc-comment tags. The input is not changed.
 *
 * @param schema - the schema as read from the registry
 * @param options - names, policy and ref lookup
 * @throws CodegenError `unresolved_ref` when a remote `$ref` has no local copy
 */
export function normalizeSchema(schema: JsonSchema, options: NormalizeOptions): MutableSchema {
  const root = structuredClone(schema) as MutableSchema;
  delete root.$schema;
  delete root.self;
  hoistDefinitions(root, options.rootName, options.lookup);
  const used = new Set([
    options.rootName,
    ...Object.keys(isSchema(root.definitions) ? root.definitions : {}),
  ]);
  hoistRepeated(root, options.rootName, used);
  walkSchema(root, (site) => {
    const extra = site.pointer === '' ? { lead: options.lead, trail: options.trail } : {};
    tidySchema(site.schema, options.policy, extra);
  });
  return root;
}
