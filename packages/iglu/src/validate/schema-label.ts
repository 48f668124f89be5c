import { isJsonObject, type JsonSchema } from '../json-schema';

/**
 * Names a schema for messages: its `iglu:` URI from the `self` block, or `(inline schema)`.
 *
 * @param schema - any schema
 */
export function schemaLabel(schema: JsonSchema): string {
  const self = schema['self'];
  if (!isJsonObject(self)) return '(inline schema)';
  const parts = [self['vendor'], self['name'], self['format'], self['version']];
  return parts.every((part) => typeof part === 'string')
    ? `iglu:${parts.join('/')}`
    : '(inline schema)';
}
