import type { ValidateFunction } from 'ajv';
import type { JsonSchema } from '../json-schema';
import { createAjv } from '../validate/create-ajv';
import type { SpecRule } from './event-spec';
import { findSubSchema } from './find-sub-schema';
import type { LoadedSpec } from './loaded-spec';
import type { SpecIssue } from './spec-issue';

/** Finds a schema by exact `iglu:` URI; `undefined` when there is none. */
export type SpecSchemaLookup = (uri: string) => JsonSchema | undefined;

const types = (schema: JsonSchema): string[] | undefined => {
  const type = schema['type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type)
    ? type.filter((item): item is string => typeof item === 'string')
    : undefined;
};

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

function valueChecker(root: JsonSchema, sub: JsonSchema): ValidateFunction | undefined {
  try {
    const ajv = createAjv({ onWarning: () => undefined });
    const { $schema: _meta, self: _self, ...rest } = sub;
    return ajv.compile({ ...rest, definitions: root['definitions'] ?? {} });
  } catch {
    return undefined; // a remote $ref: the values cannot be checked here, the collector will
  }
}

function checkRange(
  rule: SpecRule,
  sub: JsonSchema,
  report: (message: string, key: string, level?: 'warning') => void,
): void {
  const allowed = types(sub);
  if (allowed && !allowed.includes('number') && !allowed.includes('integer')) {
    report(`minimum/maximum on a ${allowed.join(' or ')} property: no value can pass`, 'path');
    return;
  }
  const low = typeof sub['minimum'] === 'number' ? (sub['minimum'] as number) : undefined;
  const high = typeof sub['maximum'] === 'number' ? (sub['maximum'] as number) : undefined;
  const from = Math.max(rule.minimum ?? -Infinity, low ?? -Infinity);
  const to = Math.min(rule.maximum ?? Infinity, high ?? Infinity);
  const integerOnly = allowed?.includes('integer') === true && !allowed.includes('number');
  const key = rule.minimum !== undefined ? 'minimum' : 'maximum';
  if (from > to || (integerOnly && Math.ceil(from) > Math.floor(to))) {
    const schemaRange = `${low ?? '-∞'}..${high ?? '∞'}`;
    report(
      `range ${rule.minimum ?? '-∞'}..${rule.maximum ?? '∞'} lies outside the schema's ${schemaRange}: no value can pass`,
      key,
    );
    return;
  }
  const tighter =
    (rule.minimum !== undefined && (low === undefined || rule.minimum > low)) ||
    (rule.maximum !== undefined && (high === undefined || rule.maximum < high));
  if (!tighter)
    report(
      "the range is no narrower than the schema's, so the rule checks nothing new",
      key,
      'warning',
    );
}

/**
 * Checks a spec against its schemas, as `floe lint` does: every URI it names exists, and every
 * rule is possible. A rule is impossible (an error) when its path is not declared in the
 * target's schema, a `const` or `enum` value fails the schema at that path (wrong type, outside
 * the schema's enum or bounds), or a range misses the schema's range or its type; a range no
 * narrower than the schema's is a warning.
 *
 * @param loaded - a spec from `readSpecs`
 * @param lookup - finds schemas by URI (e.g. a resolver over the registry folders)
 * @returns findings located at the spec's file, line and column
 */
export function lintSpec(loaded: LoadedSpec, lookup: SpecSchemaLookup): SpecIssue[] {
  const { spec, file, locations } = loaded;
  const issues: SpecIssue[] = [];
  const report = (
    code: string,
    pointer: string,
    message: string,
    level: 'error' | 'warning' = 'error',
  ) =>
    issues.push({
      level,
      code,
      message,
      file,
      spec: spec.name,
      pointer,
      ...locations.get(pointer),
    });
  const schemas = new Map<string, JsonSchema | undefined>();
  const find = (uri: string, pointer: string, role: string): JsonSchema | undefined => {
    if (!schemas.has(uri)) schemas.set(uri, lookup(uri));
    const schema = schemas.get(uri);
    if (!schema) report('specUnknownUri', pointer, `${role} ${uri} is not in the schema folders`);
    return schema;
  };
  const eventSchema = find(spec.event.schema, '/event/schema', 'event');
  const entitySchemas = new Map<string, JsonSchema | undefined>();
  (spec.entities ?? []).forEach((entity, index) => {
    entitySchemas.set(entity.schema, find(entity.schema, `/entities/${index}/schema`, 'entity'));
  });
  (spec.rules ?? []).forEach((rule, index) => {
    const root = rule.target === 'event' ? eventSchema : entitySchemas.get(rule.target);
    if (!root) return; // already reported as unknown
    const base = `/rules/${index}`;
    const found = findSubSchema(root, rule.path);
    if ('missing' in found) {
      report(
        'specRulePath',
        `${base}/path`,
        `${rule.path}: ${found.missing} of ${rule.target === 'event' ? spec.event.schema : rule.target}`,
      );
      return;
    }
    const sub = found.schema;
    if (rule.minimum !== undefined || rule.maximum !== undefined) {
      checkRange(rule, sub, (message, key, level) =>
        report(
          level ? 'specRuleRedundant' : 'specRuleImpossible',
          `${base}/${key}`,
          `${rule.path}: ${message}`,
          level ?? 'error',
        ),
      );
      return;
    }
    const check = valueChecker(root, sub);
    if (!check) return;
    const values: [unknown, string][] = Object.hasOwn(rule, 'const')
      ? [[rule.const, `${base}/const`]]
      : (rule.enum ?? []).map((value, position) => [value, `${base}/enum/${position}`]);
    for (const [value, pointer] of values) {
      if (check(value)) continue;
      const why = (check.errors ?? [])
        .map((error) => error.message)
        .filter(Boolean)
        .join('; ');
      report(
        'specRuleImpossible',
        pointer,
        `${rule.path}: ${show(value)} is not allowed by the schema (${why})`,
      );
    }
  });
  return issues;
}
