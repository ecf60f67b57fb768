import { sqlMigration } from './sql.js';

// What a calendar or mail import knows a conversation by, so that importing the same or a
// newer file again adds nothing: `sources` on the interaction, a JSON array of keys
// (`ics <UID>` or `ics <UID> <occurrence day>` for an event, `mail <Message-ID>` for each
// message of a thread's day). Kept on the record itself, so that undo, merge and the
// history carry it with the conversation; an import reads them all once, through the index.
export const sources = sqlMigration(15, 'sources', `
      ALTER TABLE interactions ADD COLUMN sources TEXT;
      CREATE INDEX interactions_sources ON interactions(id) WHERE sources IS NOT NULL;
    `);
