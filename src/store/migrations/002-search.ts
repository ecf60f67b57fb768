import type { Migration } from './index.js';

// Full-text search for `net find`. One contentless FTS5 table holds a row per searchable
// record; its rowid encodes the record (id * 8 + kind) so triggers can replace a row
// without scanning. `remove_diacritics 2` makes "jose" find "José".
export const SEARCH_SOURCES = {
  contacts: { tag: 1, columns: ['name', 'company', 'role', 'email', 'met_where', 'notes', 'tags'] },
  interactions: { tag: 2, columns: ['summary'] },
  leads: { tag: 3, columns: ['what', 'company', 'job', 'outcome'] },
  needs: { tag: 4, columns: ['what'] },
  promises: { tag: 5, columns: ['what'] },
} as const;

export type SearchTable = keyof typeof SEARCH_SOURCES;

function body(table: SearchTable, prefix: string): string {
  return `concat_ws(' ', ${SEARCH_SOURCES[table].columns.map((c) => prefix + c).join(', ')})`;
}

/** Indexes the rows of `table` that match `where` (used to backfill and after bulk loads). */
export function indexRows(table: SearchTable, where: string): string {
  return `INSERT INTO search(rowid, body) SELECT id * 8 + ${SEARCH_SOURCES[table].tag}, ${body(table, '')} FROM ${table} WHERE ${where}`;
}

/** The triggers that keep a table's rows in the index; `when` guards inserts and updates. */
export function searchTriggers(table: SearchTable, when = ''): string {
  const tag = SEARCH_SOURCES[table].tag;
  const row = `(new.id * 8 + ${tag}, ${body(table, 'new.')})`;
  const guard = when ? ` WHEN ${when}` : '';
  return `
    CREATE TRIGGER ${table}_search_ai AFTER INSERT ON ${table}${guard} BEGIN
      INSERT INTO search(rowid, body) VALUES ${row};
    END;
    CREATE TRIGGER ${table}_search_au AFTER UPDATE ON ${table}${guard} BEGIN
      DELETE FROM search WHERE rowid = old.id * 8 + ${tag};
      INSERT INTO search(rowid, body) VALUES ${row};
    END;
    CREATE TRIGGER ${table}_search_ad AFTER DELETE ON ${table} BEGIN
      DELETE FROM search WHERE rowid = old.id * 8 + ${tag};
    END;`;
}

/**
 * The update trigger of `searchTriggers`, firing only when a column the index holds
 * changes (schema 7): the counting triggers update contacts many times more often than
 * their text changes.
 */
export function searchUpdateTrigger(table: SearchTable, when = ''): string {
  const tag = SEARCH_SOURCES[table].tag;
  const guard = when ? ` WHEN ${when}` : '';
  return `
    CREATE TRIGGER ${table}_search_au AFTER UPDATE OF ${SEARCH_SOURCES[table].columns.join(', ')} ON ${table}${guard} BEGIN
      DELETE FROM search WHERE rowid = old.id * 8 + ${tag};
      INSERT INTO search(rowid, body) VALUES (new.id * 8 + ${tag}, ${body(table, 'new.')});
    END;`;
}

export const search: Migration = {
  version: 2,
  name: 'search',
  up: (db) => {
    db.exec(
      `CREATE VIRTUAL TABLE search USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');`,
    );
    for (const table of Object.keys(SEARCH_SOURCES) as SearchTable[]) {
      db.exec(searchTriggers(table));
      db.exec(indexRows(table, '1'));
    }
  },
};

export const SEARCH_KIND = {
  contact: SEARCH_SOURCES.contacts.tag,
  interaction: SEARCH_SOURCES.interactions.tag,
  lead: SEARCH_SOURCES.leads.tag,
  need: SEARCH_SOURCES.needs.tag,
  promise: SEARCH_SOURCES.promises.tag,
} as const;
