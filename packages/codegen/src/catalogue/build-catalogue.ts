import { isJsonObject, parseCardinality, parseIgluUri, type SchemaEntry } from '@floe/iglu';
import type { CodegenConfig } from '../codegen-config';
import { aliasNames, schemaNames } from '../naming';
import type { PlanSpecFile, PlanSpecRule } from '../release/plan-spec';
import { specNames } from '../specs/spec-names';
import type {
  Catalogue,
  CatalogueSchema,
  CatalogueSpec,
  CatalogueVersion,
} from './catalogue-model';
import { describeFields } from './describe-fields';
import { exampleObject, tsLiteral } from './example-data';

/** What a catalogue is built from. */
export interface CatalogueInput {
  /** The registry's schemas, sorted (as `readRegistry` returns them). */
  readonly schemas: readonly SchemaEntry[];
  readonly specs: readonly PlanSpecFile[];
  /** For the aliases, whose short names the examples prefer. */
  readonly config: CodegenConfig;
  /** The page title, e.g. `@acme/tracking`. */
  readonly title: string;
  /** The module the examples import from, e.g. `@acme/tracking`. */
  readonly importFrom: string;
}

/** Short names of the builders of one URI: the alias's when one pins it, else the versioned ones. */
function namesFor(uri: string, config: CodegenConfig): { createName: string; trackName: string } {
  const alias = Object.entries(config.aliases ?? {}).find(([, value]) => value.uri === uri)?.[0];
  return alias ? aliasNames(alias) : schemaNames(parseIgluUri(uri));
}

/** Applies a spec's top-level `const`/`enum`/`minimum` rules to example data, so it passes them. */
function withRules(
  data: Record<string, unknown>,
  rules: readonly PlanSpecRule[],
  target: string,
): Record<string, unknown> {
  const out = { ...data };
  for (const rule of rules) {
    const key = rule.path.slice(1);
    if (rule.target !== target || !/^\/[^/]+$/.test(rule.path)) continue;
    if (rule.const !== undefined) out[key] = rule.const;
    else if (rule.enum && rule.enum.length > 0) out[key] = rule.enum[0];
    else if (rule.minimum !== undefined) out[key] = rule.minimum;
    else if (rule.maximum !== undefined) out[key] = rule.maximum;
  }
  return out;
}

function ruleLine(rule: PlanSpecRule): string {
  const target = rule.target === 'event' ? 'event' : rule.target;
  const what =
    rule.const !== undefined
      ? `always ${JSON.stringify(rule.const)}`
      : rule.enum
        ? `one of ${rule.enum.map((value) => JSON.stringify(value)).join(', ')}`
        : [
            rule.minimum !== undefined ? `at least ${rule.minimum}` : '',
            rule.maximum !== undefined ? `at most ${rule.maximum}` : '',
          ]
            .filter(Boolean)
            .join(' and ');
  return `${target} ${rule.path}: ${what}`;
}

function buildVersions(family: readonly SchemaEntry[], input: CatalogueInput): CatalogueVersion[] {
  const newest = family[family.length - 1]!;
  return [...family].reverse().map((entry) => {
    const names = schemaNames(entry.key);
    const aliases = Object.entries(input.config.aliases ?? {})
      .filter(([, alias]) => alias.uri === entry.uri)
      .map(([name]) => name)
      .sort();
    const short = namesFor(entry.uri, input.config);
    const data = tsLiteral(exampleObject(entry.schema));
    const description =
      typeof entry.schema.description === 'string' ? entry.schema.description : undefined;
    return {
      uri: entry.uri,
      version: entry.uri.slice(entry.uri.lastIndexOf('/') + 1),
      ...(description ? { description } : {}),
      fields: describeFields(entry.schema),
      typeName: names.typeName,
      createName: names.createName,
      trackName: names.trackName,
      aliases,
      superseded: entry !== newest,
      example: `import { ${short.trackName} } from '${input.importFrom}';\n\n${short.trackName}(tracker, ${data});\n`,
    };
  });
}

function buildSpec(file: PlanSpecFile, input: CatalogueInput): CatalogueSpec {
  const { spec } = file;
  const rules = spec.rules ?? [];
  const bySchema = new Map(input.schemas.map((entry) => [entry.uri, entry.schema]));
  const sample = (uri: string, target: string) => {
    const schema = bySchema.get(uri);
    return withRules(isJsonObject(schema) ? exampleObject(schema) : {}, rules, target);
  };
  const entities = spec.entities ?? [];
  const names = specNames(spec);
  // The entities argument is an object by kind: one value for a cardinality of at most 1, else
  // an array; the example carries each kind's minimum count and leaves out optional ones.
  const members: string[] = [];
  entities.forEach((entity, index) => {
    const { min, max } = parseCardinality(entity.cardinality) ?? { min: 0, max: null };
    if (min === 0) return;
    const value = tsLiteral(sample(entity.schema, entity.schema));
    const key = names.entities[index]!.key;
    members.push(
      max === 1
        ? `  ${key}: ${value},`
        : `  ${key}: [${Array.from({ length: min }, () => value).join(', ')}],`,
    );
  });
  const data = tsLiteral(sample(spec.event.schema, 'event'));
  const call =
    members.length > 0
      ? `${names.trackName}(tracker, ${data}, {\n${members.join('\n')}\n});`
      : `${names.trackName}(tracker, ${data});`;
  return {
    name: spec.name,
    anchor: `spec:${spec.name}`,
    ...(spec.description ? { description: spec.description } : {}),
    file: file.file,
    event: spec.event.schema,
    entities: entities.map((entity) => ({ uri: entity.schema, cardinality: entity.cardinality })),
    rules: rules.map(ruleLine),
    trackName: names.trackName,
    example: `import { ${names.trackName} } from '${input.importFrom}';\n\n${call}\n`,
  };
}

/**
 * The catalogue of a tracking plan: every spec, and every schema family with every version, its
 * fields, the generated names and a copy-paste example. Deterministic: families sorted by vendor
 * and name, versions newest first, specs by file name.
 *
 * @param input - schemas, specs, config, title and the module examples import from
 * @example
 * const catalogue = buildCatalogue({ schemas, specs, config, title: '@acme/tracking', importFrom: '@acme/tracking' });
 */
export function buildCatalogue(input: CatalogueInput): Catalogue {
  const families = new Map<string, SchemaEntry[]>();
  for (const entry of input.schemas) {
    const key = `${entry.key.vendor}/${entry.key.name}`;
    families.set(key, [...(families.get(key) ?? []), entry]);
  }
  const schemas: CatalogueSchema[] = [...families.values()].map((family) => ({
    vendor: family[0]!.key.vendor,
    name: family[0]!.key.name,
    versions: buildVersions(family, input),
  }));
  return {
    title: input.title,
    importFrom: input.importFrom,
    specs: input.specs.map((file) => buildSpec(file, input)),
    schemas,
  };
}
