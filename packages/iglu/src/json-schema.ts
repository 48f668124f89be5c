/** A JSON Schema document or sub-schema, as parsed JSON. */
export type JsonSchema = { readonly [key: string]: unknown };

/**
 * Whether a value is a plain JSON object (not an array, not null).
 *
 * @param value - any parsed JSON value
 */
export function isJsonObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
