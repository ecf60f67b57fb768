// Copies, checks and merges: the journal's housekeeping, all SQL kept here.
import { chmodSync, closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { isValidIsoDate } from '../core/dates.js';
import { JournalError } from '../core/errors.js';
import type { Db, Row } from './db.js';
import { createTempFolder, removeStaleTemps } from './files.js';

/**
 * A consistent copy of the open database at `target`: VACUUM INTO a file in a private
 * (0700) temp folder beside it, made 0600, flushed to disk, then renamed, so the target is
 * whole or absent and no one else can read or redirect the copy while it is written.
 * Leftovers of interrupted backups beside the target are removed first. The caller checks
 * the target (store/files.ts `outputTarget`).
 */
export function backupTo(db: Database.Database, target: string): void {
  const dir = dirname(resolve(target));
  let folder: string | null = null;
  try {
    removeStaleTemps(dir);
    folder = createTempFolder(target);
    const tmp = join(folder, 'copy.db');
    db.prepare('VACUUM INTO ?').run(tmp);
    chmodSync(tmp, 0o600);
    const fd = openSync(tmp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'the folder does not exist' : e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'ENOSPC' || e.code === 'SQLITE_FULL' ? 'the disk is full' : e.message;
    throw new JournalError(`Cannot write the backup ${target}: ${why}. Choose another place.`);
  } finally {
    if (folder !== null) rmSync(folder, { recursive: true, force: true });
  }
}

/** `net.db` → `net.db.<stamp>.bak`, beside the journal. */
export function backupName(journal: string, label: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${journal}.${label}${stamp}.bak`;
}

/** Backups beside the journal, newest first. */
export function listBackups(journal: string): Array<{ file: string; mtime: Date }> {
  const dir = dirname(journal);
  const base = `${basename(journal)}.`;
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(base) && n.endsWith('.bak'))
    .map((n) => ({ file: join(dir, n), mtime: statSync(join(dir, n)).mtime }))
    .sort((a, b) => b.mtime.getTime() - a.mtime.getTime() || b.file.localeCompare(a.file));
}

/**
 * Keeps the newest `keep` automatic pre-migration backups. Only names exactly as
 * `backupName(journal, 'pre-v<n>-', …)` writes them are candidates: a user's own
 * `net.db.pre-vacation.bak` is not net's to delete.
 */
export function prunePreMigrationBackups(journal: string, keep: number): void {
  const exact = new RegExp(`^${escapeRegExp(basename(journal))}\\.pre-v\\d+-\\d{8}T\\d{6}Z\\.bak$`);
  const auto = listBackups(journal).filter((b) => exact.test(basename(b.file)));
  for (const b of auto.slice(keep)) rmSync(b.file, { force: true });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Health {
  integrity: string[];
  foreignKeys: number;
  version: number;
  counts: Record<string, number>;
  /** Dates that are not calendar dates (a journal edited by hand, or written before net checked them). */
  badDates: BadDate[];
}

export interface BadDate {
  /** The record as commands take it: c3, i12, l4, p2, n5. */
  record: string;
  field: string;
  value: string;
}

/** Every date column of every record kind, with the letter of the kind's ids. */
const DATE_COLUMNS: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['contacts', 'c', ['met_on', 'snoozed_until']],
  ['interactions', 'i', ['on_date', 'thanked_on', 'snoozed_until']],
  ['leads', 'l', ['given_on', 'followed_on', 'reported_on', 'snoozed_until']],
  ['promises', 'p', ['made_on', 'by_date', 'closed_on', 'last_nudged_on', 'snoozed_until']],
  ['needs', 'n', ['noted_on', 'closed_on']],
  ['jobs', 'j', ['stage_on', 'started_on', 'asked_on', 'landed_on', 'snoozed_until']],
];

function badDates(db: Db): BadDate[] {
  const out: BadDate[] = [];
  for (const [table, letter, columns] of DATE_COLUMNS) {
    for (const column of columns) {
      const rows = db.raw.prepare(`SELECT id, ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`).all() as Array<{ id: number; v: unknown }>;
      for (const r of rows) {
        if (typeof r.v !== 'string' || !isValidIsoDate(r.v)) out.push({ record: `${letter}${r.id}`, field: column, value: String(r.v) });
      }
    }
  }
  return out;
}

export function checkHealth(db: Db): Health {
  const integrity = (db.raw.prepare('PRAGMA integrity_check').all() as Row[]).map((r) => String(r.integrity_check));
  const foreignKeys = db.raw.prepare('PRAGMA foreign_key_check').all().length;
  const version = db.raw.pragma('user_version', { simple: true }) as number;
  const counts: Record<string, number> = {};
  for (const t of ['contacts', 'interactions', 'leads', 'promises', 'needs', 'notes', 'jobs']) {
    counts[t] = Number((db.raw.prepare(`SELECT count(*) AS n FROM ${t}`).get() as Row).n);
  }
  return { integrity, foreignKeys, version, counts, badDates: badDates(db) };
}

export interface MergeCounts {
  interactions: number;
  leads: number;
  promises: number;
  needs: number;
  notes: number;
  introductions: number;
}

/** Moves every record of `other` to `keep` and deletes `other`. Run inside a write. */
export function mergeContacts(db: Db, keep: number, other: number): MergeCounts {
  const run = (sql: string, ...params: unknown[]) => db.stmt(sql).run(...params).changes;
  // An interaction with both keeps one link, to `keep`.
  run(
    `DELETE FROM interaction_contacts WHERE contact_id = ? AND interaction_id IN
       (SELECT interaction_id FROM interaction_contacts WHERE contact_id = ?)`,
    other,
    keep,
  );
  const counts: MergeCounts = {
    interactions: run('UPDATE interaction_contacts SET contact_id = ? WHERE contact_id = ?', keep, other),
    leads: run('UPDATE leads SET source_id = ? WHERE source_id = ?', keep, other) + run('UPDATE leads SET person_id = ? WHERE person_id = ?', keep, other),
    promises: run('UPDATE promises SET contact_id = ? WHERE contact_id = ?', keep, other),
    needs: run('UPDATE needs SET contact_id = ? WHERE contact_id = ?', keep, other),
    notes: run('UPDATE notes SET contact_id = ? WHERE contact_id = ?', keep, other),
    introductions: run('UPDATE contacts SET introduced_by = ? WHERE introduced_by = ? AND id <> ?', keep, other, keep),
  };
  // An application linked to both keeps one link, to `keep`.
  run('DELETE FROM job_contacts WHERE contact_id = ? AND job_id IN (SELECT job_id FROM job_contacts WHERE contact_id = ?)', other, keep);
  run('UPDATE job_contacts SET contact_id = ? WHERE contact_id = ?', keep, other);
  run('UPDATE jobs SET via_id = ? WHERE via_id = ?', keep, other);
  // A lead from someone about themselves makes no sense after the merge.
  run('UPDATE leads SET person_id = NULL WHERE person_id = source_id');
  run('UPDATE contacts SET introduced_by = NULL WHERE id = ? AND introduced_by = ?', keep, other);
  run('DELETE FROM contacts WHERE id = ?', other);
  return counts;
}
