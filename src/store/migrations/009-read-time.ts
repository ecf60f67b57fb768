import type { Migration } from './index.js';

const LEDGER_TRIGGERS = ['leads', 'promises', 'needs', 'contacts'].flatMap((t) => ['ai', 'ad', 'au'].map((op) => `${t}_ledger_${op}`));
const LEDGER_COLUMNS = ['ledger_leads', 'ledger_introductions', 'ledger_theirs_kept', 'ledger_mine_kept', 'ledger_needs_met'];

// What schemas 6 and 7 kept for speed that only a 10,000-contact journal noticed: the
// index `net list` was printed from, and the give-and-take counts kept on each contact by
// triggers. `net list` now reads the contacts like every other list, and the give and take
// is counted when it is read (store/ledger.ts).
export const readTime: Migration = {
  version: 9,
  name: 'read-time',
  up: (db) => {
    db.exec('DROP INDEX IF EXISTS contacts_list;');
    for (const t of LEDGER_TRIGGERS) db.exec(`DROP TRIGGER IF EXISTS ${t};`);
    for (const c of LEDGER_COLUMNS) db.exec(`ALTER TABLE contacts DROP COLUMN ${c};`);
  },
};
