import { activityTriggers } from './004-activity.js';
import { sqlMigration } from './sql.js';

/**
 * Recomputes the activity columns of the contacts matched by `where`, as schema 4 did, but
 * counting only what has happened: a planned meeting (`planned = 1`) is no contact until its
 * day, and a panel interview's thank-yous are sent person by person
 * (`interaction_contacts.thanked_on`).
 */
export function refreshActivity(where: string): string {
  const mine = `FROM interaction_contacts ic JOIN interactions x ON x.id = ic.interaction_id WHERE ic.contact_id = contacts.id AND x.planned = 0`;
  return `UPDATE contacts SET
      last_on = (SELECT max(x.on_date) ${mine}),
      interaction_count = (SELECT count(*) ${mine}),
      thanked_count = (SELECT count(*) ${mine} AND (x.thanked_on IS NOT NULL OR ic.thanked_on IS NOT NULL)),
      last_two_no_reply = coalesce((SELECT count(*) = 2 AND min(no_reply) = 1 FROM
        (SELECT x.no_reply ${mine} ORDER BY x.on_date DESC, x.id DESC LIMIT 2)), 0)
    WHERE ${where}`;
}

// What the etiquette rules need kept on the records:
// - `recorded_on` on every record: the day net recorded it (today as net sees it, so
//   NET_TODAY when set), before which nothing it owes can fall due. Records written before
//   this schema count as recorded on their own date, so nothing already owed moves.
// - `note` on what `net done` closes (interactions, promises, leads).
// - introductions: `intro_of` on the interaction that thanks an introducer (the person they
//   introduced you to), `intro_by_me` on one you made (`net intro`).
// - `planned` on a meeting logged ahead of its day, cleared when the day comes
//   (`Interactions.settle`); the activity columns leave planned meetings out.
// - `interaction_contacts.thanked_on`: each interviewer of a panel is thanked on their own.
// - a lead's latest news (`news`, `news_on`), which owes its giver another report-back.
// - promises: the thank-you owed for their kept promise (`thanks_owed`, `thanked_on`).
// - `cadence_pending` on contacts with no cadence yet (imported), who get the default one
//   at their first conversation. Contacts without a cadence before this schema are taken
//   to be such contacts: `--every never` could not be told from an import.
export const etiquette = sqlMigration(13, 'etiquette', `
      ALTER TABLE contacts ADD COLUMN recorded_on TEXT;
      ALTER TABLE contacts ADD COLUMN cadence_pending INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE interactions ADD COLUMN recorded_on TEXT;
      ALTER TABLE interactions ADD COLUMN note TEXT;
      ALTER TABLE interactions ADD COLUMN intro_of INTEGER REFERENCES contacts(id) ON DELETE SET NULL;
      ALTER TABLE interactions ADD COLUMN intro_by_me INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE interactions ADD COLUMN planned INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE interaction_contacts ADD COLUMN thanked_on TEXT;
      ALTER TABLE leads ADD COLUMN recorded_on TEXT;
      ALTER TABLE leads ADD COLUMN note TEXT;
      ALTER TABLE leads ADD COLUMN news TEXT;
      ALTER TABLE leads ADD COLUMN news_on TEXT;
      ALTER TABLE promises ADD COLUMN recorded_on TEXT;
      ALTER TABLE promises ADD COLUMN note TEXT;
      ALTER TABLE promises ADD COLUMN thanks_owed INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE promises ADD COLUMN thanked_on TEXT;
      ALTER TABLE needs ADD COLUMN recorded_on TEXT;

      INSERT OR REPLACE INTO meta (key, value) VALUES ('bulk', '1');
      UPDATE contacts SET recorded_on = coalesce(met_on, substr(created_at, 1, 10)), cadence_pending = (cadence_days IS NULL);
      UPDATE interactions SET recorded_on = on_date;
      UPDATE leads SET recorded_on = given_on;
      UPDATE promises SET recorded_on = made_on;
      UPDATE needs SET recorded_on = noted_on;
      DELETE FROM meta WHERE key = 'bulk';

      CREATE INDEX interactions_intro_of ON interactions(intro_of) WHERE intro_of IS NOT NULL;
      CREATE INDEX interactions_ahead ON interactions(on_date, id) WHERE on_date > recorded_on;
      CREATE INDEX promises_thanks_open ON promises(id) WHERE thanks_owed = 1 AND thanked_on IS NULL;

      DROP TRIGGER interaction_contacts_activity_ai;
      DROP TRIGGER interaction_contacts_activity_ad;
      DROP TRIGGER interaction_contacts_activity_au;
      DROP TRIGGER interactions_activity_au;
      ${activityTriggers(refreshActivity, 'on_date, no_reply, thanked_on, planned')}
    `);
