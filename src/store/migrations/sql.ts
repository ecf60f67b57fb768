import type { Migration } from './index.js';

/**
 * A schema step that only runs SQL. Each step's text stays as released, byte for byte:
 * SQLite keeps every CREATE statement as written, and a journal made by an older version
 * must be the same as one migrated by this one.
 */
export function sqlMigration(version: number, name: string, sql: string): Migration {
  return { version, name, up: (db) => db.exec(sql) };
}
