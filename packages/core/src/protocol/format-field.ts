import { FloeError } from '../errors/floe-error';
import { FIELD_RULES, type FieldRule } from './field-rules';
import { codePointLength, toWellFormed } from './well-formed';

/**
 * Formats input values as the strings that go on the wire, each by its key's rule in
 * {@link FIELD_RULES} (tracker protocol §1.4, §5.4). Empty values (`undefined`, `null`, `""`)
 * are omitted.
 *
 * @param target - receives the wire strings.
 * @param fields - input values by payload key, each a key of {@link FIELD_RULES}.
 * @returns `target`.
 * @throws FloeError (`invalid_event`) for a value of the wrong type, a number with no positional
 *   form, or a string longer than its enriched column.
 */
export function formatFields(
  target: Record<string, string>,
  fields: Readonly<Record<string, unknown>>,
): Record<string, string> {
  for (const key in fields) {
    const value = fields[key];
    if (value === undefined || value === null || value === '') continue;
    const rule = FIELD_RULES[key]!;
    const text = format(rule, value);
    if (text === undefined) {
      const expected = typeof rule === 'number' ? `a string of at most ${rule} characters` : rule;
      throw new FloeError('invalid_event', `${key}: expected ${expected}`);
    }
    target[key] = text;
  }
  return target;
}

// The wire string of a non-empty value, or undefined when its rule refuses it.
function format(rule: FieldRule, value: unknown): string | undefined {
  if (typeof value === 'string') {
    if (rule instanceof RegExp) return rule.test(value) ? value : undefined;
    if (typeof rule !== 'number') return undefined;
    const text = toWellFormed(value);
    // Code points never outnumber code units: a string within the limit in units needs no count.
    return text.length <= rule || codePointLength(text) <= rule ? text : undefined;
  }
  if (typeof value === 'boolean') return rule === 'boolean' ? (value ? '1' : '0') : undefined;
  if (rule === 'pixels') {
    // Fractional sizes (zoomed or scaled screens) are rounded, like scroll offsets.
    const ok = Array.isArray(value) && value.length === 2 && value.every(isPixels);
    return ok ? value.map(Math.round).join('x') : undefined;
  }
  if (typeof value !== 'number') return undefined;
  if (rule === 'number') {
    // §5.4: plain digits or the shortest round-trip decimal (`-0` is written `0`). String()
    // switches to exponent notation (≥ 1e21, < 1e-6) exactly where the value becomes invalid.
    const text = String(value);
    return /^-?\d+(\.\d+)?$/.test(text) ? text : undefined;
  }
  // Scroll offsets are integers on the wire: fractions are rounded, never sent as `12.5`.
  const whole = rule === 'offset' ? Math.round(value) : value;
  // Enrich reads integer keys (`ti_qu`, `pp_*`, `vid`…) into 32-bit integer columns.
  const integer = rule === 'integer' || rule === 'offset' || (rule === 'index' && whole > 0);
  return integer && whole === (whole | 0) ? String(whole) : undefined;
}

function isPixels(value: unknown): boolean {
  return typeof value === 'number' && value >= 0 && value < 2 ** 31;
}
