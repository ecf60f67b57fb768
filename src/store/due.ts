import type { ContactActivity, DueInput } from '../core/due.js';
import type { ContactRef, Interaction, InteractionKind, Lead, LeadStatus, Pledge } from '../core/types.js';
import type { Db, Row } from './db.js';

const ref = (id: unknown, name: unknown): ContactRef => ({ id: Number(id), name: String(name) });
const optStr = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * Reads only what the due rules need: open items (through partial indexes) and the
 * activity columns kept on each contact, never the whole history.
 */
export class DueQueries {
  constructor(private readonly db: Db) {}

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
      contact: ref(r.id, r.name),
      cadenceDays: r.cadence_days === null ? null : Number(r.cadence_days),
      snoozedUntil: optStr(r.snoozed_until),
      archived: Number(r.archived) === 1,
      metOn: optStr(r.met_on),
      interactionCount: Number(r.interaction_count),
      lastOn: optStr(r.last_on),
      lastTwoNoReply: Number(r.last_two_no_reply) === 1,
    }));
  }

  /** Interactions whose thank-you is still owed, each with its people in order. */
  private openThanks(contactId?: number): Interaction[] {
    // The plan is spelled out: without statistics SQLite would rather walk every link.
    const rows = this.db
      .stmt(
        `SELECT x.id, x.uuid, x.on_date, x.kind, x.summary, x.snoozed_until, x.no_reply, c.id AS cid, c.name AS cname
         FROM interactions x INDEXED BY interactions_thanks_open
         CROSS JOIN interaction_contacts ic ON ic.interaction_id = x.id
         CROSS JOIN contacts c ON c.id = ic.contact_id
         WHERE x.thanks_owed = 1 AND x.thanked_on IS NULL
           AND (@cid IS NULL OR x.id IN (SELECT interaction_id FROM interaction_contacts WHERE contact_id = @cid))
         ORDER BY x.id, ic.position, c.id`,
      )
      .all({ cid: contactId ?? null }) as Row[];
    const out: Interaction[] = [];
    for (const r of rows) {
      const last = out[out.length - 1];
      if (last && last.id === Number(r.id)) {
        last.contacts.push(ref(r.cid, r.cname));
        continue;
      }
      out.push({
        id: Number(r.id),
        uuid: String(r.uuid),
        contacts: [ref(r.cid, r.cname)],
        on: String(r.on_date),
        kind: String(r.kind) as InteractionKind,
        summary: optStr(r.summary),
        thanksOwed: true,
        thankedOn: null,
        noReply: Number(r.no_reply) === 1,
        snoozedUntil: optStr(r.snoozed_until),
      });
    }
    // An interaction with several people is owed once, under its first contact.
    return contactId === undefined ? out : out.filter((i) => i.contacts[0]?.id === contactId);
  }

  private activeLeads(contactId?: number): Lead[] {
    const rows = this.db
      .stmt(
        `SELECT l.*, s.name AS source_name, p.name AS person_name
         FROM leads l JOIN contacts s ON s.id = l.source_id LEFT JOIN contacts p ON p.id = l.person_id
         WHERE l.status IN ('open','followed') AND (@cid IS NULL OR l.source_id = @cid)
         ORDER BY l.id`,
      )
      .all({ cid: contactId ?? null }) as Row[];
    return rows.map((r) => ({
      id: Number(r.id),
      uuid: String(r.uuid),
      source: ref(r.source_id, r.source_name),
      what: String(r.what),
      person: r.person_id === null ? null : ref(r.person_id, r.person_name),
      company: optStr(r.company),
      job: optStr(r.job),
      givenOn: String(r.given_on),
      status: String(r.status) as LeadStatus,
      followedOn: optStr(r.followed_on),
      reportedOn: optStr(r.reported_on),
      outcome: optStr(r.outcome),
      snoozedUntil: optStr(r.snoozed_until),
    }));
  }

  private openPledges(contactId?: number): Pledge[] {
    const rows = this.db
      .stmt(
        `SELECT p.*, c.name AS contact_name FROM promises p JOIN contacts c ON c.id = p.contact_id
         WHERE p.status = 'open' AND (@cid IS NULL OR p.contact_id = @cid) ORDER BY p.id`,
      )
      .all({ cid: contactId ?? null }) as Row[];
    return rows.map((r) => ({
      id: Number(r.id),
      uuid: String(r.uuid),
      contact: ref(r.contact_id, r.contact_name),
      what: String(r.what),
      direction: r.direction === 'theirs' ? 'theirs' : 'mine',
      madeOn: String(r.made_on),
      by: optStr(r.by_date),
      status: 'open',
      closedOn: null,
      nudges: Number(r.nudges),
      lastNudgedOn: optStr(r.last_nudged_on),
      snoozedUntil: optStr(r.snoozed_until),
    }));
  }

  /** Everything the due rules read, for the whole journal or one contact. */
  input(contactId?: number): DueInput {
    return {
      thanks: this.openThanks(contactId),
      leads: this.activeLeads(contactId),
      pledges: this.openPledges(contactId),
      activity: this.activity(contactId),
    };
  }
}

