import type Database from 'better-sqlite3';
import { records } from './001-records.js';
import { search } from './002-search.js';
import { meta } from './003-meta.js';
import { activity } from './004-activity.js';
import { reads } from './005-reads.js';
import { list } from './006-list.js';
import { ledgerCounts } from './007-ledger.js';
import { ids } from './008-ids.js';
import { readTime } from './009-read-time.js';
import { history } from './010-history.js';
import { notes } from './011-notes.js';
import { dropHistoryTriggers, installHistoryTriggers } from '../history.js';
import { namesPhones } from './012-names-phones.js';
import { etiquette } from './013-etiquette.js';
import { jobs } from './014-jobs.js';
import { sources } from './015-sources.js';
import { sync } from './016-sync.js';
import { landed } from './017-landed.js';
import { historyState } from './018-history-state.js';
import { reportReads } from './019-report-reads.js';
import { listIndex } from './020-list.js';
import { personSnooze } from './021-person-snooze.js';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

/** Every schema step in order; a step is never edited once released, only added. */
export const MIGRATIONS: readonly Migration[] = [records, search, meta, activity, reads, list, ledgerCounts, ids, readTime, history, notes, namesPhones, etiquette, jobs, sources, sync, landed, historyState, reportReads, listIndex, personSnooze];

export const LATEST_VERSION = MIGRATIONS.length;

/**
 * Brings the journal to `target` (default: the latest). `user_version` is read inside the
 * same immediate transaction that migrates, so several processes starting on an old
 * journal at once migrate it exactly once.
 */
export function migrate(db: Database.Database, target = LATEST_VERSION): number[] {
  const applied: number[] = [];
  // The common case reads only: no write lock for a journal that is already current.
  if ((db.pragma('user_version', { simple: true }) as number) >= target) return applied;
  // Steps may rebuild a table (SQLite's way to change a column's definition), and with
  // foreign keys on, dropping a table first deletes every row that refers to it. So they
  // are off while the steps run (the pragma cannot change inside a transaction), and the
  // references are checked before the steps commit instead (a journal that already had
  // broken ones is not refused for them).
  const broken = () => db.prepare('PRAGMA foreign_key_check').all().length;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      const before = broken();
      const current = db.pragma('user_version', { simple: true }) as number;
      // Schema steps are not commands: the history's triggers stand aside while they run, and
      // are made again from the schema they leave (store/history.ts).
      dropHistoryTriggers(db);
      for (const m of MIGRATIONS) {
        if (m.version <= current || m.version > target) continue;
        m.up(db);
        applied.push(m.version);
      }
      installHistoryTriggers(db);
      if (broken() > before) throw new Error('a schema step left references between records broken; the journal was left as it was');
      if (applied.length > 0) db.pragma(`user_version = ${Math.max(current, ...applied)}`);
    }).immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
  return applied;
}
