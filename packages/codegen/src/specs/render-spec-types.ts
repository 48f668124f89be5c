import { parseCardinality, type SpecRule } from '@floe/iglu';
import { renderComment } from '../render-comment';

const isPrimitive = (value: unknown): boolean =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

const literal = (value: unknown): string => JSON.stringify(value);

/** A property name as written in a type: bare when it is an identifier, quoted otherwise. */
const propertyName = (key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : literal(key));

/** What a rule says, for doc comments and the track function's summary. */
export function describeRule(rule: SpecRule): string {
  if (Object.hasOwn(rule, 'const')) return `${rule.path} is always ${literal(rule.const)}`;
  if (rule.enum) return `${rule.path} is one of ${rule.enum.map(literal).join(', ')}`;
  const bounds = [
    rule.minimum !== undefined ? `at least ${rule.minimum}` : undefined,
    rule.maximum !== undefined ? `at most ${rule.maximum}` : undefined,
  ].filter(Boolean);
  return `${rule.path} is ${bounds.join(' and ')}`;
}

/** The property a rule narrows in types: a top-level key, or none for deeper paths. */
export function topLevelKey(rule: SpecRule): string | undefined {
  const match = /^\/([^/]*)$/.exec(rule.path);
  return match ? match[1]!.replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

function ruleType(base: string, key: string, rule: SpecRule): string {
  if (Object.hasOwn(rule, 'const') && isPrimitive(rule.const)) return literal(rule.const);
  if (rule.enum?.every(isPrimitive)) return `(${rule.enum.map(literal).join(' | ')})`;
  const property = `${base}[${literal(key)}]`;
  if (rule.minimum !== undefined || rule.maximum !== undefined)
    return `Extract<${property}, number>`;
  return `Exclude<${property}, undefined>`;
}

/**
 * The data type a spec allows for one target: the schema's type with each top-level property
 * a rule names made required (a rule requires its value) and narrowed where TypeScript can say
 * it: `const` → a literal, `enum` → a union of literals, a range → `number` (bounds in the doc
 * comment). Deeper paths and object values are checked by the validators only.
 *
 * @param name - the type to declare (`CheckoutData`)
 * @param base - the schema's type (`ComExampleCompanyCheckout_1_0_0`)
 * @param rules - the rules on this target
 * @param summary - the type's doc comment
 */
export function renderNarrowedType(
  name: string,
  base: string,
  rules: readonly SpecRule[],
  summary: readonly string[],
): string {
  const byKey = new Map<string, SpecRule[]>();
  for (const rule of rules) {
    const key = topLevelKey(rule);
    if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), rule]);
  }
  const head = renderComment(summary);
  if (byKey.size === 0) return `${head}\nexport type ${name} = ${base};\n`;
  const keys = [...byKey.keys()];
  const members = keys.map((key) => {
    const list = byKey.get(key)!;
    const type = list.map((rule) => ruleType(base, key, rule)).join(' & ');
    const doc = list.map((rule) => {
      const range = rule.minimum !== undefined || rule.maximum !== undefined;
      const tags = range
        ? [
            ...(rule.minimum !== undefined ? [`@minimum ${rule.minimum}`] : []),
            ...(rule.maximum !== undefined ? [`@maximum ${rule.maximum}`] : []),
          ]
        : [];
      return [`Spec rule: ${describeRule(rule)}.`, ...tags];
    });
    return `${renderComment(doc.flat(), '  ')}\n  ${propertyName(key)}: ${type};`;
  });
  const omitted = keys.map(literal).join(' | ');
  return `${head}\nexport type ${name} = Omit<${base}, ${omitted}> & {\n${members.join('\n')}\n};\n`;
}

/** How an entity's cardinality reads in a doc comment. */
export function describeCardinality(text: string): string {
  const bounds = parseCardinality(text)!;
  if (bounds.max === null) return `at least ${bounds.min}`;
  if (bounds.min === bounds.max) return `exactly ${bounds.min}`;
  return `${bounds.min} to ${bounds.max}`;
}

/** Tuple unions are written out up to this many items; beyond it, a rest element takes over. */
export const MAX_TUPLE_UNION = 10;

function tuple(type: string, length: number, rest: boolean): string {
  const items = Array.from({ length }, () => type);
  if (rest) items.push(`...${type}[]`);
  return `readonly [${items.join(', ')}]`;
}

/**
 * The type of one entity member of `<Spec>Entities`, from its cardinality: `"1"` one value,
 * `"0..1"` an optional value, `"N"` a tuple of N, `"N..M"` (M ≤ 10) a union of tuples, `"N..*"`
 * a tuple of N with a rest element (`"1..*"` is a non-empty array). A minimum of 0 makes the
 * member optional. Bounds a type cannot hold (M > 10) are checked by the validators.
 *
 * @param type - the entity's data type
 * @param cardinality - as written in the spec
 * @returns the member's type and whether it is optional, or `undefined` when the entity may not occur (`"0"`)
 */
export function entityMemberType(
  type: string,
  cardinality: string,
): { type: string; optional: boolean } | undefined {
  const { min, max } = parseCardinality(cardinality)!;
  if (max === 0) return undefined;
  const optional = min === 0;
  if (max === 1) return { type, optional };
  if (max === null) {
    return { type: min === 0 ? `readonly ${type}[]` : tuple(type, min, true), optional };
  }
  if (max > MAX_TUPLE_UNION) return { type: tuple(type, Math.max(min, 1), true), optional };
  const lengths = Array.from(
    { length: max - Math.max(min, 1) + 1 },
    (_, i) => Math.max(min, 1) + i,
  );
  return { type: lengths.map((length) => tuple(type, length, false)).join(' | '), optional };
}
