import { isJsonObject, type JsonSchema } from '../json-schema';

/** The sub-schema a JSON pointer into data leads to, or why it leads nowhere. */
export type SubSchemaResult = { readonly schema: JsonSchema } | { readonly missing: string };

function followLocalRef(root: JsonSchema, schema: JsonSchema): JsonSchema | undefined {
  const ref = schema['$ref'];
  if (typeof ref !== 'string') return schema;
  if (!ref.startsWith('#')) return undefined;
  let target: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    target = isJsonObject(target) ? target[key] : undefined;
  }
  return isJsonObject(target) ? target : undefined;
}

/**
 * Follows a JSON pointer into data through a schema: `properties` for object keys, `items` for
 * array indexes, a schema-valued `additionalProperties` for undeclared keys, and local `$ref`s on
 * the way. A key the schema does not declare is `missing`, even where the schema would accept it:
 * a rule on an undeclared property is most likely a typo.
 *
 * @param root - the schema
 * @param path - JSON pointer into the data (`/items/0/price`)
 */
export function findSubSchema(root: JsonSchema, path: string): SubSchemaResult {
  let schema: JsonSchema | undefined = root;
  let walked = '';
  for (const raw of path.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    schema = followLocalRef(root, schema);
    if (!schema) return { missing: `${walked || '/'} uses a $ref that cannot be followed` };
    const properties = schema['properties'];
    const items = schema['items'];
    const extra = schema['additionalProperties'];
    let next: unknown;
    if (isJsonObject(properties) && Object.hasOwn(properties, key)) next = properties[key];
    else if (/^(0|[1-9][0-9]*)$/.test(key) && isJsonObject(items)) next = items;
    else if (isJsonObject(extra)) next = extra;
    walked += `/${raw}`;
    if (!isJsonObject(next)) return { missing: `${walked} is not declared in the schema` };
    schema = next;
  }
  const resolved = followLocalRef(root, schema);
  return resolved
    ? { schema: resolved }
    : { missing: `${path} uses a $ref that cannot be followed` };
}
