import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { GenerateResult, LintReport } from '@floe/codegen';
import { jsonLineColumn } from './json-line-column';

type Issue = LintReport['issues'][number];

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** `file:line:column: ` for a JSON syntax error, `file: ` otherwise, so editors can jump there. */
function located(issue: Issue, cwd: string): { where: string; message: string } {
  const where = issue.file ? relative(cwd, issue.file) : (issue.uri ?? '');
  const text =
    issue.file && /at position \d+/.test(issue.message) ? readText(issue.file) : undefined;
  const position = text === undefined ? undefined : jsonLineColumn(issue.message, text);
  if (!position) return { where, message: issue.message };
  return { where: `${where}:${position.line}:${position.column}`, message: position.message };
}

/**
 * One line per registry or lint finding: `file: level [code] message`, with `file:line:column`
 * for JSON syntax errors.
 *
 * @param issues - findings to print
 * @param cwd - paths are shown relative to it
 */
export function formatIssues(issues: readonly Issue[], cwd: string): string {
  return issues
    .map((issue) => {
      const { where, message } = located(issue, cwd);
      return `${where ? `${where}: ` : ''}${issue.level} [${issue.code}] ${message}\n`;
    })
    .join('');
}

/**
 * The report of a generate run: findings, failed schemas, stale files in check mode, and the
 * summary line. `failed` counts every failure that makes the run exit 1 (schemas that did not
 * compile and error-level findings such as a file that is not JSON), so the line and the exit
 * code always agree.
 *
 * @param result - what `generate` returned
 * @param options - check mode, the command to suggest and the working directory
 */
export function formatGenerateReport(
  result: GenerateResult,
  options: { check: boolean; command: string; cwd: string },
): string {
  const { summary, diff } = result;
  let text = formatIssues(result.issues, options.cwd);
  for (const failure of result.failures) {
    text += `failed ${failure.uri} (${failure.file}): ${failure.message}\n`;
  }
  if (options.check) {
    for (const path of diff.changed) text += `changed   ${path}\n`;
    for (const path of diff.missing) text += `missing   ${path}\n`;
    for (const path of diff.orphaned) text += `orphaned  ${path}\n`;
    const stale = diff.changed.length + diff.missing.length + diff.orphaned.length;
    if (stale > 0)
      text += `${plural(stale, 'generated file')} out of date; run \`${options.command}\`\n`;
  }
  for (const path of result.kept) text += `kept      ${path} (not a generated file)\n`;
  const errors = result.issues.filter((issue) => issue.level === 'error').length;
  const files = options.check
    ? `${plural(summary.unchanged, 'file')} up to date`
    : `${plural(summary.written, 'file')} written, ${summary.unchanged} unchanged, ${summary.removed} removed`;
  text += `floe generate${options.check ? ' --check' : ''}: ${plural(summary.schemas, 'schema')}, ${files}, ${summary.failed + errors} failed, ${plural(summary.warnings, 'warning')} in ${summary.durationMs} ms\n`;
  return text;
}

/** The lowest finding level `floe lint` shows. */
export type LintLevel = 'info' | 'warning' | 'error';

const RANK: Readonly<Record<LintLevel, number>> = { info: 0, warning: 1, error: 2 };
/** As `--level` spells it. */
const FLAG: Readonly<Record<LintLevel, string>> = { info: 'info', warning: 'warn', error: 'error' };

/**
 * The report of a lint run: the findings at `level` or above, and a summary line that counts
 * every finding, says how many are hidden, and names what failed the run.
 *
 * @param report - what `runLint` returned
 * @param options - the working directory (paths are shown relative to it), the lowest level
 *   shown and whether `--strict` was given
 */
export function formatLintReport(
  report: LintReport,
  options: { cwd: string; level: LintLevel; strict: boolean },
): string {
  const { counts } = report;
  const shown = report.issues.filter((issue) => RANK[issue.level] >= RANK[options.level]);
  const hidden = report.issues.length - shown.length;
  let summary = `floe lint: ${plural(report.schemas, 'schema')}, ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`;
  if (hidden > 0) summary += ` (${hidden} below --level ${FLAG[options.level]} not shown)`;
  if (options.strict && counts.error === 0 && report.issues.length > 0)
    summary += `; --strict fails on ${plural(report.issues.length, 'finding')}`;
  return `${formatIssues(shown, options.cwd)}${summary}\n`;
}
