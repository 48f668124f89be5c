import { isJsonObject } from '@floe/iglu';

/** Keywords whose value is a map from names to sub-schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);
/** Keywords whose value is a sub-schema or a list of them. */
const SCHEMA_SLOTS = new Set([
  'items',
  'additionalItems',
  'additionalProperties',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
]);

/**
 * A schema without its `description` keywords, at every level, so two schemas that differ only in
 * wording compare equal. A property that happens to be called `description` is kept: only the
 * keyword goes.
 *
 * @param schema - a JSON Schema (or any JSON value inside one)
 */
export function stripDescriptions(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(stripDescriptions);
  if (!isJsonObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'description') continue;
    if (SCHEMA_MAPS.has(key) && isJsonObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, stripDescriptions(sub)]),
      );
    } else if (SCHEMA_SLOTS.has(key)) {
      out[key] = stripDescriptions(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** JSON equality that ignores key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => sameJson(item, b[index]))
    );
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]))
    );
  }
  return a === b;
}
