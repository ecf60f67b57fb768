// Reading a backup in tests as `net import` does: record by record (formats/backupfile.ts),
// then into a journal (store/importer.ts applyBackup).
import type { BackupRecord } from '../../src/formats/backup.js';
import { readBackup } from '../../src/formats/backupfile.js';
import { type ImportResult, applyBackup, checkBackup } from '../../src/store/importer.js';
import { Journal } from '../../src/store/journal.js';

type Records = { [K in BackupRecord['list']]: Array<Extract<BackupRecord, { list: K }>['record']> };

/** The text in pieces of 97 characters, as a file is read: records and strings cross the pieces' edges. */
export function pieces(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 97) out.push(text.slice(i, i + 97));
  return out;
}

/** A backup's records as net import reads them (each checked, no journal), by list. */
export function readRecords(text: string, file: string): Records {
  const out: Records = { contacts: [], interactions: [], leads: [], promises: [], needs: [], notes: [], jobs: [] };
  readBackup(() => pieces(text), file, (r) => (out[r.list] as unknown[]).push(r.record));
  return out;
}

/**
 * Imports a backup as net import does (checked whole, then written record by record), into
 * a journal in memory that already holds contacts with the `known` uuids.
 */
export function importBackup(text: string, file: string, known: readonly string[] = []): Journal {
  const j = Journal.open(':memory:');
  j.write(() => known.forEach((uuid, i) => j.contacts.insert({ name: `Known ${i}` }, { uuid })));
  const read = (visit: (r: BackupRecord) => void) => readBackup(() => pieces(text), file, visit);
  checkBackup(j, read, file);
  j.write(() => applyBackup(j, read));
  return j;
}

/** Imports a backup as net import does into the journal `j` (with `--dry-run`: rolled back), and gives what it did. */
export function importInto(j: Journal, text: string, file: string, dryRun = false): ImportResult {
  const read = (visit: (r: BackupRecord) => void) => readBackup(() => pieces(text), file, visit);
  checkBackup(j, read, file);
  return dryRun ? j.simulate(() => applyBackup(j, read)) : j.write(() => applyBackup(j, read));
}
