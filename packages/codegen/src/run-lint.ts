import { resolve } from 'node:path';
import {
  checkConsistency,
  createResolver,
  lintSchema,
  type RegistryIssue,
  readRegistry,
} from '@floe/iglu';
import { withoutRegistryDocuments } from './registry-issues';
import { loadCheckedSpecs } from './specs/load-checked-specs';
import { resolveSpecsDir } from './specs/resolve-specs-dir';
import { withPosition } from './specs/with-position';

/** Options of {@link runLint}. */
export interface LintRunOptions {
  /** The registry folder. */
  readonly schemasDir: string;
  /** Fail on any finding, warnings and info included (igluctl's behaviour). */
  readonly strict?: boolean;
  /** Non-Error linters to skip, by name (`description`, `optionalNull`…). */
  readonly skipChecks?: readonly string[];
  /**
   * Level of consistency findings (`InitMissing`, `Gaps`): `error` for the repo's own schemas
   * (default), `warning` for an external corpus (decision 17).
   */
  readonly consistency?: 'error' | 'warning';
  /**
   * The event specifications folder to check against the schemas, or `false` for none.
   * Default: `specs` beside the schema folder, when it exists.
   */
  readonly specsDir?: string | false;
}

/** The outcome of a lint run. */
export interface LintReport {
  /** Every finding: layout, consistency, then lint findings by file. */
  readonly issues: readonly RegistryIssue[];
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number };
  readonly schemas: number;
  /** Event specifications checked (0 without a specs folder). */
  readonly specs: number;
  /** 0 when clean enough (no errors; with `strict`, no findings at all), else 1. */
  readonly exitCode: 0 | 1;
}

/**
 * Lints a registry folder as `igluctl lint` does (decision 18): layout checks (`self` against
 * the path, exact `$schema`), consistency (`InitMissing`, `Gaps`) and the 18 linters per schema,
 * then the event specifications against the schemas (unknown URIs, impossible rules).
 * Errors fail the run; warnings and info fail it only with `strict`.
 *
 * @param options - folder, strictness, skipped checks and consistency level
 * @throws IgluError `invalid_option` for an unknown or Error-level name in `skipChecks`
 * @example
 * const report = await runLint({ schemasDir: 'schemas', skipChecks: ['description'] });
 * process.exitCode = report.exitCode;
 */
export async function runLint(options: LintRunOptions): Promise<LintReport> {
  const registry = await readRegistry(resolve(options.schemasDir));
  const level = options.consistency ?? 'error';
  const lintOptions = { skipChecks: options.skipChecks ?? [] };
  const issues: RegistryIssue[] = [
    ...withoutRegistryDocuments(registry.issues, options.schemasDir),
    ...checkConsistency(registry.schemas.map((entry) => entry.key)).map((issue) => ({
      ...issue,
      level,
    })),
  ];
  for (const entry of registry.schemas) {
    for (const issue of lintSchema(entry.schema, lintOptions)) {
      issues.push({ ...issue, uri: entry.uri, file: entry.file });
    }
  }
  const specsDir = resolveSpecsDir({
    ...(options.specsDir !== undefined ? { specsDir: options.specsDir } : {}),
    rootDir: process.cwd(),
    schemasDir: options.schemasDir,
  });
  let specs = 0;
  if (specsDir) {
    const resolver = createResolver({ roots: [resolve(options.schemasDir)] });
    const checked = await loadCheckedSpecs(specsDir, resolver);
    issues.push(...checked.issues.map(withPosition));
    specs = new Set([...checked.issues, ...checked.specs].map((item) => item.file)).size;
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.level] += 1;
  const failed = counts.error > 0 || (options.strict === true && issues.length > 0);
  return { issues, counts, schemas: registry.schemas.length, specs, exitCode: failed ? 1 : 0 };
}
