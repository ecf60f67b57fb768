import { sqlMigration } from './sql.js';

// net sync's own state (see store/sync.ts): each synced record's registers, records waiting
// for one they refer to, what was read of each device, and which of the history's commands
// applied other devices' changes. No other command reads these tables.
export const sync = sqlMigration(16, 'sync', `
      CREATE TABLE sync_records (
        tbl       TEXT NOT NULL,
        record    TEXT NOT NULL,
        registers TEXT NOT NULL,
        PRIMARY KEY (tbl, record)
      ) WITHOUT ROWID;
      CREATE TABLE sync_waiting (
        target TEXT NOT NULL,
        tbl    TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (target, tbl, record)
      ) WITHOUT ROWID;
      CREATE TABLE sync_devices (
        device    TEXT PRIMARY KEY,
        name      TEXT NOT NULL DEFAULT '',
        segment   INTEGER NOT NULL DEFAULT 0,
        synced_at TEXT
      ) WITHOUT ROWID;
      CREATE TABLE sync_applied (command_id INTEGER PRIMARY KEY REFERENCES history_commands(id) ON DELETE CASCADE);
    `);
