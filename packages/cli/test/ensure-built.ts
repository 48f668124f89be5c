import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const PACKAGES = join(__dirname, '..', '..');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Child-process tests run the real `floe` executable, so the packages it loads must have a
 * current dist. Turbo builds dependencies before `test`; this also covers a direct `npx jest`
 * after editing sources, by running tsup where dist is missing or older than src.
 */
export function ensureBuilt(names: readonly string[]): void {
  for (const name of names) {
    const dir = join(PACKAGES, name);
    const marker = join(dir, 'dist', 'index.js');
    const stale =
      !existsSync(marker) ||
      statSync(marker).mtimeMs <
        Math.max(newest(join(dir, 'src')), statSync(join(dir, 'package.json')).mtimeMs);
    if (stale) execFileSync('npx', ['tsup'], { cwd: dir, stdio: 'ignore', timeout: 180_000 });
  }
}
