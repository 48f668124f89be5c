import { posix, relative, sep } from 'node:path';
import type { LoadedSpec, Resolver, SchemaEntry } from '@floe/iglu';
import { type CodegenConfig, DEFAULT_IMPORT_EXTENSION } from './codegen-config';
import { CodegenError } from './codegen-error';
import { compileTypes } from './compile-types';
import { normalizeSchema } from './normalize-schema';
import { type PlannedSchema, planSchemas } from './plan-schemas';
import { relativeSpecifier } from './relative-specifier';
import { type AliasTarget, renderAliases } from './render-aliases';
import { firstLine } from './render-comment';
import { renderHeader } from './render-header';
import { renderRootIndex, renderVendorIndex } from './render-indexes';
import { renderSchemaModule } from './render-schema-module';
import { renderValidators } from './render-validators';
import { renderValidatorsWrapper } from './render-validators-wrapper';
import { createSchemaLookup } from './schema-lookup';
import { planSpecsOutput } from './specs/plan-specs-output';
import { renderSpecValidators } from './specs/render-spec-validators';
import { renderSpecsModule } from './specs/render-specs-module';

/** A schema that got no module, and why. */
export interface SchemaFailure {
  readonly uri: string;
  /** The schema file, relative to the root folder. */
  readonly file: string;
  readonly code: string;
  readonly message: string;
}

/** Progress of a run, for the CLI's progress line. */
export interface GenerateProgress {
  readonly done: number;
  readonly total: number;
  readonly uri: string;
}

/** Inputs of {@link generateFiles}. */
export interface GenerateFilesOptions {
  /** The schemas, in any order. */
  readonly entries: readonly SchemaEntry[];
  /** Resolves remote `$ref`s and feeds the validators. */
  readonly resolver: Resolver;
  readonly config: CodegenConfig;
  /** Header paths are relative to this folder (the config file's folder). */
  readonly rootDir: string;
  /** The config file, relative to `rootDir`, for the aliases header. */
  readonly configLabel?: string;
  /** The registry folder, relative to `rootDir`, for the index headers. Default `schemas`. */
  readonly schemasLabel?: string;
  /** Only these URIs get their module compiled (watch mode); indexes always cover everything. */
  readonly only?: ReadonlySet<string>;
  /** For schemas outside `only`: whether their module is on disk, so indexes stay correct. */
  readonly moduleExists?: (modulePath: string) => boolean;
  readonly onProgress?: (progress: GenerateProgress) => void;
  /** Checked event specifications (sorted by name): each gets `track<Spec>` and a spec validator. */
  readonly specs?: readonly LoadedSpec[];
  /** The specs folder, relative to `rootDir`, for the specs headers. Default `specs`. */
  readonly specsLabel?: string;
}

/** The files of a run, keyed by path relative to the output folder, and the failures. */
export interface GeneratedFiles {
  readonly files: Map<string, string>;
  readonly failures: SchemaFailure[];
  /** Module paths that belong to the run (compiled now or kept from an earlier run). */
  readonly modules: ReadonlySet<string>;
}

/** Where generated code imports its runtime from (the frozen interface of docs/api.md). */
export const CORE_MODULE = '@floe/core';

const toPosix = (path: string): string => path.split(sep).join(posix.sep);

/** The file of the precompiled validators code beside the typed validators module. */
const compiledValidatorsFile = (validatorsFile: string): string => `compiled-${validatorsFile}`;

function aliasTargets(
  config: CodegenConfig,
  planned: ReadonlyMap<string, PlannedSchema>,
  failures: SchemaFailure[],
): AliasTarget[] {
  const targets: AliasTarget[] = [];
  for (const [alias, aliasConfig] of Object.entries(config.aliases ?? {}).sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    const plan = planned.get(aliasConfig.uri);
    const fail = (message: string) =>
      failures.push({
        uri: aliasConfig.uri,
        file: 'codegen.aliases',
        code: 'invalid_config',
        message: `alias ${alias}: ${message}`,
      });
    if (!plan) {
      fail(`${aliasConfig.uri} is not among the generated schemas`);
      continue;
    }
    const properties = (plan.entry.schema.properties ?? {}) as Record<string, unknown>;
    const unknown = [...(aliasConfig.generateUuid ?? []), ...(aliasConfig.require ?? [])].filter(
      (key) => !Object.hasOwn(properties, key),
    );
    if (unknown.length > 0) {
      fail(`${unknown.join(', ')} not among the schema's top-level properties`);
      continue;
    }
    targets.push({
      alias,
      config: aliasConfig,
      names: plan.names,
      version: plan.version,
      specifier: relativeSpecifier(
        `./${plan.names.modulePath}`,
        config.importExtension ?? DEFAULT_IMPORT_EXTENSION,
      ),
      summary: firstLine(plan.entry.schema.description, `Data for ${plan.entry.uri}.`),
    });
  }
  return targets;
}

/**
 * Generates every file of a run in memory: one module per schema, per-vendor and root indexes,
 * the aliases module and (unless turned off) the typed validators module with the precompiled
 * code beside it. Relative imports end as `config.importExtension` says (default `.js`). Pure apart from reading
 * remote `$ref` targets through the resolver; the same inputs in any order give the same files.
 * A schema that cannot be generated is listed in `failures` and left out of the indexes.
 *
 * @param options - schemas, resolver, config and header root
 * @example
 * const { files, failures } = await generateFiles({ entries, resolver, config: {}, rootDir: process.cwd() });
 */
