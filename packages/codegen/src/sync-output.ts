import { mkdir, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, posix, relative, sep } from 'node:path';
import { GENERATED_MARKER } from './render-header';

/** How the files of a run compare with the output folder. */
export interface OutputDiff {
  /** Files whose content differs. */
  readonly changed: string[];
  /** Files the run produces that are not on disk. */
  readonly missing: string[];
  /** Files on disk (in the compared scope) that the run does not produce. */
  readonly orphaned: string[];
  readonly unchanged: string[];
}

async function listFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let names: import('node:fs').Dirent[];
    try {
      names = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const dirent of names) {
      const path = join(dir, dirent.name);
      if (dirent.isDirectory()) await walk(path);
      else found.push(relative(root, path).split(sep).join(posix.sep));
    }
  };
  await walk(root);
  return found.sort();
}

// Files are read and written a batch at a time: one by one, the I/O waits dominate a big run.
const BATCH = 32;

async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH) {
    await Promise.all(items.slice(start, start + BATCH).map(work));
  }
}

const readIfPresent = async (file: string): Promise<string | undefined> => {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

/**
 * Compares generated files with the output folder without writing anything.
 *
 * @param outDir - the output folder
 * @param files - generated files by relative path
 * @param inScope - which files on disk may count as orphans (default: all)
 */
export async function diffOutput(
  outDir: string,
  files: ReadonlyMap<string, string>,
  inScope: (path: string) => boolean = () => true,
): Promise<OutputDiff> {
  const diff: OutputDiff = { changed: [], missing: [], orphaned: [], unchanged: [] };
  const paths = [...files.keys()].sort();
  const status = new Map<string, keyof OutputDiff>();
  await inBatches(paths, async (path) => {
    const current = await readIfPresent(join(outDir, path));
    status.set(
      path,
      current === undefined ? 'missing' : current === files.get(path) ? 'unchanged' : 'changed',
    );
  });
  for (const path of paths) diff[status.get(path)!].push(path);
  for (const path of await listFiles(outDir)) {
    if (!files.has(path) && inScope(path)) diff.orphaned.push(path);
  }
  return diff;
}

/**
 * Applies a diff: writes changed and missing files, and deletes orphans that carry the
 * generated header (anything else is left in place and returned, so no hand-written file is
 * ever deleted). Empty folders left behind are removed.
 *
 * @returns the orphans that were kept because they are not generated files
 */
export async function applyOutput(
  outDir: string,
  files: ReadonlyMap<string, string>,
  diff: OutputDiff,
): Promise<{ removed: string[]; kept: string[] }> {
  const writes = [...diff.changed, ...diff.missing];
  for (const dir of new Set(writes.map((path) => dirname(join(outDir, path))))) {
    await mkdir(dir, { recursive: true });
  }
  await inBatches(writes, (path) => writeFile(join(outDir, path), files.get(path)!));
  const removed: string[] = [];
  const kept: string[] = [];
  for (const path of diff.orphaned) {
    const file = join(outDir, path);
    const text = await readIfPresent(file);
    if (text?.startsWith(GENERATED_MARKER)) {
      await rm(file);
      removed.push(path);
      for (let dir = dirname(file); dir.startsWith(outDir) && dir !== outDir; dir = dirname(dir)) {
        try {
          await rmdir(dir);
        } catch {
          break;
        }
      }
    } else kept.push(path);
  }
  return { removed, kept };
}
