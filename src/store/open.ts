// Finding, creating and opening the journal file safely.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { JournalError, UsageError } from '../core/errors.js';
import { backupName, backupTo, prunePreMigrationBackups } from './maintenance.js';
import { LATEST_VERSION, migrate } from './migrations/index.js';
import { onNetworkFs } from './placement.js';

const KEEP_PRE_MIGRATION_BACKUPS = 3;

// Set by scripts/build.mjs: where the compiled SQLite addon sits, relative to the bundle.
declare const NET_SQLITE_ADDON: string | undefined;

let addon: object | null | undefined;

function load(file: string): object {
  const mod = { exports: {} };
  process.dlopen(mod, file);
  return mod.exports;
}

/**
 * The compiled SQLite addon, loaded straight from the place the build found it. This
 * spares better-sqlite3's default loader (the `bindings` package), which searches a dozen
 * places on every start, and Node's resolution of the file. When it has moved since the
 * build (a reinstall that laid out node_modules differently), it is looked up through
 * better-sqlite3's package; a failure there is the error the user sees. Null lets
 * better-sqlite3 find it itself, as in the tests.
 */
function sqliteAddon(): object | null {
  if (addon !== undefined) return addon;
  addon = null;
  if (typeof NET_SQLITE_ADDON === 'string') {
    try {
      addon = load(path.join(__dirname, NET_SQLITE_ADDON));
    } catch {
      let file: string | null = null;
      try {
        const pkg = createRequire(path.join(__dirname, 'net.cjs')).resolve('better-sqlite3/package.json');
        file = path.join(path.dirname(pkg), 'build', 'Release', 'better_sqlite3.node');
        addon = load(file);
      } catch (err) {
        throw addonError(err, file);
      }
    }
  }
  return addon;
}

/**
 * What to do when SQLite's addon cannot be loaded. Missing, it was never built: npm 12
 * runs a dependency's install script only when allowed, and better-sqlite3's builds the
 * addon (package.json allows it for a clone; a global install needs --allow-scripts).
 * Present but refused, it was built for another version of Node.
 */
function addonError(err: unknown, file: string | null): JournalError {
  if (file !== null && !fs.existsSync(file)) {
    return new JournalError(
      `SQLite's compiled module is missing (${file}): npm did not run better-sqlite3's install script, which npm 12 runs only when allowed. ` +
        'Installed with npm install -g: run npm install -g --allow-scripts=better-sqlite3 net-journal. From a clone: run npm ci in it (its package.json allows that script).',
    );
  }
  return new JournalError(
    `SQLite's compiled module could not be loaded (${(err as Error).message.split('\n')[0]}). In net's folder, run npm ci (or npm rebuild better-sqlite3 after changing Node versions).`,
  );
}

/** Loads SQLite's addon now, so that `net doctor` can say what is wrong before looking for a journal. */
export function checkSqlite(): void {
  sqliteAddon();
}

export interface PathInputs {
  flag?: string | undefined;
  env: NodeJS.ProcessEnv;
}

/** `--db`, else `$NET_DB`, else `$XDG_DATA_HOME/net/net.db`, else `~/.local/share/net/net.db`. */
export function journalPath({ flag, env }: PathInputs): string {
  if (flag !== undefined) {
    if (flag.trim() === '') throw new UsageError('--db needs the path of a journal file, for example --db ~/net.db.');
    return path.resolve(flag);
  }
  if (env.NET_DB) return path.resolve(env.NET_DB);
  const dataHome = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(env.HOME || process.getBuiltinModule('node:os').homedir(), '.local', 'share');
  return path.join(dataHome, 'net', 'net.db');
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (e?.code === 'ENOENT') return 'that place cannot hold folders';
  if (e?.code === 'EROFS') return 'the file system is read-only';
  if (e?.code === 'ENOSPC') return 'the disk is full';
  return e?.message ?? String(err);
}

/**
 * Creates each missing folder down to `dir`, 0700, adding each to `created`. Done one level
 * at a time because Node's recursive mkdir never returns on some virtual file systems (/proc).
 */
function makeFolders(dir: string, created: string[]): void {
  const missing: string[] = [];
  let at = dir;
  while (!fs.existsSync(at)) {
    missing.unshift(at);
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const folder of missing) {
    try {
      fs.mkdirSync(folder, { mode: 0o700 });
    } catch (err) {
      // Another net process starting at the same moment made it first: theirs is as good.
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && fs.statSync(folder).isDirectory()) continue;
      throw err;
    }
    created.push(folder);
    fs.chmodSync(folder, 0o700);
  }
}

/**
 * Creates the journal's missing folders (0700) and its empty file (0600), and returns what
 * it created, in order. A command opening a journal not there yet does this before it
 * prints anything, so that a place that cannot hold a journal is refused first; a command
 * that then fails gives it back (removeCreated). What it made before failing is removed.
 */
