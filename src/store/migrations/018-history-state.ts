import { sqlMigration } from './sql.js';

// The history's per-write state moves out of the journal into net's connection (see
// store/history.ts): which command a write belongs to, and the uuids of records a write
// removes, for their cascades. Every command wrote and cleared these two tables, two more
// pages to sync for each `net add` or `net log`; between writes they are always empty.
// The triggers that used them are made again from the schema after this step.
export const historyState = sqlMigration(18, 'history-state', 'DROP TABLE history_session; DROP TABLE history_removed;');
