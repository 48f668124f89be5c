import type { FieldRule } from './field-rules';
import { formatNumber } from './format-number';
import { InvalidEventError } from './invalid-event-error';
import { codePointLength, toWellFormed } from './well-formed';

const EXPECTED: Readonly<Record<FieldRule['kind'], string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'a 32-bit integer',
  offset: 'a number in the 32-bit integer range',
  boolean: 'a boolean',
};

/**
 * Formats one payload value as the string that goes on the wire (tracker protocol §1.4, §5.4).
 *
 * @param key - the payload key, for error messages.
 * @param value - the typed input.
 * @param rule - the key's format and maximum length.
 * @returns the wire string, or `undefined` when the key is omitted (`undefined`, `null`, `""`).
 * @throws InvalidEventError for a value of the wrong type, a number with no positional form, or a
 *   string longer than the enriched field allows.
 */
export function formatField(key: string, value: unknown, rule: FieldRule): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  switch (rule.kind) {
    case 'string':
      if (typeof value === 'string') return checkLength(key, toWellFormed(value), rule.max);
      if (typeof value === 'number') return checkLength(key, formatNumber(value, key), rule.max);
      break;
    case 'number':
      if (typeof value === 'number') return formatNumber(value, key);
      break;
    case 'integer':
      if (isInt32(value)) return checkLength(key, String(value), rule.max);
      break;
    case 'offset': {
      // Scroll offsets are integers on the wire: fractions are rounded, never sent as `12.5`.
      const rounded = typeof value === 'number' ? Math.round(value) : Number.NaN;
      if (isInt32(rounded)) return rounded === 0 ? '0' : String(rounded);
      break;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value ? '1' : '0';
      break;
  }
  throw new InvalidEventError(`${key}: expected ${EXPECTED[rule.kind]}, got ${describe(value)}`);
}

/**
 * Rejects a caller-supplied string longer than its enriched field (§1.4).
 *
 * @param key - the payload key, for the error message.
 * @param text - the well-formed value.
 * @param max - the maximum length in code points, if the field has one.
 */
export function checkLength(key: string, text: string, max: number | undefined): string {
  if (max !== undefined && text.length > max && codePointLength(text) > max) {
    throw new InvalidEventError(`${key}: ${codePointLength(text)} characters, at most ${max}`);
  }
  return text;
}

// Enrich reads integer keys (`ti_qu`, `pp_*`, `vid`…) into 32-bit integer columns.
function isInt32(value: unknown): value is number {
  return (
    Number.isInteger(value) &&
    (value as number) >= -2_147_483_648 &&
    (value as number) <= 2_147_483_647
  );
}

function describe(value: unknown): string {
  return typeof value === 'number' || typeof value === 'boolean'
    ? `${typeof value} ${String(value)}`
    : typeof value;
}
