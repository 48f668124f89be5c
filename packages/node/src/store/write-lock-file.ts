import { type DiskFs, errnoOf } from './disk-fs';

// What link() answers on file systems without hard links (FAT, some network and FUSE mounts).
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

function writeWhole(fs: DiskFs, fd: number, text: string): void {
  const bytes = Buffer.from(text);
  let done = 0;
  while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
}

function writeExclusive(fs: DiskFs, path: string, text: string): void {
  const fd = fs.openSync(path, 'wx');
  try {
    writeWhole(fs, fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Creates `path` holding `text` only if nothing is there yet, atomically: the text goes to a
 * temporary file first (written and synced), which is then hard-linked to `path`. The link either
 * fails because another lock exists or makes a complete file appear at once, so a crash or a full
 * disk can never leave an empty or half-written lock behind. Where the file system has no hard
 * links, the file is created with `O_EXCL` and written in place instead; the readers' rule that
 * an unparseable lock is stale covers the crash window that leaves.
 *
 * @param fs - the file-system seam.
 * @param path - the lock file.
 * @param text - its full content.
 * @param tempPath - a name in the same directory that no other process uses.
 * @returns true when the file was created, false when one already existed.
 * @throws the file-system error for anything else (`ENOSPC`, `EACCES`…).
 */
export function writeLockFile(fs: DiskFs, path: string, text: string, tempPath: string): boolean {
  try {
    writeExclusive(fs, tempPath, text);
    fs.linkSync(tempPath, path);
    return true;
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'EEXIST') return false;
    if (!code || !NO_HARD_LINKS.has(code)) throw error;
  } finally {
    try {
      fs.unlinkSync(tempPath);
    } catch {
      // Never created, or gone already; nothing else uses this name.
    }
  }
  try {
    writeExclusive(fs, path, text);
    return true;
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false;
    throw error;
  }
}
