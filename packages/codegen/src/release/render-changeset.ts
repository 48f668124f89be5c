import type { ReleaseBump, ReleaseChange } from './release-change';
import { byBump } from './release-change';

/**
 * A changeset file (changesets' Markdown with a front matter naming the package and its bump)
 * whose summary states every reason, largest bump first.
 *
 * @param packageName - the SDK package, e.g. `@acme/tracking`
 * @param bump - the bump the changes need
 * @param changes - the changes, each with its reason
 * @param since - what the plan was compared with, e.g. `git ref @acme/tracking@1.0.0`
 */
export function renderChangeset(
  packageName: string,
  bump: ReleaseBump,
  changes: readonly ReleaseChange[],
  since: string,
): string {
  const lines = byBump(changes).map((change) => `- ${change.bump}: ${change.reason}`);
  return `---\n${JSON.stringify(packageName)}: ${bump}\n---\n\nTracking plan changes since ${since}:\n\n${lines.join('\n')}\n`;
}

/**
 * The changeset's file name for a package: fixed, so planning again before a release replaces
 * the previous plan instead of adding a second one.
 *
 * @param packageName - e.g. `@acme/tracking` → `floe-acme-tracking.md`
 */
export function changesetFileName(packageName: string): string {
  const slug = packageName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `floe-${slug}.md`;
}
