import type { ContactActivity, DueInput } from '../core/due.js';
import type { IsoDate } from '../core/types.js';
import type { Db, Row } from './db.js';
import type { Interactions } from './interactions.js';
import type { Leads } from './leads.js';
import type { Promises } from './promises.js';

/** Reads only what the due rules need: open items and each contact's latest interactions. */
export class DueQueries {
  constructor(
    private readonly db: Db,
    private readonly interactions: Interactions,
    private readonly leads: Leads,
    private readonly promises: Promises,
  ) {}

  activity(today: IsoDate, contactId?: number): ContactActivity[] {
    const rows = this.db
      .stmt(
        `WITH ranked AS (
           SELECT ic.contact_id, x.on_date, x.no_reply,
             row_number() OVER (PARTITION BY ic.contact_id ORDER BY x.on_date DESC, x.id DESC) AS rn,
             count(*) OVER (PARTITION BY ic.contact_id) AS n
           FROM interaction_contacts ic JOIN interactions x ON x.id = ic.interaction_id
           WHERE x.on_date <= @today AND (@cid IS NULL OR ic.contact_id = @cid)
         )
         SELECT c.id, c.name, c.cadence_days, c.snoozed_until, c.archived,
           c.met_on,
           r1.on_date AS last_on, coalesce(r1.n, 0) AS n,
           coalesce(r1.no_reply = 1 AND r2.no_reply = 1, 0) AS rest
         FROM contacts c
         LEFT JOIN ranked r1 ON r1.contact_id = c.id AND r1.rn = 1
         LEFT JOIN ranked r2 ON r2.contact_id = c.id AND r2.rn = 2
         WHERE (@cid IS NULL OR c.id = @cid)
           AND (c.cadence_days IS NOT NULL
             OR EXISTS (SELECT 1 FROM promises p WHERE p.contact_id = c.id AND p.status = 'open' AND p.direction = 'theirs'))`,
      )
      .all({ today, cid: contactId ?? null }) as Row[];
    return rows.map((r) => ({
      contact: { id: Number(r.id), name: String(r.name) },
      cadenceDays: r.cadence_days === null ? null : Number(r.cadence_days),
      snoozedUntil: r.snoozed_until === null ? null : String(r.snoozed_until),
      archived: Number(r.archived) === 1,
      metOn: r.met_on === null ? null : String(r.met_on),
      interactionCount: Number(r.n),
      lastOn: r.last_on === null ? null : String(r.last_on),
      lastTwoNoReply: Number(r.rest) === 1,
    }));
  }

  /** Everything the due rules read, for the whole journal or one contact. */
  input(today: IsoDate, contactId?: number): DueInput {
    const openThanks = this.db
      .stmt(
        `SELECT DISTINCT x.id FROM interactions x JOIN interaction_contacts ic ON ic.interaction_id = x.id
         WHERE x.thanks_owed = 1 AND x.thanked_on IS NULL AND (@cid IS NULL OR ic.contact_id = @cid) ORDER BY x.id`,
      )
      .all({ cid: contactId ?? null }) as Row[];
    const thanks = openThanks
      .map((r) => this.interactions.get(Number(r.id)))
      .filter((i) => i !== undefined)
      // An interaction with several people is owed once, under its first contact.
      .filter((i) => contactId === undefined || i.contacts[0]?.id === contactId);
    const leadIds = this.db
      .stmt(`SELECT id FROM leads WHERE status IN ('open','followed') AND (@cid IS NULL OR source_id = @cid) ORDER BY id`)
      .all({ cid: contactId ?? null }) as Row[];
    const pledgeIds = this.db
      .stmt(`SELECT id FROM promises WHERE status = 'open' AND (@cid IS NULL OR contact_id = @cid) ORDER BY id`)
      .all({ cid: contactId ?? null }) as Row[];
    return {
      thanks,
      leads: leadIds.map((r) => this.leads.get(Number(r.id))).filter((l) => l !== undefined),
      pledges: pledgeIds.map((r) => this.promises.get(Number(r.id))).filter((p) => p !== undefined),
      activity: this.activity(today, contactId),
    };
  }
}
