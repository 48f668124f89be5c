import { basename, join } from 'node:path';
import { DiskStoreError } from '../errors/disk-store-error';
import { type DiskFs, errnoOf } from './disk-fs';
import { quarantineName } from './queue-files';

/**
 * Reads a whole queue file, or, when it cannot be read (`EIO` from a bad sector, `EACCES` on a
 * file another user left, a directory where a file should be), moves it aside as
 * `<name>.corrupt-<n>` and reports a `quarantined` {@link DiskStoreError} carrying the `errno`.
 * One bad entry must not keep the rest of the queue from being recovered and sent, nor turn the
 * store into a memory queue.
 *
 * @param fs - the file-system seam.
 * @param dir - the queue directory.
 * @param name - the file's name in it.
 * @param names - every name in the directory; a free quarantine name is picked and added.
 * @param report - receives the error.
 * @returns the file's bytes, or undefined when it was unreadable (or vanished meanwhile).
 */
export function readOrQuarantine(
  fs: DiskFs,
  dir: string,
  name: string,
  names: Set<string>,
  report: (error: DiskStoreError) => void,
): Buffer | undefined {
  const path = join(dir, name);
  try {
    return fs.readFileSync(path);
  } catch (error) {
    const errno = errnoOf(error);
    if (errno === 'ENOENT') return undefined;
    let quarantinedAs: string | undefined = quarantineName(dir, name, names);
    let outcome = `moved to ${quarantinedAs}`;
    try {
      fs.renameSync(path, quarantinedAs);
      names.add(basename(quarantinedAs));
    } catch (renameError) {
      // Left in place and skipped; the next start tries again.
      outcome = `it could not be moved aside either (${errnoOf(renameError) ?? renameError})`;
      quarantinedAs = undefined;
    }
    report(
      new DiskStoreError(
        'quarantined',
        `queue file ${path} could not be read (${errno ?? String(error)}); ${outcome}. ` +
          'Its events are not sent; the rest of the queue is.',
        { file: path, quarantinedAs, errno },
        { cause: error },
      ),
    );
    return undefined;
  }
}
