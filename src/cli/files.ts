import fs from 'node:fs';
import path from 'node:path';
import { JournalError } from '../core/errors.js';

/**
 * Writes a file so that it is either the old file or the whole new one, never half of
 * it: a private temp file beside it (0600), flushed to disk, then renamed over it.
 */
export function writeFileAtomic(file: string, content: string): void {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      fs.fchmodSync(fd, 0o600);
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    const e = err as NodeJS.ErrnoException;
    throw new JournalError(`Cannot write ${file}: ${e.code === 'ENOENT' ? 'the folder does not exist' : e.code === 'EACCES' ? 'permission denied' : e.message}. Choose another path with -o.`);
  }
}
