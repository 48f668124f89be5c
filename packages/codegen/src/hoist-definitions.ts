import { CodegenError } from './codegen-error';
import { pascalCase } from './naming';
import { isSchema, type MutableSchema, walkSchema } from './walk-schema';

/** A remote schema found by a lookup, or why none was found. */
export type RemoteLookupResult =
  | { readonly uri: string; readonly typeName: string; readonly schema: MutableSchema }
  | { readonly error: string };

/** Finds the local copy of a remote `$ref` (an `iglu:` URI or an iglucentral.com URL). */
export type RemoteLookup = (ref: string) => RemoteLookupResult;

const decode = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * Moves every `definitions` entry to the root under a name qualified by the owning schema
 * (`items_in_cart` of `ComAcmeCart_1_0_0` → `ComAcmeCart_1_0_0_ItemsInCart`) and rewrites the
 * `$ref`s that point at them. Remote `$ref`s are resolved through `lookup` and inlined as
 * definitions named `<Owner>_<TargetType>`, their own definitions hoisted the same way, so the
 * type compiler never fetches anything. An unresolvable ref throws at once (`unresolved_ref`).
 *
 * @param root - the owning schema (a private clone; changed in place)
 * @param rootName - the owning schema's type name
 * @param lookup - finds local copies of remote schemas
 */
export function hoistDefinitions(
  root: MutableSchema,
  rootName: string,
  lookup: RemoteLookup,
): void {
  const hoisted: Record<string, MutableSchema> = {};
  const used = new Set<string>([rootName]);
  const remote = new Map<string, { name: string; local: Map<string, string> }>();
  const claim = (base: string): string => {
    let name = base;
    for (let n = 2; used.has(name); n += 1) name = `${base}${n}`;
    used.add(name);
    return name;
  };

  const adopt = (doc: MutableSchema, prefix: string, docName?: string): Map<string, string> => {
    const definitions = isSchema(doc.definitions) ? doc.definitions : {};
    delete doc.definitions;
    const local = new Map<string, string>();
    for (const key of Object.keys(definitions).sort()) {
      local.set(key, claim(`${prefix}_${pascalCase(key) || 'Definition'}`));
    }
    const target = (ref: string, pointer: string): string => {
      if (ref.startsWith('#')) {
        const match = /^#\/definitions\/([^/]+)(.*)$/.exec(ref);
        const name = match ? local.get(decode(match[1]!)) : undefined;
        if (match && name) return `#/definitions/${name}${match[2]}`;
        return docName === undefined ? ref : `#/definitions/${docName}${ref.slice(1)}`;
      }
      const found = lookup(ref);
      if ('error' in found) {
        throw new CodegenError(
          'unresolved_ref',
          `$ref "${ref}" at ${pointer || '/'}: ${found.error}`,
        );
      }
      let adopted = remote.get(found.uri);
      if (!adopted) {
        const name = claim(`${rootName}_${found.typeName}`);
        const copy = structuredClone(found.schema);
        delete copy.$schema;
        delete copy.self;
        adopted = { name, local: new Map() };
        remote.set(found.uri, adopted);
        hoisted[name] = copy;
        adopted.local = adopt(copy, name, name);
      }
      const fragment = ref.includes('#') ? ref.slice(ref.indexOf('#') + 1) : '';
      const inner = /^\/definitions\/([^/]+)(.*)$/.exec(fragment);
      const innerName = inner ? adopted.local.get(decode(inner[1]!)) : undefined;
      if (inner && innerName) return `#/definitions/${innerName}${inner[2]}`;
      return `#/definitions/${adopted.name}${fragment === '/' ? '' : fragment}`;
    };
    const rewrite = (schema: MutableSchema, base: string): void =>
      walkSchema(schema, (site) => {
        if (typeof site.schema.$ref === 'string') {
          site.schema.$ref = target(site.schema.$ref, `${base}${site.pointer}`);
        }
      });
    rewrite(doc, docName === undefined ? '' : `(${docName})`);
    for (const [key, name] of local) {
      const definition = definitions[key];
      if (!isSchema(definition)) continue;
      hoisted[name] = definition;
      rewrite(definition, `/definitions/${key}`);
    }
    return local;
  };

  adopt(root, rootName);
  if (Object.keys(hoisted).length > 0) root.definitions = hoisted;
}
