import type { JsonSchema } from '../json-schema';

/** The `type` keyword as a list, or `undefined` when absent or malformed. */
export function schemaTypes(schema: JsonSchema): readonly string[] | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type) && type.every((t) => typeof t === 'string')) return type as string[];
  return undefined;
}

/** Whether `type` is present and lists `name` (igluctl's `withType`: absent type is false). */
export function withType(schema: JsonSchema, name: string): boolean {
  return schemaTypes(schema)?.includes(name) ?? false;
}

/** Whether `type` is present and excludes `name` (igluctl's `withoutType`: absent type is false). */
export function withoutType(schema: JsonSchema, name: string): boolean {
  const types = schemaTypes(schema);
  return types !== undefined && !types.includes(name);
}

/** Present keywords among `keywords`, in the given order. */
export function presentKeywords(schema: JsonSchema, keywords: readonly string[]): string[] {
  return keywords.filter((keyword) => schema[keyword] !== undefined);
}

/** A numeric keyword's value, or `undefined` when absent or not a number. */
export function numberAt(schema: JsonSchema, keyword: string): number | undefined {
  const value = schema[keyword];
  return typeof value === 'number' ? value : undefined;
}
