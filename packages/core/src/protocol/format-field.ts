import { FloeError } from '../errors/floe-error';
import type { FieldRule } from './field-rules';
import { codePointLength, toWellFormed } from './well-formed';

/**
 * Formats one payload value as the string that goes on the wire (tracker protocol §1.4, §5.4).
 *
 * @param key - the payload key, for error messages.
 * @param value - the typed input.
 * @param rule - the key's format and maximum length.
 * @returns the wire string, or `undefined` when the key is omitted (`undefined`, `null`, `""`).
 * @throws FloeError (`invalid_event`) for a value of the wrong type, a number with no positional
 *   form, or a string longer than the enriched field allows.
 */
export function formatField(key: string, value: unknown, rule: FieldRule): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const { kind } = rule;
  let text: string | undefined;
  if (kind === 'boolean') {
    if (typeof value === 'boolean') text = value ? '1' : '0';
  } else if (kind === 'string') {
    if (typeof value === 'string') text = toWellFormed(value);
    else if (typeof value === 'number') text = formatNumber(key, value);
  } else if (typeof value === 'number') {
    if (kind === 'number') text = formatNumber(key, value);
    else {
      // Scroll offsets are integers on the wire: fractions are rounded, never sent as `12.5`.
      const whole = kind === 'offset' ? Math.round(value) : value;
      // Enrich reads integer keys (`ti_qu`, `pp_*`, `vid`…) into 32-bit integer columns.
      if (whole === (whole | 0)) text = String(whole | 0);
    }
  }
  if (text === undefined) {
    const shown = typeof value === 'number' || typeof value === 'boolean' ? ` ${value}` : '';
    const expected = kind === 'integer' || kind === 'offset' ? '32-bit integer' : kind;
    invalid(`${key}: expected a ${expected}, got ${typeof value}${shown}`);
  }
  return checkLength(key, text, rule.max);
}

/**
 * Rejects a caller-supplied string longer than its enriched field (§1.4).
 *
 * @param key - the payload key, for the error message.
 * @param text - the well-formed value.
 * @param max - the maximum length in code points, if the field has one.
 * @returns `text`, when it fits.
 * @throws FloeError (`invalid_event`) when it does not.
 */
export function checkLength(key: string, text: string, max: number | undefined): string {
  // Code points never outnumber code units: a string within the limit in units needs no count.
  if (max !== undefined && text.length > max && codePointLength(text) > max) {
    invalid(`${key}: ${codePointLength(text)} characters, at most ${max}`);
  }
  return text;
}

/**
 * Formats a number as a payload value (§5.4): integers as plain digits, other finite numbers as
 * the shortest round-trip decimal, `-0` as `0`. Magnitudes whose shortest form needs an exponent
 * (≥ 1e21 or < 1e-6) and non-finite numbers are rejected, never sent as `1e+21`.
 */
function formatNumber(key: string, value: number): string {
  const text = String(value === 0 ? 0 : value);
  // String() switches to exponent notation exactly where §5.4 says the value becomes invalid.
  if (!Number.isFinite(value) || text.includes('e')) {
    invalid(`${key}: ${text} has no positional decimal form`);
  }
  return text;
}

function invalid(message: string): never {
  throw new FloeError('invalid_event', message);
}
