import { type EventSpec, parseIgluUri } from '@floe/iglu';
import { aliasNames, pascalCase, type SchemaNames, schemaNames, splitWords } from '../naming';

/** One entity of a spec with the names its generated code uses. */
export interface SpecEntityNames {
  readonly uri: string;
  readonly schema: SchemaNames;
  /** Key in the `<Spec>Entities` object (`cart`, `clientSession`). */
  readonly key: string;
  /** The entity's data type for this spec (`CheckoutCart`). */
  readonly typeName: string;
}

/** Every name the generated code of one spec uses. */
export interface SpecNames {
  /** `trackCheckout`. */
  readonly trackName: string;
  /** The narrowed event data type, `CheckoutData`. */
  readonly dataTypeName: string;
  /** The entities object type, `CheckoutEntities`. */
  readonly entitiesTypeName: string;
  readonly event: SchemaNames;
  readonly entities: readonly SpecEntityNames[];
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

function camelKey(name: string): string {
  const words = splitWords(name);
  const key = lowerFirst(
    words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(''),
  );
  return /^[0-9]/.test(key) ? `_${key}` : key;
}

/**
 * Names of a spec's generated code. An entity's key is its schema name in camelCase (`cart`,
 * `client_session` → `clientSession`); when two entities of one spec share that key (the same
 * name under two vendors or versions), both use their full type name instead
 * (`comExampleCompanyCart_1_0_0`), so keys never depend on order.
 *
 * @param spec - the spec
 */
export function specNames(spec: EventSpec): SpecNames {
  const uris = (spec.entities ?? []).map((entity) => entity.schema);
  const keys = uris.map((uri) => camelKey(parseIgluUri(uri).name));
  const shared = new Set(keys.filter((key, index) => keys.indexOf(key) !== index));
  const entities = uris.map((uri, index) => {
    const schema = schemaNames(parseIgluUri(uri));
    const plain = keys[index]!;
    const key = shared.has(plain) ? lowerFirst(schema.typeName) : plain;
    const short = pascalCase(parseIgluUri(uri).name);
    // `Data` and `Entities` are taken by the spec's own types.
    const suffix =
      shared.has(plain) || short === 'Data' || short === 'Entities' ? schema.typeName : short;
    return { uri, schema, key, typeName: `${spec.name}${suffix}` };
  });
  return {
    trackName: aliasNames(spec.name).trackName,
    dataTypeName: `${spec.name}Data`,
    entitiesTypeName: `${spec.name}Entities`,
    event: schemaNames(parseIgluUri(spec.event.schema)),
    entities,
  };
}

/**
 * Every name a spec's code exports, for the collision check against aliases and other specs.
 *
 * @param names - from {@link specNames}
 */
export function exportedSpecNames(names: SpecNames): string[] {
  return [
    names.trackName,
    names.dataTypeName,
    names.entitiesTypeName,
    ...names.entities.map((entity) => entity.typeName),
  ];
}
