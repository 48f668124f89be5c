import type { SpecIssue } from '@floe/iglu';

/**
 * A spec finding as a registry issue. The message ends in `(at position N)`, the offset of the
 * value in the file, which the `floe` command turns into `file:line:column`, as it does for
 * JSON syntax errors; `line` and `column` stay on the issue for other callers.
 */
export function withPosition(issue: SpecIssue): SpecIssue {
  if (issue.offset === undefined || /at position \d+/.test(issue.message)) return issue;
  return { ...issue, message: `${issue.message} (at position ${issue.offset})` };
}
