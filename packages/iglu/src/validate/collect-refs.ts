import { isJsonObject } from '../json-schema';

// Keywords whose values are data, not sub-schemas: a "$ref" inside them is not a reference.
const DATA_KEYWORDS = new Set(['enum', 'default', 'examples', 'const', 'self', 'required']);
// Keywords whose values map names to sub-schemas: the names are not keywords.
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);

/**
 * Lists every `$ref` string of a schema without duplicates. Values of data keywords (`enum`,
 * `default`, …) are not searched; property names are never mistaken for keywords.
 *
 * @param schema - any schema value
 */
export function collectRefs(schema: unknown): string[] {
  const refs = new Set<string>();
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
    } else if (isJsonObject(node)) {
      if (typeof node['$ref'] === 'string') refs.add(node['$ref']);
      for (const [key, value] of Object.entries(node)) {
        if (SCHEMA_MAPS.has(key) && isJsonObject(value)) stack.push(...Object.values(value));
        else if (!DATA_KEYWORDS.has(key)) stack.push(value);
      }
    }
  }
  return [...refs].sort();
}