export function ensureFile(file: string): string[] {
  const dir = path.dirname(file);
  const created: string[] = [];
  try {
    try {
      if (!fs.existsSync(dir)) makeFolders(dir, created);
    } catch (err) {
      throw new JournalError(`Cannot create the journal folder ${dir}: ${reason(err)}. Choose another place with --db or NET_DB.`);
    }
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      created.push(file);
      fs.fchmodSync(fd, 0o600);
      fs.closeSync(fd);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new JournalError(`Cannot create the journal ${file}: ${reason(err)}. Choose another place with --db or NET_DB.`);
      }
    }
  } catch (err) {
    removeCreated(file, created);
    throw err;
  }
  return created;
}

/** Removes, newest first, the journal file (with SQLite's files beside it) and the folders that ensureFile created. */
export function removeCreated(file: string, created: readonly string[]): void {
  for (const made of [...created].reverse()) {
    try {
      if (made === file) for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(made + suffix, { force: true });
      else fs.rmdirSync(made);
    } catch {
      // Something else was put there meanwhile: it stays, and so do the folders holding it.
    }
  }
}

/** Turns SQLite's error codes into sentences that say what to do. */
/** Why a folder cannot take a write, when the file system can tell: full, or read-only. */
function placeProblem(file: string): 'full' | 'read-only' | null {
  const dir = path.dirname(file);
  try {
    const s = fs.statfsSync(dir);
    if (s.bavail * s.bsize < 64 * 1024) return 'full';
  } catch {
    return null;
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EROFS') return 'read-only';
  }
  return null;
}

export function describeSqliteError(err: unknown, file: string): JournalError | null {
  const code = (err as { code?: string })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_FULL') {
    const problem = placeProblem(file);
    if (problem === 'full') return new JournalError(`The disk holding ${file} is full; nothing was written. Free some space and try again.`);
    if (problem === 'read-only') return new JournalError(`The journal ${file} is on a read-only file system; nothing was written. Remount it writable or choose another place with --db.`);
  }
  if (code === 'SQLITE_NOTADB') return new JournalError(`${file} is not a net journal (it is not a SQLite database). Point --db or NET_DB at your journal.`);
  if (code.startsWith('SQLITE_CORRUPT')) return new JournalError(`The journal ${file} is damaged. Run net doctor, and restore a backup if it confirms the damage.`);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new JournalError(`The journal ${file} is busy in another net process. Try again in a moment.`);
  if (code === 'SQLITE_FULL') return new JournalError(`The disk holding ${file} is full; nothing was written. Free some space and try again.`);
  if (code.startsWith('SQLITE_READONLY')) return new JournalError(`The journal ${file} cannot be written (read-only). Check its permissions or choose another place with --db.`);
  if (code.startsWith('SQLITE_CANTOPEN')) return new JournalError(`The journal ${file} cannot be opened. Check that the folder exists and is yours.`);
  if (code.startsWith('SQLITE_IOERR')) return new JournalError(`Reading or writing ${file} failed (${(err as Error).message}). Check the disk, then run net doctor.`);
  return new JournalError(`The journal ${file} could not be used: ${(err as Error).message}. Run net doctor.`);
}

/**
 * Opens the journal, creating it on first use, and brings its schema up to date.
 * A journal written by a newer `net` is refused before anything is written to it.
 */
export function openDatabase(file: string, env: NodeJS.ProcessEnv = {}): Database.Database {
  if (file !== ':memory:') {
    // Creating it is tried only when it is not there: a failed exclusive create costs an
    // exception on every start.
    if (!assertJournalFile(file)) ensureFile(file);
  }
  let db: Database.Database | undefined;
  try {
    // better-sqlite3 takes the loaded addon itself as `nativeBinding` (lib/database.js);
    // its type declarations know only the path form.
    const nativeBinding = sqliteAddon() as string | null;
    const options = { fileMustExist: file !== ':memory:', ...(nativeBinding ? { nativeBinding } : {}) };
    if (file !== ':memory:' && !markedAsNet(file)) identify(file, options);
    const mode = journalModeFor(file, env);
    const deadline = Date.now() + BUSY_TIMEOUT_MS;
    for (;;) {
      db = new Database(file, options);
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > LATEST_VERSION) {
        db.close();
        throw new JournalError(
          `The journal ${file} was written by a newer version of net (schema ${version}; this one knows up to ${LATEST_VERSION}). Update net; the file was left as it was.`,
        );
      }
      try {
        configure(db, mode);
        break;
      } catch (err) {
        // Leaving WAL needs the journal to itself, and SQLite answers "busy" at once while
        // another process has it open in WAL mode, without waiting. Close (so that two such
        // processes do not hold each other up), wait a moment and open again, up to the
        // busy timeout every writer waits.
        if (!String((err as { code?: string }).code).startsWith('SQLITE_BUSY') || Date.now() > deadline) throw err;
        db.close();
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10 + Math.floor(Math.random() * 40));
      }
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > 0 && version < LATEST_VERSION && file !== ':memory:') {
      // A schema change is the riskiest write a journal sees: keep a copy from before it.
      backupTo(db, backupName(file, `pre-v${version}-`, new Date()));
      prunePreMigrationBackups(file, KEEP_PRE_MIGRATION_BACKUPS);
    }
    migrate(db);
    if (file !== ':memory:') markAsNet(db);
    return db;
  } catch (err) {
    if (db?.open) db.close();
    if (err instanceof JournalError) throw err;
    throw describeSqliteError(err, file) ?? err;
  }
}

