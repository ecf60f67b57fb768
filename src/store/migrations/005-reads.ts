import { sqlMigration } from './sql.js';

/**
 * The day a contact's keep-in-touch follow-up falls due, as SQL over the activity columns:
 * a week after meeting (FIRST_FOLLOWUP_DAYS in core/due.ts), then the cadence after the
 * last interaction. (After two unanswered messages it waits longer; those few contacts are
 * read through their own index.) `core/due.ts` decides; this expression only lets
 * `net due` read the contacts that can be due instead of everyone with a cadence, and a
 * property test checks that it never leaves one out. It must stay identical, character for
 * character, in the index and the query, so a change to the rule needs a new migration.
 */
export const FOLLOWUP_DUE = `date(coalesce(last_on, met_on), '+' || CASE WHEN interaction_count <= 1 THEN 7 ELSE cadence_days END || ' days')`;

// Indexes that make `net due` read only what is owed, however large the journal, and the
// report read no more than it shows:
// - the follow-up date of each contact with a cadence, and the few contacts resting after
//   two unanswered messages (the respect rule holds back their nudges and follow-ups),
//   which replace the index of everyone with a cadence;
// - the open thank-yous, leads and promises with every column the due rules read, and the
//   open needs in the order `net needs` and the report list them, so that
//   they are read from a few index pages instead of one table page each, scattered across
//   years of history. (They replace the narrower partial indexes of the first schema.)
// - each contact's leads, promises and needs with their statuses, which the report's give
//   and take counts for everyone the week touched.
export const reads = sqlMigration(5, 'reads', `
      CREATE INDEX contacts_followup ON contacts(${FOLLOWUP_DUE}) WHERE cadence_days IS NOT NULL AND archived = 0;
      CREATE INDEX contacts_no_reply ON contacts(id) WHERE last_two_no_reply = 1;
      DROP INDEX IF EXISTS contacts_keep_in_touch;
      DROP INDEX IF EXISTS interactions_thanks_open;
      CREATE INDEX interactions_thanks_open ON interactions(id, on_date, kind, summary, snoozed_until, thanks_owed, thanked_on)
        WHERE thanks_owed = 1 AND thanked_on IS NULL;
      DROP INDEX IF EXISTS leads_active;
      CREATE INDEX leads_active ON leads(id, source_id, what, person_id, status, given_on, followed_on, snoozed_until)
        WHERE status IN ('open','followed');
      DROP INDEX IF EXISTS leads_source;
      CREATE INDEX leads_source ON leads(source_id, status);
      DROP INDEX IF EXISTS promises_contact;
      CREATE INDEX promises_contact ON promises(contact_id, direction, status);
      DROP INDEX IF EXISTS needs_contact;
      CREATE INDEX needs_contact ON needs(contact_id, status);
      DROP INDEX IF EXISTS needs_open;
      CREATE INDEX needs_open ON needs(noted_on, id, contact_id, uuid, what, status, closed_on) WHERE status = 'open';
      DROP INDEX IF EXISTS promises_open;
      CREATE INDEX promises_open ON promises(id, contact_id, what, direction, made_on, by_date, status, nudges, last_nudged_on, snoozed_until)
        WHERE status = 'open';
    `);
