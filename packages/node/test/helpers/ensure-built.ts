import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Child-process tests run the BUILT packages (`dist/`), as users do. Builds `@floe/core` and
 * `@floe/node` with tsup when their dist is missing or older than their sources (turbo's `^build`
 * normally did the first already).
 */
export function ensureBuilt(): void {
  for (const name of ['core', 'node']) {
    const root = join(__dirname, '../../..', name);
    const dist = join(root, 'dist/index.js');
    const sources = Math.max(
      newestMtime(join(root, 'src')),
      statSync(join(root, 'package.json')).mtimeMs,
    );
    if (existsSync(dist) && statSync(dist).mtimeMs >= sources) continue;
    execSync('npx tsup', { cwd: root, stdio: 'ignore' });
  }
}