/**
 * SQLite's application id ("NETJ") marks a file as a net journal, so that a journal is
 * recognised from the first 100 bytes. Journals made before the mark were recognised by
 * their tables (`identify`) and get it on their next open.
 */
const NET_APPLICATION_ID = 0x4e45544a;

/** Whether the file's header carries net's application id; an empty file is a new journal. */
function markedAsNet(file: string): boolean {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  // Empty (new), or not SQLite at all: SQLite's own open says which.
  if (read < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return true;
  return header.readUInt32BE(68) === NET_APPLICATION_ID;
}

function markAsNet(db: Database.Database): void {
  if ((db.pragma('application_id', { simple: true }) as number) === NET_APPLICATION_ID) return;
  try {
    db.pragma(`application_id = ${NET_APPLICATION_ID}`);
  } catch {
    // A journal the user may only read is still read; it is recognised by its tables.
  }
}

/**
 * Refuses a SQLite file that is not a net journal before anything is written to it. It is
 * looked at through a read-only connection, which SQLite never lets change the file (a
 * writable one would fold another program's -wal into it on closing). An empty database is
 * a new journal; one with net's tables is a journal, perhaps of a newer net.
 */
function identify(file: string, options: Database.Options): void {
  const probe = new Database(file, { ...options, readonly: true });
  try {
    probe.pragma('busy_timeout = 15000');
    const tables = new Set((probe.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]));
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (tables.size === 0 && version === 0) return;
    if (['contacts', 'interactions', 'leads', 'promises', 'needs'].every((t) => tables.has(t))) return;
    throw new JournalError(`${file} is a SQLite database of another program; net will not change it. Point --db or NET_DB at your journal, or at a new file to start one.`);
  } finally {
    probe.close();
  }
}

/**
 * The journal must be a regular file (or not exist yet): SQLite given a named pipe would
 * wait for a writer, and given a device would fail with "disk I/O error" after leaving a
 * `-journal` beside it. A link that points nowhere is not a place to create a journal in.
 * True when the journal file is there.
 */
export function assertJournalFile(file: string): boolean {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    // Not a place net can look at: creating it says why.
    return false;
  }
  if (st === undefined) {
    let link: string | null = null;
    try {
      link = fs.readlinkSync(file);
    } catch {
      return false;
    }
    throw new JournalError(
      `The journal ${file} is a symbolic link to ${link}, which does not exist. Put the journal back there, or point --db or NET_DB at your journal.`,
    );
  }
  if (st.isDirectory()) throw new JournalError(`${file} is a folder, not a journal file. Give the file's path with --db or NET_DB.`);
  if (!st.isFile()) {
    const kind = st.isFIFO() ? 'a named pipe (FIFO)' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isSocket() ? 'a socket' : 'not a regular file';
    throw new JournalError(`${file} is ${kind}, not a journal file; net left it alone. Point --db or NET_DB at your journal file.`);
  }
  return true;
}

const BUSY_TIMEOUT_MS = 15_000;

/**
 * Connection settings: wait for other writers rather than fail, WAL so that readers never
 * block a writer, FULL sync because a journal writes rarely and a printed success must
 * survive a power cut, and foreign keys (which cannot be set inside a transaction).
 */
export function configure(db: Database.Database, journalMode: 'wal' | 'delete' = 'wal'): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  let mode = journalMode;
  if (mode === 'wal') {
    try {
      mode = String(db.pragma('journal_mode = WAL', { simple: true })) === 'wal' ? 'wal' : 'delete';
    } catch {
      mode = 'delete';
    }
  }
  if (mode === 'delete') db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // No memory map of the journal: measured on the 10,000-contact journal, the reads of
  // net due were no faster through one, and unmapping it made every command's close about
  // 1 ms slower; an export or import would also keep every page it read in its memory.
}

/**
 * WAL unless the journal is on a network file system (its shared memory does not work
 * there) or NET_JOURNAL_MODE=delete asks for SQLite's rollback journal.
 */
export function journalModeFor(file: string, env: NodeJS.ProcessEnv): 'wal' | 'delete' {
  const asked = env.NET_JOURNAL_MODE?.toLowerCase();
  if (asked === 'delete' || asked === 'rollback') return 'delete';
  if (asked === 'wal') return 'wal';
  return file !== ':memory:' && onNetworkFs(path.dirname(file)) ? 'delete' : 'wal';
}
