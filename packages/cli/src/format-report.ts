import { relative } from 'node:path';
import type { GenerateResult, LintReport } from '@floe/codegen';

type Issue = LintReport['issues'][number];

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * One line per registry or lint finding: `file: level [code] message`.
 *
 * @param issues - findings to print
 * @param cwd - paths are shown relative to it
 */
export function formatIssues(issues: readonly Issue[], cwd: string): string {
  return issues
    .map((issue) => {
      const where = issue.file ? relative(cwd, issue.file) : (issue.uri ?? '');
      return `${where ? `${where}: ` : ''}${issue.level} [${issue.code}] ${issue.message}\n`;
    })
    .join('');
}

/**
 * The report of a generate run: findings, failed schemas, stale files in check mode, and the
 * summary line (schemas, files written/unchanged, failures, warnings, time).
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
  const files = options.check
    ? `${plural(summary.unchanged, 'file')} up to date`
    : `${plural(summary.written, 'file')} written, ${summary.unchanged} unchanged, ${summary.removed} removed`;
  text += `floe generate${options.check ? ' --check' : ''}: ${plural(summary.schemas, 'schema')}, ${files}, ${summary.failed} failed, ${plural(summary.warnings, 'warning')} in ${summary.durationMs} ms\n`;
  return text;
}

/**
 * The report of a lint run: every finding and a summary line.
 *
 * @param report - what `runLint` returned
 * @param cwd - paths are shown relative to it
 */
export function formatLintReport(report: LintReport, cwd: string): string {
  const { counts } = report;
  return `${formatIssues(report.issues, cwd)}floe lint: ${plural(report.schemas, 'schema')}, ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info\n`;
}
