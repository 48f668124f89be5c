import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root: the nearest folder above the current directory that holds
 * `fixtures/iglu-central`. Found from `process.cwd()` so it works under jest (CommonJS) and in ESM
 * alike, from any package folder.
 *
 * @throws Error when run outside the Floe repository.
 */
export function findRepoRoot(start: string = process.cwd()): string {
  let current = start;
  for (;;) {
    if (existsSync(join(current, 'fixtures', 'iglu-central'))) return current;
    const parent = dirname(current);
    if (parent === current) throw new Error(`no Floe repository above ${start}`);
    current = parent;
  }
}
