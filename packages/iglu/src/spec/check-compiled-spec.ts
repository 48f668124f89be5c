import type { CompiledSpec, SelfDescribingLike, SpecCheckIssue } from './compiled-spec';

/**
 * Checks one event and its entities against a compiled spec: the event's URI, each listed
 * entity's count, and every property rule (a rule's value must be present). Entities the spec
 * does not list (global contexts) are ignored.
 *
 * Self-contained on purpose: it uses only its parameters, its own locals and standard globals,
 * because codegen copies its source (Function#toString) into the generated spec validators, so
 * the collector, `checkEventAgainstSpec` and the validators an app imports run the same code on
 * every runtime. Do not make it call anything declared elsewhere.
 *
 * @param spec - the spec, compiled (see `compileSpec`)
 * @param event - the self-describing event, or `undefined` when the event has none
 * @param entities - every entity the event carries
 * @returns every issue found, `[]` when the event fits the spec
 */
export function checkCompiledSpec(
  spec: CompiledSpec,
  event: SelfDescribingLike | undefined,
  entities: readonly SelfDescribingLike[],
): SpecCheckIssue[] {
  const issues: SpecCheckIssue[] = [];
  const show = (value: unknown): string => {
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch {
      text = undefined;
    }
    if (text === undefined) text = String(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  };
  const has = (object: object, key: string): boolean => Object.hasOwn(object, key);
  const same = (a: unknown, b: unknown): boolean => {
    if (a === b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = Object.keys(left);
    if (keys.length !== Object.keys(right).length) return false;
    return keys.every((key) => has(right, key) && same(left[key], right[key]));
  };
  const read = (data: unknown, path: string): { found: boolean; value?: unknown } => {
    let value = data;
    for (const raw of path.split('/').slice(1)) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (typeof value !== 'object' || value === null) return { found: false };
      if (Array.isArray(value)) {
        if (!/^(0|[1-9][0-9]*)$/.test(key) || Number(key) >= value.length) return { found: false };
        value = value[Number(key)];
      } else {
        if (!has(value, key)) return { found: false };
        value = (value as Record<string, unknown>)[key];
      }
    }
    // A key set to `undefined` in code is absent in the JSON that gets sent.
    return value === undefined ? { found: false } : { found: true, value };
  };
  const byUri = new Map<string, SelfDescribingLike[]>();
  for (const entity of entities) {
    if (!entity || typeof entity.schema !== 'string') continue;
    const list = byUri.get(entity.schema) ?? [];
    list.push(entity);
    byUri.set(entity.schema, list);
  }
  const eventFits = event !== undefined && event !== null && event.schema === spec.event;
  if (!eventFits) {
    const found = event ? `${show(event.schema)}` : 'no self-describing event';
    issues.push({
      target: 'event',
      path: '',
      message: `expected event ${spec.event}, found ${found}`,
    });
  }
  for (const bounds of spec.entities) {
    const count = (byUri.get(bounds.schema) ?? []).length;
    if (count >= bounds.min && (bounds.max === null || count <= bounds.max)) continue;
    const expected =
      bounds.max === null
        ? `at least ${bounds.min}`
        : bounds.min === bounds.max
          ? `exactly ${bounds.min}`
          : `${bounds.min} to ${bounds.max}`;
    issues.push({
      target: bounds.schema,
      path: '',
      message: `expected ${expected} of entity ${bounds.schema}, found ${count}`,
    });
  }
  for (const rule of spec.rules) {
    const subjects =
      rule.target === 'event'
        ? eventFits
          ? [{ label: 'event', data: (event as SelfDescribingLike).data }]
          : []
        : (byUri.get(rule.target) ?? []).map((entity, index, all) => ({
            label: all.length > 1 ? `entity ${rule.target} #${index + 1}` : `entity ${rule.target}`,
            data: entity.data,
          }));
    for (const subject of subjects) {
      const at = read(subject.data, rule.path);
      const value = at.value;
      let problem: string | undefined;
      if (!at.found) problem = 'is missing';
      else if (has(rule, 'const') && !same(value, rule.const)) {
        problem = `must be ${show(rule.const)}, found ${show(value)}`;
      } else if (rule.enum && !rule.enum.some((allowed) => same(value, allowed))) {
        problem = `must be one of ${rule.enum.map(show).join(', ')}, found ${show(value)}`;
      } else if (rule.minimum !== undefined || rule.maximum !== undefined) {
        if (typeof value !== 'number') problem = `must be a number, found ${show(value)}`;
        else if (rule.minimum !== undefined && value < rule.minimum) {
          problem = `must be at least ${rule.minimum}, found ${value}`;
        } else if (rule.maximum !== undefined && value > rule.maximum) {
          problem = `must be at most ${rule.maximum}, found ${value}`;
        }
      }
      if (problem !== undefined) {
        issues.push({
          target: rule.target,
          path: rule.path,
          message: `${subject.label}: ${rule.path} ${problem}`,
        });
      }
    }
  }
  return issues;
}
