import { type SearchTable, SEARCH_SOURCES, searchTriggers } from './002-search.js';
import type { Migration } from './index.js';

export const NOT_BULK = `NOT EXISTS (SELECT 1 FROM meta WHERE key = 'bulk')`;

/** Recomputes the activity columns of the contacts matched by `where`. */
export function refreshActivity(where: string): string {
  const mine = `FROM interaction_contacts ic JOIN interactions x ON x.id = ic.interaction_id WHERE ic.contact_id = contacts.id`;
  return `UPDATE contacts SET
      last_on = (SELECT max(x.on_date) ${mine}),
      interaction_count = (SELECT count(*) FROM interaction_contacts ic WHERE ic.contact_id = contacts.id),
      thanked_count = (SELECT count(*) ${mine} AND x.thanked_on IS NOT NULL),
      last_two_no_reply = coalesce((SELECT count(*) = 2 AND min(no_reply) = 1 FROM
        (SELECT x.no_reply ${mine} ORDER BY x.on_date DESC, x.id DESC LIMIT 2)), 0)
    WHERE ${where}`;
}

/**
 * The triggers that keep the activity columns up to date, as `refresh` recomputes them: when
 * people join or leave an interaction, or one of its `columns` changes. Schema 13 made them
 * again with its own `refresh`.
 */
export function activityTriggers(refresh: (where: string) => string, columns: string): string {
  return `CREATE TRIGGER interaction_contacts_activity_ai AFTER INSERT ON interaction_contacts WHEN ${NOT_BULK} BEGIN
        ${refresh('id = new.contact_id')};
      END;
      CREATE TRIGGER interaction_contacts_activity_ad AFTER DELETE ON interaction_contacts WHEN ${NOT_BULK} BEGIN
        ${refresh('id = old.contact_id')};
      END;
      CREATE TRIGGER interaction_contacts_activity_au AFTER UPDATE ON interaction_contacts WHEN ${NOT_BULK} BEGIN
        ${refresh('id IN (old.contact_id, new.contact_id)')};
      END;
      CREATE TRIGGER interactions_activity_au AFTER UPDATE OF ${columns} ON interactions WHEN ${NOT_BULK} BEGIN
        ${refresh('id IN (SELECT contact_id FROM interaction_contacts WHERE interaction_id = new.id)')};
      END;`;
}

// What the keep-in-touch rules need of each contact (their latest interaction, how many,
// whether the last two went unanswered) and the ledger's count of thanked conversations, kept on the contact by triggers so that
// `net due` reads one row per contact with a cadence instead of every interaction. A bulk
// import sets the `bulk` meta row inside its transaction and refreshes everything once.
// Also: indexes on the dates a report's period selects by.
export const activity: Migration = {
  version: 4,
  name: 'activity',
  up: (db) => {
    // The search index too is filled in one pass after a bulk load, many times faster.
    for (const table of Object.keys(SEARCH_SOURCES) as SearchTable[]) {
      db.exec(`DROP TRIGGER ${table}_search_ai; DROP TRIGGER ${table}_search_au; DROP TRIGGER ${table}_search_ad;`);
      db.exec(searchTriggers(table, NOT_BULK));
    }
    db.exec(`
      ALTER TABLE contacts ADD COLUMN last_on TEXT;
      ALTER TABLE contacts ADD COLUMN interaction_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE contacts ADD COLUMN last_two_no_reply INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE contacts ADD COLUMN thanked_count INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX contacts_keep_in_touch ON contacts(id) WHERE cadence_days IS NOT NULL AND archived = 0;
      CREATE INDEX interactions_on ON interactions(on_date);
      CREATE INDEX contacts_met ON contacts(coalesce(met_on, substr(created_at, 1, 10)));
      CREATE INDEX leads_given ON leads(given_on);
      CREATE INDEX leads_followed ON leads(followed_on) WHERE followed_on IS NOT NULL;
      CREATE INDEX leads_reported ON leads(reported_on) WHERE reported_on IS NOT NULL;
      CREATE INDEX promises_made ON promises(made_on);
      CREATE INDEX promises_closed ON promises(closed_on) WHERE closed_on IS NOT NULL;
      CREATE INDEX needs_noted ON needs(noted_on);
      CREATE INDEX needs_closed ON needs(closed_on) WHERE closed_on IS NOT NULL;

      ${activityTriggers(refreshActivity, 'on_date, no_reply, thanked_on')}
      ${refreshActivity('1')};
    `);
  },
};
