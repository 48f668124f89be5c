import { IGLUCTL_KNOWN_FORMATS } from './known-formats';
import type { Linter } from './linter';
import { withType } from './schema-types';

const unknownFormat = (format: unknown): boolean =>
  typeof format === 'string' && !IGLUCTL_KNOWN_FORMATS.has(format);

/** #11: a `format` outside igluctl's known list (including the `ipv6` quirk). */
export const unknownFormats: Linter = {
  name: 'unknownFormats',
  level: 'warning',
  check(schema) {
    const format = schema['format'];
    if (!unknownFormat(format)) return undefined;
    const known = [...IGLUCTL_KNOWN_FORMATS].join(', ');
    return `unknown format "${String(format)}" (igluctl knows ${known})`;
  },
};

/** #12: a number or integer without both `minimum` and `maximum`. */
export const numericMinMax: Linter = {
  name: 'numericMinMax',
  level: 'warning',
  check(schema) {
    if (!withType(schema, 'number') && !withType(schema, 'integer')) return undefined;
    if (schema['minimum'] !== undefined && schema['maximum'] !== undefined) return undefined;
    return 'a numeric value should have both "minimum" and "maximum"';
  },
};

/** #13: a string with no `enum`, no `maxLength` and no known `format`. */
export const stringLength: Linter = {
  name: 'stringLength',
  level: 'warning',
  check(schema) {
    if (!withType(schema, 'string') || schema['enum'] !== undefined) return undefined;
    if (schema['maxLength'] !== undefined) return undefined;
    const format = schema['format'];
    if (format !== undefined && !unknownFormat(format)) return undefined;
    return 'a string should have "maxLength", "enum" or a known "format"';
  },
};
