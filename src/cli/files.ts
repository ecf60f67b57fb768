import { closeSync, existsSync, fsyncSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { JournalError, UsageError } from '../core/errors.js';
import { createTempFile, outputTarget } from '../store/files.js';

/**
 * A file's content for stdout (no `-o`, or `-o -`): refused when stdout was closed
 * (`net export >&-`), since the export would vanish while the command said nothing wrong.
 */
export function assertStdoutOpen(io: { stdoutClosed: boolean }, what: string): void {
  if (io.stdoutClosed) {
    throw new JournalError(`Standard output is closed, so ${what} would go nowhere; nothing was written. Give -o <file>, or redirect it: > file.`);
  }
}

/**
 * Writes `-o <file>` so that it is either the old file or the whole new one, never half of
 * it: a private temp file beside it (created exclusively, 0600 from the start), flushed to
 * disk, then renamed over it. The journal, its companion files, links, folders and
 * anything that is not a regular file are refused before anything is written
 * (store/files.ts `outputTarget`). `content` may come in pieces.
 */
export function writeFileAtomic(file: string, content: string | Iterable<string>, journal: string, flag = '-o'): string {
  const target = outputTarget(file, journal, flag);
  let tmp: string | null = null;
  try {
    const temp = createTempFile(target);
    tmp = temp.path;
    try {
      // Pieces are written as they come: an export of any size never exists whole in memory.
      for (const piece of typeof content === 'string' ? [content] : content) writeFileSync(temp.fd, piece);
      fsyncSync(temp.fd);
    } finally {
      closeSync(temp.fd);
    }
    renameSync(tmp, target);
    return target;
  } catch (err) {
    if (tmp !== null) rmSync(tmp, { force: true });
    const e = err as NodeJS.ErrnoException;
    // A path that cannot be a file is the user's to fix (exit 2); a disk that refuses is not.
    if (e.code === 'ENOENT') {
      const dir = dirname(resolve(file));
      if (!existsSync(dir)) throw new UsageError(`Cannot write ${file}: its folder does not exist. Choose another path with ${flag}.`);
      // The folder is there but takes no new file (/proc, a virtual file system): say what the system answered.
      const said = /^[A-Z]+: ([^,]+)/.exec(e.message)?.[1] ?? e.message;
      throw new UsageError(`Cannot write ${file}: the folder ${dir} does not let net create a file in it (${said}). Choose another path with ${flag}.`);
    }
    if (e.code === 'EISDIR') throw new UsageError(`Cannot write ${file}: it is a folder. Give a file name with ${flag}.`);
    if (e.code === 'ENOTDIR') throw new UsageError(`Cannot write ${file}: part of the path is a file, not a folder. Choose another path with ${flag}.`);
    const why = e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'ENOSPC' ? 'the disk is full' : e.code === 'EROFS' ? 'the file system is read-only' : e.message;
    throw new JournalError(`Cannot write ${file}: ${why}. Choose another path with ${flag}.`);
  }
}
