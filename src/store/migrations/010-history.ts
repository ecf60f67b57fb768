import { randomUuid } from '../random.js';
import type { Migration } from './index.js';

// The change history and `net undo` (see store/history.ts, which also makes the triggers
// that fill it, from the live schema, after every migration run).
// - history_commands: one row per command that changed something: its uuid, hybrid logical
//   clock, device, command line (JSON, without --db), and which command it undid or was
//   undone by (uuids, so that two devices' histories can be merged).
// - history_changes: per record (by uuid), the field (NULL: the whole record was created
//   or removed, as JSON), the old and the new value (columns without a type, so SQLite
//   keeps each value exactly as it was: a phone number `007` stays text).
// - history_session: the command the current write belongs to, one row while
//   `Journal.write` runs; the triggers refuse a write without it.
// - history_removed: uuids of records removed in the current write, for their cascades.
// - meta device_id: a random id made once per journal.
export const history: Migration = {
  version: 10,
  name: 'history',
  up: (db) => {
    db.exec(`
      CREATE TABLE history_commands (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        uuid      TEXT NOT NULL UNIQUE,
        hlc       TEXT NOT NULL,
        device    TEXT NOT NULL,
        argv      TEXT NOT NULL,
        undoes    TEXT,
        undone_by TEXT
      );
      CREATE INDEX history_commands_hlc ON history_commands(hlc);
      CREATE TABLE history_changes (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        command_id INTEGER NOT NULL REFERENCES history_commands(id) ON DELETE CASCADE,
        tbl        TEXT NOT NULL,
        record     TEXT NOT NULL,
        field      TEXT,
        old,
        new
      );
      CREATE INDEX history_changes_command ON history_changes(command_id);
      CREATE INDEX history_changes_record ON history_changes(record);
      CREATE TABLE history_session (command_id INTEGER NOT NULL);
      CREATE TABLE history_removed (tbl TEXT NOT NULL, id INTEGER NOT NULL, uuid TEXT NOT NULL, PRIMARY KEY (tbl, id)) WITHOUT ROWID;
    `);
    db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('device_id', ?)").run(randomUuid());
  },
};
