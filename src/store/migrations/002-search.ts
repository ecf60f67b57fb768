import type { Migration } from './index.js';

// Full-text search for `net find`. One contentless FTS5 table holds a row per searchable
// record; its rowid encodes the record (id * 8 + kind) so triggers can replace a row
// without scanning. `remove_diacritics 2` makes "jose" find "José".
const KINDS = {
  contacts: { tag: 1, body: 'new.name, new.company, new.role, new.email, new.met_where, new.notes, new.tags' },
  interactions: { tag: 2, body: 'new.summary' },
  leads: { tag: 3, body: 'new.what, new.company, new.job, new.outcome' },
  needs: { tag: 4, body: 'new.what' },
  promises: { tag: 5, body: 'new.what' },
} as const;

export const search: Migration = {
  version: 2,
  name: 'search',
  up: (db) => {
    db.exec(
      `CREATE VIRTUAL TABLE search USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');`,
    );
    for (const [table, { tag, body }] of Object.entries(KINDS)) {
      const row = `(new.id * 8 + ${tag}, concat_ws(' ', ${body}))`;
      db.exec(`
        CREATE TRIGGER ${table}_search_ai AFTER INSERT ON ${table} BEGIN
          INSERT INTO search(rowid, body) VALUES ${row};
        END;
        CREATE TRIGGER ${table}_search_au AFTER UPDATE ON ${table} BEGIN
          DELETE FROM search WHERE rowid = old.id * 8 + ${tag};
          INSERT INTO search(rowid, body) VALUES ${row};
        END;
        CREATE TRIGGER ${table}_search_ad AFTER DELETE ON ${table} BEGIN
          DELETE FROM search WHERE rowid = old.id * 8 + ${tag};
        END;
      `);
      const select = body.replaceAll('new.', '');
      db.exec(`INSERT INTO search(rowid, body) SELECT id * 8 + ${tag}, concat_ws(' ', ${select}) FROM ${table};`);
    }
  },
};

export const SEARCH_KIND = {
  contact: KINDS.contacts.tag,
  interaction: KINDS.interactions.tag,
  lead: KINDS.leads.tag,
  need: KINDS.needs.tag,
  promise: KINDS.promises.tag,
} as const;
