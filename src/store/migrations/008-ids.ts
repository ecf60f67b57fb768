import type Database from 'better-sqlite3';
import type { Migration } from './index.js';

/** `id INTEGER PRIMARY KEY` not yet followed by AUTOINCREMENT, in a table's CREATE statement. */
const REUSABLE_ID = /\bid\s+INTEGER\s+PRIMARY\s+KEY\b(?!\s+AUTOINCREMENT)/i;

/** Tables whose integer id SQLite may hand out again (the largest one, once deleted); the
 *  full-text index's own tables (`shadow` in SQLite's list) are SQLite's business. */
export function tablesReusingIds(db: Database.Database): string[] {
  const rows = db
    .prepare(
      `SELECT m.name, m.sql FROM sqlite_master m JOIN pragma_table_list t ON t.name = m.name AND t.schema = 'main'
       WHERE m.type = 'table' AND t.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name`,
    )
    .all() as Array<{ name: string; sql: string }>;
  return rows.filter((r) => REUSABLE_ID.test(r.sql)).map((r) => r.name);
}

/**
 * Rebuilds `table` with `id INTEGER PRIMARY KEY AUTOINCREMENT`, keeping every row, id,
 * index and trigger. SQLite cannot add AUTOINCREMENT to a table in place; this is its
 * documented rebuild: copy aside, drop, create anew, copy back, re-create indexes and
 * triggers. The copy goes through a temporary table so that the table keeps its name
 * (renaming would rewrite other tables' references). The runner has turned foreign keys
 * off: with them on, DROP TABLE would delete every child row first.
 */
function rebuildWithAutoincrement(db: Database.Database, table: string): void {
  const q = `"${table.replace(/"/g, '""')}"`;
  const create = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string).replace(
    REUSABLE_ID,
    'id INTEGER PRIMARY KEY AUTOINCREMENT',
  );
  const dependents = db
    .prepare("SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name")
    .pluck()
    .all(table) as string[];
  db.exec(`
    CREATE TEMP TABLE net_rebuild AS SELECT * FROM ${q};
    DROP TABLE ${q};
    ${create};
    INSERT INTO ${q} SELECT * FROM temp.net_rebuild;
    DROP TABLE temp.net_rebuild;
  `);
  for (const sql of dependents) db.exec(sql);
}

// Ids are never reused (issue 13): without AUTOINCREMENT SQLite gives a new row the
// largest id plus one, so deleting the newest contact and adding another handed its id
// (and old output, scripts and CSVs that name it) to someone else. Every table with an
// integer id is rebuilt with AUTOINCREMENT, existing ids kept; from now on SQLite keeps
// the largest id ever used in `sqlite_sequence` and never goes below it.
export const ids: Migration = {
  version: 8,
  name: 'ids',
  up: (db) => {
    for (const table of tablesReusingIds(db)) rebuildWithAutoincrement(db, table);
  },
};
