import { basename, dirname, resolve } from 'node:path';
import type { RegistryIssue } from '@floe/iglu';

const DOCUMENT = /^(NOTICE|LICENSE|README)(\..*)?$/i;

/**
 * Drops `@floe/iglu`'s warning about a NOTICE, LICENSE or README file at the top of the registry
 * folder: those document the folder (the repository's `schemas/NOTICE` names where copied
 * schemas come from) and are not stray schema files. Every other issue is kept.
 *
 * @param issues - layout issues from `readRegistry`
 * @param root - the registry folder
 */
export function withoutRegistryDocuments(
  issues: readonly RegistryIssue[],
  root: string,
): RegistryIssue[] {
  const folder = resolve(root);
  return issues.filter(
    (issue) =>
      !(
        issue.code === 'InvalidPath' &&
        issue.level === 'warning' &&
        issue.file !== undefined &&
        dirname(resolve(issue.file)) === folder &&
        DOCUMENT.test(basename(issue.file))
      ),
  );
}
