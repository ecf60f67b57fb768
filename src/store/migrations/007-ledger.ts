import { SEARCH_SOURCES, type SearchTable, searchUpdateTrigger } from './002-search.js';
import { NOT_BULK } from './004-activity.js';
import type { Migration } from './index.js';

/**
 * Recomputes the give-and-take counts of the contacts matched by `where`: leads they gave
 * that were not dropped, people they introduced, promises kept (theirs and the user's),
 * and their needs the user met. `countLedger()` in core/ledger.ts counts the same from the
 * records (for `net show`); a property test holds the two to the same numbers.
 */
function refreshLedger(where: string): string {
  return `UPDATE contacts SET
      ledger_leads = (SELECT count(*) FROM leads WHERE source_id = contacts.id AND status <> 'dropped'),
      ledger_introductions = (SELECT count(*) FROM contacts i WHERE i.introduced_by = contacts.id),
      ledger_theirs_kept = (SELECT count(*) FROM promises WHERE contact_id = contacts.id AND direction = 'theirs' AND status = 'kept'),
      ledger_mine_kept = (SELECT count(*) FROM promises WHERE contact_id = contacts.id AND direction = 'mine' AND status = 'kept'),
      ledger_needs_met = (SELECT count(*) FROM needs WHERE contact_id = contacts.id AND status = 'met')
    WHERE ${where}`;
}

// The report's give and take lists everyone a week touched, a thousand people in a large
// journal: their counts are kept on the contact by triggers, like the activity columns
// (004), so that the report reads one row per person instead of searching four indexes.
// A bulk import refreshes them once, at the end. Also: the search index's update triggers
// fire only when the text they index changes.
export const ledgerCounts: Migration = {
  version: 7,
  name: 'ledger',
  up: (db) => {
    const when = `WHEN ${NOT_BULK}`;
    db.exec(`
      ALTER TABLE contacts ADD COLUMN ledger_leads INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE contacts ADD COLUMN ledger_introductions INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE contacts ADD COLUMN ledger_theirs_kept INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE contacts ADD COLUMN ledger_mine_kept INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE contacts ADD COLUMN ledger_needs_met INTEGER NOT NULL DEFAULT 0;

      CREATE TRIGGER leads_ledger_ai AFTER INSERT ON leads ${when} BEGIN ${refreshLedger('id = new.source_id')}; END;
      CREATE TRIGGER leads_ledger_ad AFTER DELETE ON leads ${when} BEGIN ${refreshLedger('id = old.source_id')}; END;
      CREATE TRIGGER leads_ledger_au AFTER UPDATE OF source_id, status ON leads ${when} BEGIN
        ${refreshLedger('id IN (old.source_id, new.source_id)')};
      END;
      CREATE TRIGGER promises_ledger_ai AFTER INSERT ON promises ${when} BEGIN ${refreshLedger('id = new.contact_id')}; END;
      CREATE TRIGGER promises_ledger_ad AFTER DELETE ON promises ${when} BEGIN ${refreshLedger('id = old.contact_id')}; END;
      CREATE TRIGGER promises_ledger_au AFTER UPDATE OF contact_id, direction, status ON promises ${when} BEGIN
        ${refreshLedger('id IN (old.contact_id, new.contact_id)')};
      END;
      CREATE TRIGGER needs_ledger_ai AFTER INSERT ON needs ${when} BEGIN ${refreshLedger('id = new.contact_id')}; END;
      CREATE TRIGGER needs_ledger_ad AFTER DELETE ON needs ${when} BEGIN ${refreshLedger('id = old.contact_id')}; END;
      CREATE TRIGGER needs_ledger_au AFTER UPDATE OF contact_id, status ON needs ${when} BEGIN
        ${refreshLedger('id IN (old.contact_id, new.contact_id)')};
      END;
      CREATE TRIGGER contacts_ledger_ai AFTER INSERT ON contacts WHEN new.introduced_by IS NOT NULL AND ${NOT_BULK} BEGIN
        ${refreshLedger('id = new.introduced_by')};
      END;
      CREATE TRIGGER contacts_ledger_ad AFTER DELETE ON contacts WHEN old.introduced_by IS NOT NULL AND ${NOT_BULK} BEGIN
        ${refreshLedger('id = old.introduced_by')};
      END;
      CREATE TRIGGER contacts_ledger_au AFTER UPDATE OF introduced_by ON contacts ${when} BEGIN
        ${refreshLedger('id IN (old.introduced_by, new.introduced_by)')};
      END;
    `);
    // The search index's update triggers fired on any change to a row, so each count (and
    // each activity column of schema 4) rewrote the contact's entry: now only a change to
    // the text they index does.
    for (const table of Object.keys(SEARCH_SOURCES) as SearchTable[]) {
      db.exec(`DROP TRIGGER ${table}_search_au; ${searchUpdateTrigger(table, NOT_BULK)}`);
    }
    // Counting changes no searchable text: the search index's triggers stand down meanwhile.
    db.exec(`INSERT OR REPLACE INTO meta (key, value) VALUES ('bulk', '1'); ${refreshLedger('1')}; DELETE FROM meta WHERE key = 'bulk';`);
  },
};
