import type { JsonSchema } from '@floe/iglu';

const NUMERIC_TAGS = ['minimum', 'maximum', 'multipleOf'] as const;
const PLAIN_TAGS = [
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
] as const;

const typesOf = (schema: JsonSchema): unknown[] =>
  Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];

/**
 * The constraints a TypeScript type cannot express, as JSDoc tags (`@format date-time`,
 * `@maxLength 4096`, `@integer`…), in a fixed order so the output is deterministic. Draft-04
 * `exclusiveMinimum: true` turns `@minimum` into `@exclusiveMinimum` (likewise for maximum).
 *
 * @param schema - one sub-schema
 * @returns the tag lines, without the leading ` * `
 */
export function constraintTags(schema: JsonSchema): string[] {
  const tags: string[] = [];
  if (typesOf(schema).includes('integer')) tags.push('@integer');
  for (const keyword of PLAIN_TAGS) {
    const value = schema[keyword];
    if (typeof value === 'string' || typeof value === 'number') tags.push(`@${keyword} ${value}`);
  }
  for (const keyword of NUMERIC_TAGS) {
    const value = schema[keyword];
    if (typeof value !== 'number') continue;
    const exclusive =
      (keyword === 'minimum' && schema.exclusiveMinimum === true) ||
      (keyword === 'maximum' && schema.exclusiveMaximum === true);
    const name = exclusive
      ? `exclusive${keyword.charAt(0).toUpperCase()}${keyword.slice(1)}`
      : keyword;
    tags.push(`@${name} ${value}`);
  }
  if (schema.uniqueItems === true) tags.push('@uniqueItems');
  if (schema.default !== undefined) tags.push(`@default ${JSON.stringify(schema.default)}`);
  return tags;
}

/**
 * Tags for an array's items, which have no comment slot of their own in the generated type:
 * each item tag is suffixed with `(each item)`.
 *
 * @param schema - an array sub-schema
 */
export function itemTags(schema: JsonSchema): string[] {
  const items = schema.items;
  if (typeof items !== 'object' || items === null || Array.isArray(items)) return [];
  const itemSchema = items as JsonSchema;
  if (itemSchema.properties !== undefined || itemSchema.$ref !== undefined) return [];
  return constraintTags(itemSchema).map((tag) => `${tag} (each item)`);
}

/**
 * Joins a description and tags into one comment text. A description that already ends with the
 * tags (a sub-schema processed twice) is left alone.
 *
 * @param description - the schema's description, if any
 * @param tags - tag lines
 */
export function describe(description: unknown, tags: readonly string[]): string | undefined {
  const text = typeof description === 'string' ? description.trim() : '';
  if (tags.length === 0) return text || undefined;
  return text ? `${text}\n\n${tags.join('\n')}` : tags.join('\n');
}