export async function generateFiles(options: GenerateFilesOptions): Promise<GeneratedFiles> {
  const { config, rootDir } = options;
  const command = config.command ?? 'floe generate';
  const policy = config.additionalProperties ?? 'closed';
  const extension = config.importExtension ?? DEFAULT_IMPORT_EXTENSION;
  const lookup = createSchemaLookup(options.resolver);
  const plans = planSchemas(options.entries);
  const files = new Map<string, string>();
  const failures: SchemaFailure[] = [];
  const modules = new Set<string>();
  const ok: PlannedSchema[] = [];
  const selected = plans.filter((plan) => !options.only || options.only.has(plan.entry.uri));
  let done = 0;
  for (const plan of plans) {
    const { entry, names } = plan;
    const source = toPosix(relative(rootDir, entry.file));
    if (options.only && !options.only.has(entry.uri)) {
      if (!plan.conflict && (options.moduleExists?.(names.modulePath) ?? true)) {
        modules.add(names.modulePath);
        ok.push(plan);
      }
      continue;
    }
    done += 1;
    options.onProgress?.({ done, total: selected.length, uri: entry.uri });
    try {
      if (plan.conflict) throw new CodegenError('name_collision', plan.conflict);
      const trail = plan.supersededBy
        ? `@deprecated Superseded by \`${plan.supersededBy.uri}\`: use \`${plan.supersededBy.names.typeName}\`.`
        : undefined;
      const schema = normalizeSchema(entry.schema, {
        rootName: names.typeName,
        policy,
        lookup,
        lead: `Iglu schema \`${entry.uri}\` (SchemaVer ${plan.version}).`,
        ...(trail ? { trail } : {}),
      });
      const { code } = await compileTypes(schema, names.typeName);
      files.set(
        names.modulePath,
        renderSchemaModule({
          uri: entry.uri,
          version: plan.version,
          names,
          types: code,
          header: renderHeader(source, command),
          summary: firstLine(entry.schema.description, `Data for ${entry.uri}.`),
          ...(plan.supersededBy ? { supersededBy: plan.supersededBy } : {}),
          coreModule: CORE_MODULE,
        }),
      );
      modules.add(names.modulePath);
      ok.push(plan);
    } catch (error) {
      const code = error instanceof CodegenError ? error.code : 'compile_failed';
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ uri: entry.uri, file: source, code, message });
    }
  }
  const schemasLabel = options.schemasLabel ?? 'schemas';
  const vendors = [...new Set(ok.map((plan) => plan.entry.key.vendor))].sort();
  for (const vendor of vendors) {
    const paths = ok
      .filter((plan) => plan.entry.key.vendor === vendor)
      .map((plan) => plan.names.modulePath);
    files.set(
      `${vendor}/index.ts`,
      renderVendorIndex(
        renderHeader(`${schemasLabel}/${vendor} (vendor index)`, command),
        paths,
        extension,
      ),
    );
  }
  const byUri = new Map(ok.map((plan) => [plan.entry.uri, plan]));
  const targets = aliasTargets(config, byUri, failures);
  const planned = planSpecsOutput(options.specs ?? [], byUri, config, extension);
  for (const failure of planned.failures) {
    failures.push({
      uri: failure.loaded.spec.event.schema,
      file: toPosix(relative(rootDir, failure.loaded.file)),
      code: failure.code,
      message: failure.message,
    });
  }
  const specTargets = planned.targets;
  const specsLabel = options.specsLabel ?? 'specs';
  if (specTargets.length > 0) {
    files.set(
      'specs.ts',
      renderSpecsModule(
        specTargets,
        renderHeader(`${specsLabel} (event specifications)`, command),
        CORE_MODULE,
      ),
    );
  }
  const configLabel = options.configLabel ?? 'codegen config';
  files.set(
    'aliases.ts',
    renderAliases(targets, renderHeader(`${configLabel} (codegen.aliases)`, command), CORE_MODULE),
  );
  files.set(
    'index.ts',
    renderRootIndex(
      renderHeader(`${schemasLabel} (root index)`, command),
      vendors,
      extension,
      'aliases',
      specTargets.length > 0 ? ['specs'] : [],
    ),
  );
  if (config.validators !== false) {
    const validatorsFile = config.validators ?? 'validators.ts';
    const compiledFile = compiledValidatorsFile(validatorsFile);
    const result = renderValidators({
      resolver: options.resolver,
      uris: ok.map((plan) => plan.entry.uri),
      header: renderHeader(`${schemasLabel} (precompiled validators)`, command),
    });
    files.set(compiledFile, result.code);
    const compiledSpecsFile = `compiled-spec-${validatorsFile}`;
    if (specTargets.length > 0) {
      files.set(
        compiledSpecsFile,
        renderSpecValidators(
          specTargets.map((target) => target.spec),
          renderHeader(`${specsLabel} (precompiled spec validators)`, command),
        ),
      );
    }
    files.set(
      validatorsFile,
      renderValidatorsWrapper(
        renderHeader(`${schemasLabel} (typed validators)`, command),
        relativeSpecifier(`./${compiledFile}`, extension),
        CORE_MODULE,
        specTargets.length > 0
          ? {
              specifier: relativeSpecifier(`./${compiledSpecsFile}`, extension),
              names: specTargets.map((target) => target.spec.name),
            }
          : undefined,
      ),
    );
    for (const failure of result.failures) {
      const plan = byUri.get(failure.uri);
      failures.push({
        ...failure,
        file: plan ? toPosix(relative(rootDir, plan.entry.file)) : failure.uri,
      });
    }
  }
  return { files, failures, modules };
}
