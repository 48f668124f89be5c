import type { EventType } from '../protocol/payload';
import { EVENT_FIELD_RULES, type FieldRule, REQUIRED_FIELDS } from '../payload/field-rules';
import { type KeyOpenings, keyOpenings } from '../payload/key-openings';

/** How one key of an event type is checked and written: its rule, openings and whether required. */
export interface FieldPlan {
  readonly rule: FieldRule;
  readonly openings: KeyOpenings;
  readonly required: boolean;
  /**
   * The formatted value is always printable ASCII with nothing to escape: numbers, integers,
   * offsets and booleans are digits, `-`, `.`, `0` and `1` (`formatField`).
   */
  readonly plain: boolean;
  /**
   * For a string field, its maximum length: a string value that is plain text (`isPlainText`) and
   * no longer goes in as it is, with no formatting. -1 for the other kinds.
   */
  readonly plainTextMax: number;
}

/**
 * For each event type, its keys' {@link FieldPlan}s: one lookup per field of a tracked event
 * finds everything writing it needs, where three (rule, openings, required list) were made.
 */
export const FIELD_PLANS: Readonly<Record<EventType, ReadonlyMap<string, FieldPlan>>> =
  /* @__PURE__ */ buildFieldPlans();

// Built in a function marked pure, so bundles that never track drop the tables.
function buildFieldPlans(): Record<EventType, ReadonlyMap<string, FieldPlan>> {
  const plans = {} as Record<EventType, ReadonlyMap<string, FieldPlan>>;
  for (const e of Object.keys(EVENT_FIELD_RULES) as EventType[]) {
    const required = REQUIRED_FIELDS[e];
    const byKey = new Map<string, FieldPlan>();
    for (const [key, rule] of EVENT_FIELD_RULES[e]) {
      byKey.set(key, {
        rule,
        openings: keyOpenings(key),
        required: required.includes(key),
        plain: rule.kind !== 'string',
        plainTextMax: rule.kind === 'string' ? (rule.max ?? Number.MAX_SAFE_INTEGER) : -1,
      });
    }
    plans[e] = byKey;
  }
  return plans;
}
