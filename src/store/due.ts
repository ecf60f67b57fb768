import type { ContactActivity, DueInput } from '../core/due.js';
import type { IsoDate } from '../core/types.js';
import type { Db, Row } from './db.js';
import { FOLLOWUP_DUE } from './migrations/005-followup.js';
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

  /**
   * The contacts the keep-in-touch and respect rules can say something about on `today`:
   * those whose follow-up has fallen due, and those resting after two unanswered messages
   * (shown by `--all`, and holding back nudges). Both through indexes, so the cost follows
   * what is owed rather than the size of the journal. For one contact, that contact.
   */
  activity(today: IsoDate, contactId?: number): ContactActivity[] {
    const columns = 'id, name, cadence_days, snoozed_until, archived, met_on, last_on, interaction_count, last_two_no_reply';
    const rows = (
      contactId !== undefined
        ? this.db.stmt(`SELECT ${columns} FROM contacts WHERE id = ?`).all(contactId)
        : this.db
            .stmt(
              `SELECT ${columns} FROM contacts
               WHERE id IN (SELECT id FROM contacts INDEXED BY contacts_followup
                              WHERE cadence_days IS NOT NULL AND archived = 0 AND ${FOLLOWUP_DUE} <= ?
                            UNION ALL SELECT id FROM contacts INDEXED BY contacts_no_reply WHERE last_two_no_reply = 1)`,
            )
            .all(today)
    ) as Row[];
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

  /** Everything the due rules read on `today`, for the whole journal or one contact. */
  input(today: IsoDate, contactId?: number): DueInput {
    const thanks = this.interactions.thanksOwed(contactId);
    return {
      // An interaction with several people is owed once, under its first contact.
      thanks: contactId === undefined ? thanks : thanks.filter((i) => i.contacts[0]?.id === contactId),
      leads: this.leads.active(contactId),
      pledges: this.promises.open(contactId),
      activity: this.activity(today, contactId),
    };
  }
}
