import { basename, isAbsolute, relative, resolve } from 'node:path';

/** The name the bundled standard schemas go by in answers. */
export const BUNDLED_REPOSITORY = 'bundled: Iglu Central';

/** A schema root and the name it goes by in answers. */
export interface NamedRepository {
  /** The absolute folder. */
  readonly root: string;
  /** `local: <folder>` or `bundled: Iglu Central`. */
  readonly name: string;
}

function localName(root: string, cwd: string): string {
  const fromCwd = relative(cwd, root);
  // Below the working folder, the relative path is what the user typed and names no host path;
  // elsewhere only the folder's own name is shown.
  const shown =
    fromCwd === ''
      ? '.'
      : fromCwd.startsWith('..') || isAbsolute(fromCwd)
        ? basename(root)
        : fromCwd;
  return `local: ${shown.split('\\').join('/')}`;
}

/**
 * Names schema roots the way the pipeline names Iglu repositories: answers (bad rows'
 * `lookupHistory`, the `/micro/iglu` 404) show these names, never host paths, because any web
 * page can read what a local collector answers to its own requests. Duplicate names get ` (2)`…
 *
 * @param roots - the roots in lookup order
 * @param bundledRoot - the package's own schema folder, named `bundled: Iglu Central`
 * @param cwd - the folder relative names start from
 */
export function nameRepositories(
  roots: readonly string[],
  bundledRoot: string | undefined,
  cwd: string = process.cwd(),
): NamedRepository[] {
  const bundled = bundledRoot === undefined ? undefined : resolve(bundledRoot);
  const seen = new Map<string, number>();
  return roots.map((given) => {
    const root = resolve(given);
    const base = root === bundled ? BUNDLED_REPOSITORY : localName(root, cwd);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { root, name: count === 1 ? base : `${base} (${count})` };
  });
}

/**
 * Replaces every root's absolute path in a text with `[name]`, longest root first so a root
 * inside another is matched whole.
 *
 * @param text - a message that may name files
 * @param repositories - from `nameRepositories`
 */
export function hideRootPaths(text: string, repositories: readonly NamedRepository[]): string {
  let out = text;
  const longestFirst = [...repositories].sort((a, b) => b.root.length - a.root.length);
  for (const { root, name } of longestFirst) out = out.split(root).join(`[${name}]`);
  return out;
}
