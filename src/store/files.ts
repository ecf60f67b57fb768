// The files net writes besides the journal (backups, exports, reports): where they may go,
// and the private temp files they are built in before being renamed into place.
import { type Stats, constants, lstatSync, mkdirSync, openSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { randomBytes } from './random.js';

/** The files SQLite keeps beside a journal while it is in use; each is part of the database. */
export const JOURNAL_COMPANIONS = ['', '-wal', '-shm', '-journal'] as const;

/**
 * Temp files and folders are named `.<target>.net-<pid>-<random>.tmp`: the random part so
 * that nobody can plant a file or link at the name beforehand, the pid so that a leftover
 * of an interrupted command can be told from one in use.
 */
const TEMP_RE = /^\..+\.net-(\d+)-[0-9a-f]{12}\.tmp$/;

function tempPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.net-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Creates a private temp file beside `target` and returns its descriptor and path. It is
 * created exclusively (never an existing file, never through a symbolic link) and 0600
 * from the first moment, so nothing written to it is readable by others or lands
 * elsewhere.
 */
export function createTempFile(target: string): { fd: number; path: string } {
  const path = tempPath(target);
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  return { fd, path };
}

/** A private (0700) temp folder beside `target`, for files another program creates (SQLite's VACUUM INTO). */
export function createTempFolder(target: string): string {
  const path = tempPath(target);
  mkdirSync(path, { mode: 0o700 });
  return path;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temp files and folders in `dir` left by net commands that are no longer running. */
export function staleTemps(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => {
    const m = TEMP_RE.exec(n);
    return m !== null && Number(m[1]) !== process.pid && !running(Number(m[1]));
  });
}

/** Removes what `staleTemps` finds; returns the names removed. */
export function removeStaleTemps(dir: string): string[] {
  const removed: string[] = [];
  for (const name of staleTemps(dir)) {
    try {
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Someone else's file in a shared folder: leave it, doctor reports it.
    }
  }
  return removed;
}

function statOrNull(file: string, follow: boolean): Stats | null {
  try {
    return follow ? statSync(file) : lstatSync(file);
  } catch {
    return null;
  }
}

/** A path with its folder's symbolic links resolved, so two spellings of one place compare equal. */
function realPlace(file: string): string {
  const abs = resolve(file);
  try {
    return join(realpathSync(dirname(abs)), basename(abs));
  } catch {
    return abs;
  }
}

function kindOf(s: Stats): string {
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Checks a file a command is about to replace (`net backup <file>`, `-o <file>`) and
 * returns its absolute path. Refused: the journal itself or one of its companion files,
 * however spelled (through symbolic links, another hard link: compared by device and
 * inode as well as by path); a symbolic link (a rename would replace the link, and
 * following it would write wherever it points); a folder; and anything that is not a
 * regular file (a FIFO, a device such as /dev/null), which a rename would replace.
 */
export function outputTarget(file: string, journal: string, flag: string): string {
  if (file.trim() === '') throw new UsageError(`The file name given to ${flag} is empty. Give the path of a file with ${flag}, or leave ${flag} out to print to standard output.`);
  const target = resolve(file);
  // Error messages are made safe for the terminal where they are printed (cli/run.ts).
  const shown = file;
  const place = realPlace(target);
  const journalReal = statOrNull(journal, false)?.isSymbolicLink() ? realPathOr(journal) : realPlace(journal);
  const here = statOrNull(target, false);
  const pointed = statOrNull(target, true);
  for (const suffix of JOURNAL_COMPANIONS) {
    const companion = `${journalReal}${suffix}`;
    const same = place === companion || place === `${realPlace(journal)}${suffix}` || sameFile(pointed, statOrNull(companion, true));
    if (same) {
      const what = suffix === '' ? 'the journal itself' : `the journal's ${suffix} file, which is part of the journal`;
      throw new UsageError(`${shown} is ${what}; writing there would destroy it. Choose another file for ${flag}.`);
    }
  }
  if (here === null) return target;
  if (here.isSymbolicLink()) {
    throw new UsageError(`${shown} is a symbolic link; net does not write through links. Give the real path of the file for ${flag}.`);
  }
  if (here.isDirectory()) throw new UsageError(`Cannot write ${shown}: it is a folder. Give a file name for ${flag}.`);
  if (!here.isFile()) throw new UsageError(`${shown} is ${kindOf(here)}, not a regular file; net will not replace it. Choose a file for ${flag}.`);
  return target;
}

function realPathOr(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

function sameFile(a: Stats | null, b: Stats | null): boolean {
  return a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;
}
