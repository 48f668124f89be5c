import { FloeError } from '../errors/floe-error';
import { EVENT_FIELD_RULES, FIELD_RULES, type FieldRule } from './field-rules';
import type { EventType } from './payload';
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
  for (const key in fields) setField(target, key, FIELD_RULES[key]!, fields[key]);
  return target;
}

/**
 * Formats an event's own fields onto its payload, like {@link formatFields}, with the rules of its
 * type in {@link EVENT_FIELD_RULES}: a key the type does not have makes the event invalid.
 *
 * @param payload - the event's payload so far.
 * @param e - the event type.
 * @param fields - the event's own keys, as a track function gives them.
 * @throws FloeError (`invalid_event`) for a key the type does not have, or a value its rule refuses.
 */
export function formatEventFields(
  payload: Record<string, string>,
  e: EventType,
  fields: Readonly<Record<string, unknown>>,
): void {
  const rules = EVENT_FIELD_RULES[e];
  for (const key in fields) {
    if (!Object.hasOwn(rules, key))
      throw new FloeError('invalid_event', `${e} events have no ${key}`);
    setField(payload, key, rules[key]!, fields[key]);
  }
}

// Sets one key's wire string, leaves an empty value out, or throws for a value the rule refuses.
function setField(target: Record<string, string>, key: string, rule: FieldRule, value: unknown) {
  if (value === undefined || value === null || value === '') return;
  const text = format(rule, value);
  if (text === undefined) {
    const expected = typeof rule === 'number' ? `a string of at most ${rule} characters` : rule;
    throw new FloeError('invalid_event', `${key}: expected ${expected}`);
  }
  target[key] = text;
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
