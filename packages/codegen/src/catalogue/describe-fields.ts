import { isJsonObject, type JsonSchema } from '@floe/iglu';
import { constraintTags } from '../constraint-tags';
import type { CatalogueField } from './catalogue-model';

const typesOf = (schema: JsonSchema): string[] =>
  (Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type]).map(
    String,
  );

/**
 * A readable type for one sub-schema: its enum values, its JSON type(s) with the format, or
 * `array of …` with the item type.
 *
 * @param schema - a sub-schema
 */
export function typeLabel(schema: JsonSchema): string {
  if (Array.isArray(schema.enum))
    return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (typeof schema.$ref === 'string') return `see ${schema.$ref}`;
  const types = typesOf(schema);
  const label = types
    .map((type) => {
      if (type === 'array' && isJsonObject(schema.items))
        return `array of ${typeLabel(schema.items)}`;
      if (type === 'string' && typeof schema.format === 'string')
        return `string (${schema.format})`;
      return type;
    })
    .join(' | ');
  return label || 'any';
}

// The type column already says integer; the rest are the constraints the reader needs.
const constraints = (schema: JsonSchema): string[] =>
  constraintTags(schema)
    .filter((tag) => tag !== '@integer' && !tag.startsWith('@format '))
    .map((tag) => tag.slice(1));

/**
 * Every field of a schema, flattened depth-first in declared order: properties of nested objects
 * as `/parent/child`, properties of array items as `/list/[]/child`.
 *
 * @param schema - an object schema (anything else has no fields)
 * @param prefix - the path of the object, `''` at the root
 */
export function describeFields(schema: JsonSchema, prefix = ''): CatalogueField[] {
  const properties = isJsonObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  const fields: CatalogueField[] = [];
  for (const [name, value] of Object.entries(properties)) {
    if (!isJsonObject(value)) continue;
    const path = `${prefix}/${name}`;
    const description = typeof value.description === 'string' ? value.description : undefined;
    fields.push({
      path,
      type: typeLabel(value),
      required: required.includes(name),
      ...(description ? { description } : {}),
      constraints: constraints(value),
    });
    fields.push(...describeFields(value, path));
    if (isJsonObject(value.items)) fields.push(...describeFields(value.items, `${path}/[]`));
  }
  return fields;
}
