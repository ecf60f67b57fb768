import { sqlMigration } from './sql.js';

/**
 * `net list` in name order with every column it shows, for the contacts it shows by
 * default: SQLite reads the list off this index in order, with no sort and no table page
 * per contact. Schema 9 dropped it; schema 20 makes it again for `Contacts.summaries`.
 */
export const list = sqlMigration(6, 'list', `
      DROP INDEX IF EXISTS contacts_list;
      CREATE INDEX contacts_list ON contacts(name_key, id, name, company, role, last_on, tags) WHERE archived = 0;
    `);
