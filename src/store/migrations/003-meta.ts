import type { Migration } from './index.js';

// Small facts about the journal itself, such as warnings already given.
export const meta: Migration = {
  version: 3,
  name: 'meta',
  up: (db) => {
    db.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;');
  },
};
