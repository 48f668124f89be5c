import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function isWorkspaceRoot(dir: string): boolean {
  if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return true;
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return manifest !== null && typeof manifest === 'object' && manifest.workspaces !== undefined;
  } catch {
    return false;
  }
}

/**
 * The folder whose `.changeset/` changesets reads for a package: the nearest workspace root at or
 * above the package (a package.json with `workspaces`, or a `pnpm-workspace.yaml`), else the
 * package's own folder. This is the rule changesets itself follows to find its root, so a
 * changeset written there is one `changeset version` sees.
 *
 * @param packageDir - the SDK package's folder
 */
export function findChangesetRoot(packageDir: string): string {
  const start = resolve(packageDir);
  for (let dir = start; ; dir = dirname(dir)) {
    if (isWorkspaceRoot(dir)) return dir;
    if (dirname(dir) === dir) return start;
  }
}
