import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether git ignores `path`: `true` or `false` inside a git work tree, `undefined` outside one
 * or when git is not installed (then there is nothing to warn about).
 *
 * @param path - a file or folder, which need not exist
 * @param cwd - where to ask git from
 */
export function isGitIgnored(path: string, cwd: string): boolean | undefined {
  const result = spawnSync('git', ['check-ignore', '-q', path], { cwd, stdio: 'ignore' });
  if (result.status === 0) return true;
  if (result.status === 1) return false;
  return undefined;
}

/**
 * Adds `.floe/` to `cwd`'s `.gitignore` (created when missing), unless git already ignores it.
 *
 * @param cwd - the project folder
 * @returns `added`, or `already` when nothing had to change
 */
export function addFloeDirToGitignore(cwd: string): 'added' | 'already' {
  if (isGitIgnored(join(cwd, '.floe', 'x'), cwd) === true) return 'already';
  const file = join(cwd, '.gitignore');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (text.split(/\r?\n/).some((line) => /^\/?\.floe\/?$/.test(line.trim()))) return 'already';
  appendFileSync(file, `${text === '' || text.endsWith('\n') ? '' : '\n'}.floe/\n`);
  return 'added';
}
