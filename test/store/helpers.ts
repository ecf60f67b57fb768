// The store tests' journals: in memory, at the schema a test starts from.
import Database from 'better-sqlite3';
import { migrate } from '../../src/store/migrations/index.js';
import { configure } from '../../src/store/open.js';

/** A database in memory, configured as net opens one, at schema `version` (the newest when omitted). */
export function databaseAt(version?: number): Database.Database {
  const db = new Database(':memory:');
  configure(db);
  migrate(db, version);
  return db;
}
