// Copies the built @floe/core and @floe/node (package.json + dist/) into a private folder once,
// before the scenarios start. Every Floe row then measures the same build, even when another
// helper rebuilds the packages (tsup empties dist/ first) while the benchmark runs.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGES = ['core', 'node'];

/**
 * Snapshots the built packages under `<dir>/node_modules/@floe/`, where `@floe/node`'s import of
 * `@floe/core` resolves to the sibling copy.
 *
 * @param {string} root the repository root
 * @param {string} dir where to put the snapshot (emptied first)
 * @returns {{ dir: string, commit: string, dirty: string[] }} what was measured
 */
export function snapshotFloe(root, dir) {
  rmSync(dir, { recursive: true, force: true });
  for (const name of PACKAGES) {
    const from = join(root, 'packages', name);
    if (!existsSync(join(from, 'dist/index.js'))) {
      throw new Error(`packages/${name}/dist/index.js is missing: build @floe/${name} first`);
    }
    const to = join(dir, 'node_modules/@floe', name);
    mkdirSync(to, { recursive: true });
    cpSync(join(from, 'package.json'), join(to, 'package.json'));
    cpSync(join(from, 'dist'), join(to, 'dist'), { recursive: true });
  }
  const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  const sources = PACKAGES.map((name) => `packages/${name}/src`);
  return {
    dir,
    commit: git('rev-parse', '--short', 'HEAD').trim(),
    // Uncommitted source changes that the build may include, so the report can say so.
    dirty: git('status', '--porcelain', '--', ...sources)
      .split('\n')
      .filter(Boolean)
      // Porcelain lines are `XY path`; the leading status column may be a space, so no trim.
      .map((line) => line.slice(3)),
  };
}
