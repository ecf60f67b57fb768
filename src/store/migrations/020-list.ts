import { sqlMigration } from './sql.js';

/**
 * `net list` (everyone not archived, in name order) read from one index that holds every
 * column it shows, in that order: SQLite reads the index pages alone and sorts nothing,
 * instead of reading every contact's table page and sorting them all. Nothing but
 * `Contacts.summaries` reads it; a column added to the list must be added here too (a
 * store test checks that the list is read from this index alone).
 */
export const listIndex = sqlMigration(20, 'list-index', 'CREATE INDEX contacts_list ON contacts(name_key, id, name, company, role, last_on, tags) WHERE archived = 0;');
