import type { ContactActivity, DueInput } from '../core/due.js';
import type { Db, Row } from './db.js';
import type { Interactions } from './interactions.js';
import type { Leads } from './leads.js';
import type { Promises } from './promises.js';

const optStr = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * Reads only what the due rules need: open items (through partial indexes) and the
 * activity columns kept on each contact, never the whole history.
 */
export class DueQueries {
  constructor(
    private readonly db: Db,
    private readonly interactions: Interactions,
    private readonly leads: Leads,
    private readonly promises: Promises,
  ) {}

  /** Contacts with a cadence, or with a promise of theirs still open (the respect rule applies to nudges). */
  activity(contactId?: number): ContactActivity[] {
    const rows = this.db
      .stmt(
        `SELECT id, name, cadence_days, snoozed_until, archived, met_on, last_on, interaction_count, last_two_no_reply
         FROM contacts
         WHERE (@cid IS NULL OR id = @cid)
           AND id IN (SELECT id FROM contacts INDEXED BY contacts_keep_in_touch WHERE cadence_days IS NOT NULL AND archived = 0
             UNION ALL SELECT contact_id FROM promises INDEXED BY promises_open WHERE status = 'open' AND direction = 'theirs')`,
      )
      .all({ cid: contactId ?? null }) as Row[];
    return rows.map((r) => ({
      contact: { id: Number(r.id), name: String(r.name) },
      cadenceDays: r.cadence_days === null ? null : Number(r.cadence_days),
      snoozedUntil: optStr(r.snoozed_until),
      archived: Number(r.archived) === 1,
      metOn: optStr(r.met_on),
      interactionCount: Number(r.interaction_count),
      lastOn: optStr(r.last_on),
      lastTwoNoReply: Number(r.last_two_no_reply) === 1,
    }));
  }

  /** Everything the due rules read, for the whole journal or one contact. */
  input(contactId?: number): DueInput {
    const thanks = this.interactions.thanksOwed(contactId);
    return {
      // An interaction with several people is owed once, under its first contact.
      thanks: contactId === undefined ? thanks : thanks.filter((i) => i.contacts[0]?.id === contactId),
      leads: this.leads.active(contactId),
      pledges: this.promises.open(contactId),
      activity: this.activity(contactId),
    };
  }
}
