// The sync folder on disk: a manifest, and one folder per device that only that device
// writes (its numbered segments, its snapshots, its note). Files are written to a private
// temp name, flushed, then renamed, and never edited afterwards, so a file syncer only ever
// sees whole files and never two writers of one file (no conflict copies, no locks).
import { closeSync, fsyncSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JournalError, UsageError } from '../core/errors.js';
import { createTempFile } from './files.js';

export const MANIFEST = 'net-sync.json';
export const DEVICE_NOTE = 'device.json';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SEGMENT_RE = /^(\d{8})\.seg$/;
const SNAPSHOT_RE = /^snapshot-(\d{8})\.seg$/;

function failed(what: string, err: unknown): JournalError {
  const e = err as NodeJS.ErrnoException;
  const why = e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'ENOSPC' ? 'the disk is full' : e.code === 'EROFS' ? 'the file system is read-only' : e.message;
  return new JournalError(`Cannot ${what}: ${why}. Nothing was synced; fix it and run net sync again.`);
}

export class SyncFolder {
  constructor(readonly path: string) {}

  /** Checks that the folder is one (making it when only it is missing) before anything is read. */
  ensure(create: boolean): void {
    let st;
    try {
      st = lstatSync(this.path);
    } catch {
      if (!create) throw new UsageError(`The sync folder ${this.path} does not exist. Give the folder your other devices sync with.`);
      try {
        mkdirSync(this.path, { mode: 0o700 });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new UsageError(`Cannot make the sync folder ${this.path}: its parent folder does not exist. Give a folder inside the one you keep in sync.`);
        }
        throw failed(`make the sync folder ${this.path}`, err);
      }
      return;
    }
    if (!st.isDirectory()) throw new UsageError(`${this.path} is not a folder. Give the folder your devices keep in sync (Syncthing, Dropbox, iCloud Drive…).`);
  }

  read(name: string): string | null {
    try {
      return readFileSync(join(this.path, name), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw failed(`read ${join(this.path, name)}`, err);
    }
  }

  /** Writes a file whole: a private temp file beside it, flushed, then renamed into place. */
  write(name: string, text: string): void {
    const target = join(this.path, name);
    let tmp: string | null = null;
    try {
      mkdirSync(join(target, '..'), { recursive: true, mode: 0o700 });
      const temp = createTempFile(target);
      tmp = temp.path;
      try {
        writeFileSync(temp.fd, text);
        fsyncSync(temp.fd);
      } finally {
        closeSync(temp.fd);
      }
      renameSync(tmp, target);
    } catch (err) {
      if (tmp !== null) rmSync(tmp, { force: true });
      throw failed(`write ${target}`, err);
    }
  }

  remove(name: string): boolean {
    try {
      rmSync(join(this.path, name));
      return true;
    } catch {
      // Another machine's syncer may hold it; it goes at a later sync.
      return false;
    }
  }

  /** The devices with a folder here. */
  devices(): string[] {
    try {
      return readdirSync(this.path, { withFileTypes: true })
        .filter((d) => d.isDirectory() && UUID_RE.test(d.name))
        .map((d) => d.name)
        .sort();
    } catch (err) {
      throw failed(`read the sync folder ${this.path}`, err);
    }
  }

  /** A device's segments and snapshots, by number, in order. */
  files(device: string): { segments: number[]; snapshots: number[] } {
    let names: string[];
    try {
      names = readdirSync(join(this.path, device));
    } catch {
      names = [];
    }
    const nums = (re: RegExp) =>
      names
        .map((n) => re.exec(n))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => Number(m[1]))
        .sort((a, b) => a - b);
    return { segments: nums(SEGMENT_RE), snapshots: nums(SNAPSHOT_RE) };
  }
}

export function segmentName(device: string, seq: number): string {
  return join(device, `${String(seq).padStart(8, '0')}.seg`);
}

export function snapshotName(device: string, seq: number): string {
  return join(device, `snapshot-${String(seq).padStart(8, '0')}.seg`);
}

export function noteName(device: string): string {
  return join(device, DEVICE_NOTE);
}
