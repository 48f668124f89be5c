import { IgluError } from './iglu-error';
import type { JsonSchema } from './json-schema';
import { LINTERS } from './lint/linters';
import { walkSubSchemas } from './lint/walk-sub-schemas';
import type { RegistryIssue } from './registry-issue';

/** Options of {@link lintSchema}. */
export interface LintOptions {
  /** Names of non-Error linters to skip (igluctl's `--skip-checks`). */
  readonly skipChecks?: readonly string[];
}

/** Names of the linters that may be skipped: every non-Error one, as in igluctl's code. */
export const SKIPPABLE_LINTERS: readonly string[] = LINTERS.filter(
  (linter) => linter.level !== 'error',
).map((linter) => linter.name);

/** Names of all 18 linters, in report order. */
export const LINTER_NAMES: readonly string[] = LINTERS.map((linter) => linter.name);

function skipped(options: LintOptions): Set<string> {
  const names = new Set(options.skipChecks ?? []);
  for (const name of names) {
    const linter = LINTERS.find((candidate) => candidate.name === name);
    if (!linter) {
      throw new IgluError(
        'invalid_option',
        `unknown lint check "${name}"; known: ${LINTER_NAMES.join(', ')}`,
      );
    }
    if (linter.level === 'error') {
      throw new IgluError(
        'invalid_option',
        `lint check "${name}" is Error-level and cannot be skipped`,
      );
    }
  }
  return names;
}

/**
 * Runs igluctl's 18 lint checks (codegen.md §2) over a schema and the sub-schemas igluctl visits.
 * Each finding's `code` is the linter name, `level` its igluctl level and `pointer` the JSON
 * pointer of the sub-schema. Findings come in document order, then linter order.
 *
 * @param schema - a parsed schema
 * @param options - `skipChecks`: non-Error linters to leave out
 * @throws IgluError `invalid_option` for an unknown or Error-level check in `skipChecks`
 * @example
 * lintSchema(entry.schema, { skipChecks: ['description', 'optionalNull'] });
 */
export function lintSchema(schema: JsonSchema, options: LintOptions = {}): RegistryIssue[] {
  const skip = skipped(options);
  const active = LINTERS.filter((linter) => !skip.has(linter.name));
  const issues: RegistryIssue[] = [];
  walkSubSchemas(schema, (sub, pointer) => {
    for (const linter of active) {
      const message = linter.check(sub, pointer);
      if (message === undefined) continue;
      issues.push({
        level: linter.level,
        code: linter.name,
        message: `${pointer || '/'}: ${message}`,
        pointer,
      });
    }
  });
  return issues;
}
