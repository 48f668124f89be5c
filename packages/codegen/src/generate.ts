import { existsSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  checkConsistency,
  createResolver,
  type RegistryContents,
  type RegistryIssue,
  readRegistry,
  schemaKeyFromRef,
} from '@floe/iglu';
import type { CodegenConfig } from './codegen-config';
import { type GenerateProgress, generateFiles, type SchemaFailure } from './generate-files';
import { withoutRegistryDocuments } from './registry-issues';
import { loadCheckedSpecs } from './specs/load-checked-specs';
import { resolveSpecsDir } from './specs/resolve-specs-dir';
import { withPosition } from './specs/with-position';
import { applyOutput, diffOutput, type OutputDiff } from './sync-output';

/** Options of {@link generate}. */
export interface GenerateOptions {
  /** The Iglu registry folder (`VENDOR/NAME/jsonschema/M-R-A`). */
  readonly schemasDir: string;
  /** The output folder; it holds generated files only. */
  readonly outDir: string;
  /** The `codegen` section of the config (aliases, validators, policy…). */
  readonly config?: CodegenConfig;
  /** Regenerate in memory, write nothing, and report changed, missing and orphaned files. */
  readonly check?: boolean;
  /** Compile only these schemas (`iglu:` URIs or registry paths) and the rest of their families. */
  readonly only?: readonly string[];
  /** Header paths are relative to this folder. Default: the current directory. */
  readonly rootDir?: string;
  /** The config file as named in headers. */
  readonly configLabel?: string;
  /** Level of consistency findings (`InitMissing`, `Gaps`): `error` (default) or `warning`. */
  readonly consistency?: 'error' | 'warning';
  /** Called before each schema is compiled. */
  readonly onProgress?: (progress: GenerateProgress) => void;
  /** The registry as already read (watch mode keeps it up to date); read from `schemasDir` if absent. */
  readonly registry?: RegistryContents;
  /**
   * The event specifications folder, or `false` for none. Default: the config's `specs`
   * (relative to `rootDir`), else `specs` beside `schemasDir` when it exists.
   */
  readonly specsDir?: string | false;
}

/** Counts for the summary line. */
export interface GenerateSummary {
  readonly schemas: number;
  readonly modules: number;
  readonly written: number;
  readonly unchanged: number;
  readonly removed: number;
  readonly failed: number;
  readonly warnings: number;
  readonly durationMs: number;
}

/** What a run did or, in check mode, would do. */
export interface GenerateResult {
  /** No failure, no error-level registry issue and, in check mode, nothing stale. */
  readonly ok: boolean;
  readonly summary: GenerateSummary;
  /** The generated files by path relative to `outDir`. */
  readonly files: ReadonlyMap<string, string>;
  readonly failures: readonly SchemaFailure[];
  /** Layout and consistency findings about the registry folder. */
  readonly issues: readonly RegistryIssue[];
  readonly diff: OutputDiff;
  /** Orphans left in place because they do not carry the generated header. */
  readonly kept: readonly string[];
}

const toPosix = (path: string): string => path.split(sep).join(posix.sep) || '.';

function toUri(item: string): string | undefined {
  if (item.startsWith('iglu:')) return item;
  return schemaKeyFromRef(`iglu:${item.split(sep).join('/')}`) ? `iglu:${item}` : undefined;
}

/**
 * Generates TypeScript from an Iglu registry folder: reads and checks the registry, generates
 * every file in memory, then writes what changed and deletes stale generated files, or in check
 * mode only compares. Deterministic: no timestamps, no absolute paths, sorted everywhere.
 *
 * @param options - folders, config and mode
 * @example
 * const result = await generate({ schemasDir: 'schemas', outDir: 'src/generated', check: true });
 * if (!result.ok) process.exitCode = 1;
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const config = options.config ?? {};
  const rootDir = resolve(options.rootDir ?? process.cwd());
  const schemasDir = resolve(options.schemasDir);
  const outDir = resolve(options.outDir);
  const registry = options.registry ?? (await readRegistry(schemasDir));
  const consistencyLevel = options.consistency ?? 'error';
  const issues: RegistryIssue[] = [
    ...withoutRegistryDocuments(registry.issues, schemasDir),
    ...checkConsistency(registry.schemas.map((entry) => entry.key)).map((issue) => ({
      ...issue,
      level: consistencyLevel,
    })),
  ];
  const roots = [schemasDir, ...(config.registries ?? []).map((dir) => resolve(rootDir, dir))];
  const resolver = createResolver({ roots });
  const specsDir = resolveSpecsDir({
    ...(options.specsDir !== undefined ? { specsDir: options.specsDir } : {}),
    ...(config.specs !== undefined ? { configured: config.specs } : {}),
    rootDir,
    schemasDir,
  });
  const checkedSpecs = specsDir ? await loadCheckedSpecs(specsDir, resolver) : undefined;
  if (checkedSpecs) issues.push(...checkedSpecs.issues.map(withPosition));
  let only: Set<string> | undefined;
  if (options.only) {
    const requested = options.only.map(toUri).filter((uri): uri is string => uri !== undefined);
    const families = new Set(requested.map((uri) => uri.split('/').slice(0, 2).join('/')));
    only = new Set(
      registry.schemas
        .filter((entry) => families.has(entry.uri.split('/').slice(0, 2).join('/')))
        .map((entry) => entry.uri),
    );
    for (const uri of requested) only.add(uri);
  }
  const generated = await generateFiles({
    entries: registry.schemas,
    resolver,
    config,
    rootDir,
    schemasLabel: toPosix(relative(rootDir, schemasDir)),
    ...(options.configLabel ? { configLabel: options.configLabel } : {}),
    ...(only ? { only, moduleExists: (path: string) => existsSync(join(outDir, path)) } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(checkedSpecs && specsDir
      ? { specs: checkedSpecs.specs, specsLabel: toPosix(relative(rootDir, specsDir)) }
      : {}),
  });
  const familyDirs = only
    ? [...only].map((uri) => `${uri.slice('iglu:'.length).split('/').slice(0, 2).join('/')}/`)
    : [];
  const inScope = (path: string): boolean =>
    !only ||
    !path.includes('/') ||
    familyDirs.some((dir) => path.startsWith(dir) || path === `${dir.split('/')[0]}/index.ts`);
  const diff = await diffOutput(outDir, generated.files, inScope);
  const fatal = issues.some((issue) => issue.level === 'error');
  let removed: string[] = [];
  let kept: string[] = [];
  if (!options.check && !fatal)
    ({ removed, kept } = await applyOutput(outDir, generated.files, diff));
  const stale = diff.changed.length + diff.missing.length + diff.orphaned.length > 0;
  const warnings = issues.filter((issue) => issue.level !== 'error').length + kept.length;
  return {
    ok: !fatal && generated.failures.length === 0 && !(options.check && stale),
    summary: {
      schemas: registry.schemas.length,
      modules: generated.modules.size,
      written: options.check || fatal ? 0 : diff.changed.length + diff.missing.length,
      unchanged: diff.unchanged.length,
      removed: removed.length,
      failed: generated.failures.length,
      warnings,
      durationMs: Math.round(performance.now() - started),
    },
    files: generated.files,
    failures: generated.failures,
    issues,
    diff,
    kept,
  };
}
