import { sqlMigration } from './sql.js';

/** The full-text index's tag for notes (`rowid = id * 8 + tag`, as in 002-search.ts). */
export const NOTE_SEARCH_TAG = 6;

// Dated notes (issue 13): what you learn about someone over time, each a record with its
// own uuid and day, beside the contact's one main note. Ids are never reused (as schema 8
// made them everywhere). The search index's triggers always fire: notes come a few at a
// time, and the importer's bulk mode re-indexes only the tables it knows (002's sources).
export const notes = sqlMigration(11, 'notes', `
      CREATE TABLE notes (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        uuid       TEXT NOT NULL UNIQUE,
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        on_date    TEXT NOT NULL,
        text       TEXT NOT NULL CHECK (text <> ''),
        created_at TEXT NOT NULL
      );
      CREATE INDEX notes_contact ON notes(contact_id, on_date, id);
      CREATE TRIGGER notes_search_ai AFTER INSERT ON notes BEGIN
        INSERT INTO search(rowid, body) VALUES (new.id * 8 + ${NOTE_SEARCH_TAG}, new.text);
      END;
      CREATE TRIGGER notes_search_au AFTER UPDATE OF text ON notes BEGIN
        DELETE FROM search WHERE rowid = old.id * 8 + ${NOTE_SEARCH_TAG};
        INSERT INTO search(rowid, body) VALUES (new.id * 8 + ${NOTE_SEARCH_TAG}, new.text);
      END;
      CREATE TRIGGER notes_search_ad AFTER DELETE ON notes BEGIN
        DELETE FROM search WHERE rowid = old.id * 8 + ${NOTE_SEARCH_TAG};
      END;
    `);
