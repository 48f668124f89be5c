import { isJsonObject, type JsonSchema } from '@floe/iglu';

const SAMPLE_FORMATS: Readonly<Record<string, string>> = {
  'date-time': '2025-01-31T12:00:00.000Z',
  date: '2025-01-31',
  uuid: '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b',
  uri: 'https://example.com/',
  email: 'someone@example.com',
  ipv4: '192.0.2.1',
};

/** The first sample (plain text, then the format samples) a `pattern` accepts, else `plain`. */
function matching(pattern: string, plain: string): string {
  try {
    const regex = new RegExp(pattern, 'u');
    return [plain, ...Object.values(SAMPLE_FORMATS)].find((sample) => regex.test(sample)) ?? plain;
  } catch {
    return plain; // a pattern JavaScript cannot read: the example stays a placeholder
  }
}

/**
 * A value that passes a sub-schema in the usual cases, for copy-paste examples: the first enum
 * value, a format's sample, a number within the bounds, and for objects only the required
 * properties. It is a starting point to edit, not a validated sample.
 *
 * @param schema - a sub-schema
 */
export function exampleValue(schema: JsonSchema): unknown {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((t) => t !== 'null') ?? types[0];
  switch (type) {
    case 'string': {
      if (typeof schema.format === 'string' && SAMPLE_FORMATS[schema.format])
        return SAMPLE_FORMATS[schema.format];
      const max = typeof schema.maxLength === 'number' ? schema.maxLength : 7;
      const plain = 'example'.slice(0, Math.max(1, max));
      return typeof schema.pattern === 'string' ? matching(schema.pattern, plain) : plain;
    }
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
      const max = typeof schema.maximum === 'number' ? schema.maximum : min + 1;
      return Math.min(Math.max(min, 1), max);
    }
    case 'boolean':
      return true;
    case 'array': {
      const count = typeof schema.minItems === 'number' ? Math.max(1, schema.minItems) : 1;
      return isJsonObject(schema.items)
        ? Array.from({ length: count }, () => exampleValue(schema.items as JsonSchema))
        : [];
    }
    case 'object':
      return exampleObject(schema);
    default:
      return isJsonObject(schema.properties) ? exampleObject(schema) : null;
  }
}

/** An object with a sample for each required property (all properties when none is required). */
export function exampleObject(schema: JsonSchema): Record<string, unknown> {
  const properties = isJsonObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const names = required.length > 0 ? required : Object.keys(properties).slice(0, 3);
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const sub = properties[name];
    out[name] = isJsonObject(sub) ? exampleValue(sub) : 'example';
  }
  return out;
}

/**
 * A JSON value as a TypeScript literal in the repository's style: single quotes, unquoted keys
 * when they are identifiers, on one line.
 *
 * @param value - a JSON value
 */
export function tsLiteral(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  if (isJsonObject(value)) {
    const entries = Object.entries(value).map(
      ([key, item]) =>
        `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : tsLiteral(key)}: ${tsLiteral(item)}`,
    );
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}
