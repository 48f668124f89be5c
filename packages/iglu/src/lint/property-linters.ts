import { isJsonObject } from '../json-schema';
import type { Linter } from './linter';
import { withType } from './schema-types';

const propertyNames = (value: unknown): string[] => (isJsonObject(value) ? Object.keys(value) : []);
const requiredNames = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** #10: with closed `additionalProperties` and no `patternProperties`, a required key is missing. */
export const requiredPropertiesExist: Linter = {
  name: 'requiredPropertiesExist',
  level: 'error',
  check(schema) {
    if (schema['additionalProperties'] !== false || schema['patternProperties'] !== undefined) {
      return undefined;
    }
    if (!Array.isArray(schema['required']) || !isJsonObject(schema['properties'])) return undefined;
    const known = new Set(propertyNames(schema['properties']));
    const missing = requiredNames(schema['required']).filter((name) => !known.has(name));
    if (missing.length === 0) return undefined;
    return `required [${missing.join(', ')}] not in "properties", and no other property is allowed`;
  },
};

/** #14: an optional property whose type does not include `null` (only when `required` exists). */
export const optionalNull: Linter = {
  name: 'optionalNull',
  level: 'info',
  check(schema) {
    const properties = schema['properties'];
    if (!Array.isArray(schema['required']) || !isJsonObject(properties)) return undefined;
    const required = new Set(requiredNames(schema['required']));
    const flagged = Object.keys(properties)
      .filter((name) => !required.has(name))
      .filter((name) => {
        const sub = properties[name];
        return !(isJsonObject(sub) && withType(sub, 'null'));
      })
      .sort();
    if (flagged.length === 0) return undefined;
    return `optional properties [${flagged.join(', ')}] should allow "null" in their type`;
  },
};

/** #17: a property name with characters a BigQuery column cannot hold. */
export const bqDisallowedCharacters: Linter = {
  name: 'bqDisallowedCharacters',
  level: 'warning',
  check(schema) {
    const bad = propertyNames(schema['properties']).filter((name) => /[^A-Za-z0-9_]/.test(name));
    if (bad.length === 0) return undefined;
    return `property names [${bad.join(', ')}] contain characters BigQuery columns disallow`;
  },
};

/** #18: a property name that starts with a character BigQuery columns cannot start with. */
export const bqIllegalStart: Linter = {
  name: 'bqIllegalStart',
  level: 'warning',
  check(schema) {
    const bad = propertyNames(schema['properties']).filter((name) => /^[^A-Za-z_]/.test(name));
    if (bad.length === 0) return undefined;
    return `property names [${bad.join(', ')}] start with a character BigQuery columns cannot start with`;
  },
};
