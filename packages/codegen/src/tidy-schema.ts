import type { OpenObjectPolicy } from './codegen-config';
import { constraintTags, describe, itemTags } from './constraint-tags';
import { isSchema, type MutableSchema } from './walk-schema';

const typesOf = (schema: MutableSchema): string[] =>
  Array.isArray(schema.type)
    ? schema.type.filter((type): type is string => typeof type === 'string')
    : typeof schema.type === 'string'
      ? [schema.type]
      : [];

function jsonTypeMatches(value: unknown, type: string): boolean {
  if (type === 'null') return value === null;
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number';
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return isSchema(value);
  return typeof value === type;
}

const nonEmpty = (value: unknown): boolean => isSchema(value) && Object.keys(value).length > 0;

/**
 * Under draft-04, `enum` and `type` are checked independently, so the valid values are the enum
 * values that also match the type. The type compiler would add `| null` for a nullable type whose
 * enum lacks `null`; keeping only the matching values and dropping `type` makes the union exactly
 * what a validator accepts.
 */
function fixEnum(schema: MutableSchema): void {
  if (!Array.isArray(schema.enum)) return;
  const types = typesOf(schema);
  const values = types.length
    ? schema.enum.filter((value) => types.some((type) => jsonTypeMatches(value, type)))
    : schema.enum;
  schema.enum = values;
  delete schema.type;
  if (values.length === 0) schema.tsType = 'never';
}

/** Applies the additionalProperties policy (docs/codegen.md) to one object sub-schema. */
function applyObjectPolicy(schema: MutableSchema, policy: OpenObjectPolicy): void {
  const types = typesOf(schema);
  const declared = nonEmpty(schema.properties) || nonEmpty(schema.patternProperties);
  const objectish = types.includes('object') || (types.length === 0 && declared);
  if (!objectish || schema.enum !== undefined) return;
  const extra = schema.additionalProperties;
  if ((extra === undefined || extra === true) && declared && policy === 'closed') {
    schema.additionalProperties = false;
  }
  const combined = ['allOf', 'anyOf', 'oneOf', 'not'].some((key) => schema[key] !== undefined);
  const onlyObject = types.every((type) => type === 'object' || type === 'null');
  // A closed object without properties accepts only `{}`; the type `{}` would accept anything.
  if (extra === false && !declared && !combined && onlyObject && types.length > 0) {
    schema.tsType = types.includes('null')
      ? 'Record<string, never> | null'
      : 'Record<string, never>';
  }
}

/**
 * Prepares one sub-schema for the type compiler: drops `title`, `id` and `$id` (they would
 * become separately exported, unversioned names), fixes nullable enums, applies the object
 * policy and turns constraints into doc-comment tags.
 *
 * @param schema - one sub-schema of a private clone (changed in place)
 * @param policy - the additionalProperties policy
 * @param extra - lines for the root's comment (Iglu URI, `@deprecated`), placed before the tags
 */
export function tidySchema(
  schema: MutableSchema,
  policy: OpenObjectPolicy,
  extra: { lead?: string; trail?: string } = {},
): void {
  delete schema.title;
  if (typeof schema.id === 'string') delete schema.id;
  if (typeof schema.$id === 'string') delete schema.$id;
  const tags = [
    ...constraintTags(schema),
    ...(typesOf(schema).includes('array') ? itemTags(schema) : []),
  ];
  // Now tags; left in place the compiler would add its own @minItems/@maxItems a second time.
  delete schema.minItems;
  delete schema.maxItems;
  fixEnum(schema);
  applyObjectPolicy(schema, policy);
  const own = typeof schema.description === 'string' ? schema.description.trim() : '';
  const text = [own, extra.lead].filter(Boolean).join('\n\n');
  const described = describe(text, extra.trail ? [...tags, extra.trail] : tags);
  if (described === undefined) delete schema.description;
  else schema.description = described;
}
