import { sqlMigration } from './sql.js';

// A landed item is resolved by any conversation with the helper after `net landed`, the same
// day included: `landed_after` keeps the last interaction id at the landing, so that one
// logged earlier that day (the offer call, an introduction's thank-you) does not count.
// Applications landed before this schema have none: every conversation from that day counts.
export const landed = sqlMigration(17, 'landed', 'ALTER TABLE jobs ADD COLUMN landed_after INTEGER');
