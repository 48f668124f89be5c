import { SELF_DESCRIBING_META_SCHEMA_URI } from '../constants';
import type { Linter } from './linter';
import { withType } from './schema-types';

/** #1: the root is not `type: object` with `properties`. */
export const rootObject: Linter = {
  name: 'rootObject',
  level: 'warning',
  check(schema, pointer) {
    if (pointer !== '') return undefined;
    if (schema['properties'] !== undefined && withType(schema, 'object')) return undefined;
    return 'the root should have "type": "object" and "properties"';
  },
};

/** #15: a (sub-)schema without `description`. */
export const description: Linter = {
  name: 'description',
  level: 'info',
  check(schema) {
    return schema['description'] === undefined ? 'no "description"' : undefined;
  },
};

/** #16: the root `$schema` is missing or not the exact self-describing URI. */
export const schemaUri: Linter = {
  name: 'schemaUri',
  level: 'error',
  check(schema, pointer) {
    if (pointer !== '') return undefined;
    const value = schema['$schema'];
    if (value === SELF_DESCRIBING_META_SCHEMA_URI) return undefined;
    if (value === undefined) return `no "$schema"; it must be ${SELF_DESCRIBING_META_SCHEMA_URI}`;
    return `"$schema" is ${JSON.stringify(value)}; it must be exactly ${SELF_DESCRIBING_META_SCHEMA_URI}`;
  },
};
