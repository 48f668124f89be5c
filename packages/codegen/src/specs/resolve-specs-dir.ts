import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The event specifications folder of a run: the one given, else `specs` in the config (relative
 * to the config's folder), else `specs` beside the schema folder when it exists, else none. A
 * folder that is named but missing is kept, so reading it reports the mistake.
 *
 * @param options - an explicit folder, the config's `specs`, its folder and the schema folder
 * @returns an absolute folder, or `undefined` for a run without specs
 */
export function resolveSpecsDir(options: {
  readonly specsDir?: string | false;
  readonly configured?: string;
  readonly rootDir: string;
  readonly schemasDir: string;
}): string | undefined {
  if (options.specsDir === false) return undefined;
  if (options.specsDir !== undefined) return resolve(options.specsDir);
  if (options.configured !== undefined) return resolve(options.rootDir, options.configured);
  const beside = join(dirname(resolve(options.schemasDir)), 'specs');
  return existsSync(beside) && statSync(beside).isDirectory() ? beside : undefined;
}
