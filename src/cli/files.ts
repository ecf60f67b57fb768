import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { JournalError, UsageError } from '../core/errors.js';

/**
 * Writes a file so that it is either the old file or the whole new one, never half of
 * it: a private temp file beside it (0600), flushed to disk, then renamed over it.
 * `content` may come in pieces.
 */
export function writeFileAtomic(file: string, content: string | Iterable<string>): void {
  const dir = dirname(resolve(file));
  const tmp = join(dir, `.${basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      fchmodSync(fd, 0o600);
      // Pieces are written as they come: an export of any size never exists whole in memory.
      for (const piece of typeof content === 'string' ? [content] : content) writeFileSync(fd, piece);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    const e = err as NodeJS.ErrnoException;
    // A path that cannot be a file is the user's to fix (exit 2); a disk that refuses is not.
    if (e.code === 'ENOENT') throw new UsageError(`Cannot write ${file}: its folder does not exist. Choose another path with -o.`);
    if (e.code === 'EISDIR') throw new UsageError(`Cannot write ${file}: it is a folder. Give a file name with -o.`);
    if (e.code === 'ENOTDIR') throw new UsageError(`Cannot write ${file}: part of the path is a file, not a folder. Choose another path with -o.`);
    const why = e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'ENOSPC' ? 'the disk is full' : e.code === 'EROFS' ? 'the file system is read-only' : e.message;
    throw new JournalError(`Cannot write ${file}: ${why}. Choose another path with -o.`);
  }
}
