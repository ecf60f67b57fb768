import { sqlMigration } from './sql.js';

// Small facts about the journal itself, such as warnings already given.
export const meta = sqlMigration(3, 'meta', 'CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;');
