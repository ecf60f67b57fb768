import { type ContactActivity, type DueInput, type DueLead, type DuePledge, type DueThanks, type DueUpcoming, isPanel } from '../core/due.js';
import type { Direction, InteractionKind, IsoDate, LeadStatus, PromiseStatus } from '../core/types.js';
import { type Db, type Row, str } from './db.js';
import { parsePeople, PEOPLE_OF_X } from './interactions.js';
import { Jobs } from './jobs.js';
import { FOLLOWUP_DUE } from './migrations/005-reads.js';

/**
 * Reads only what the due rules need: open items (through partial indexes), only the
 * columns the rules use, and the activity columns kept on each contact; never the whole
 * history. `net due` on a large journal lists thousands of items, so each is read once.
 */
export class DueQueries {
  constructor(private readonly db: Db) {}

  /** Interactions whose thank-you is owed, each with its people in order (of one contact: those they were part of). */
  thanks(contactId?: number): DueThanks[] {
    const rows = this.db
      .stmt(
        `SELECT x.id, x.on_date, x.kind, x.summary, x.thanked_on, x.snoozed_until,
           ${PEOPLE_OF_X} AS people, x.recorded_on, x.intro_of, (SELECT name FROM contacts WHERE id = x.intro_of),
           (SELECT json_group_array(json_object('id', contact_id, 'on', thanked_on)) FROM interaction_contacts
             WHERE interaction_id = x.id AND thanked_on IS NOT NULL) AS thanked
         FROM interactions x INDEXED BY interactions_thanks_open
         WHERE x.thanks_owed = 1 AND x.thanked_on IS NULL
           AND (@cid IS NULL OR x.id IN (SELECT interaction_id FROM interaction_contacts WHERE contact_id = @cid))
         ORDER BY x.id`,
      )
      .raw(true)
      .all({ cid: contactId ?? null }) as Array<
      [number, string, InteractionKind, string | null, string | null, string | null, string, string, number | null, string | null, string]
    >;
    return rows.map(([id, on, kind, summary, thankedOn, snoozedUntil, people, recordedOn, introId, introName, thanked]) => ({
      id,
      contacts: parsePeople(people),
      on,
      kind,
      summary,
      thanksOwed: true,
      thankedOn,
      snoozedUntil,
      recordedOn,
      introOf: introId === null ? null : { id: introId, name: introName ?? '' },
      thankedPeople: JSON.parse(thanked) as Array<{ id: number; on: IsoDate }>,
    }));
  }

  /** Leads that are open or followed, of everyone or given by one contact. */
  leads(sourceId?: number): DueLead[] {
    const rows = this.db
      .stmt(
        `SELECT l.id, l.source_id, s.name, l.what, l.person_id, p.name, l.status, l.given_on, l.followed_on, l.snoozed_until, l.recorded_on,
           l.news, l.news_on
         FROM leads l JOIN contacts s ON s.id = l.source_id LEFT JOIN contacts p ON p.id = l.person_id
         WHERE l.status IN ('open','followed') AND (@cid IS NULL OR l.source_id = @cid) ORDER BY l.id`,
      )
      .raw(true)
      .all({ cid: sourceId ?? null }) as Array<
      [number, number, string, string, number | null, string | null, LeadStatus, string, string | null, string | null, string, string | null, string | null]
    >;
    return rows.map(([id, sid, sname, what, pid, pname, status, givenOn, followedOn, snoozedUntil, recordedOn, news, newsOn]) => ({
      id,
      source: { id: sid, name: sname },
      what,
      person: pid === null ? null : { id: pid, name: pname ?? '' },
      status,
      givenOn,
      followedOn,
      snoozedUntil,
      recordedOn,
      news,
      newsOn,
    }));
  }

  /** Open promises, both directions, and kept ones owing a thank-you, of everyone or one contact. */
  pledges(contactId?: number): DuePledge[] {
    const rows = this.db
      .stmt(
        `SELECT p.id, p.contact_id, c.name, p.what, p.direction, p.made_on, p.by_date, p.status, p.nudges, p.last_nudged_on, p.snoozed_until, p.recorded_on,
           p.closed_on, p.thanks_owed, p.thanked_on
         FROM promises p JOIN contacts c ON c.id = p.contact_id
         WHERE p.id IN (SELECT id FROM promises WHERE status = 'open' UNION ALL SELECT id FROM promises INDEXED BY promises_thanks_open WHERE thanks_owed = 1 AND thanked_on IS NULL)
           AND (@cid IS NULL OR p.contact_id = @cid) ORDER BY p.id`,
      )
      .raw(true)
      .all({ cid: contactId ?? null }) as Array<
      [number, number, string, string, Direction, string, string | null, PromiseStatus, number, string | null, string | null, string, string | null, number, string | null]
    >;
    return rows.map(([id, cid, name, what, direction, madeOn, by, status, nudges, lastNudgedOn, snoozedUntil, recordedOn, closedOn, thanksOwed, thankedOn]) => ({
      id,
      contact: { id: cid, name },
      what,
      direction,
      madeOn,
      by,
      status,
      nudges,
      lastNudgedOn,
      snoozedUntil,
      recordedOn,
      closedOn,
      thanksOwed: thanksOwed === 1,
      thankedOn,
    }));
  }

  /**
   * The contacts the keep-in-touch and respect rules can say something about on `today`:
   * those whose follow-up has fallen due, and those resting after two unanswered messages
   * (shown by `--all`, and holding back nudges). Both through indexes, so the cost follows
   * what is owed rather than the size of the journal. For one contact, that contact.
   */
  activity(today: IsoDate, contactId?: number): ContactActivity[] {
    const columns = 'id, name, cadence_days, snoozed_until, archived, met_on, last_on, interaction_count, last_two_no_reply, recorded_on';
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
      snoozedUntil: str(r.snoozed_until),
      archived: Number(r.archived) === 1,
      metOn: str(r.met_on),
      interactionCount: Number(r.interaction_count),
      lastOn: str(r.last_on),
      lastTwoNoReply: Number(r.last_two_no_reply) === 1,
      recordedOn: str(r.recorded_on),
    }));
  }

  /**
   * Every contact's activity at the end of `day`, as the journal knew it then, for a report
   * of a period ending that day. A contact with no interaction dated or recorded after it
   * has the activity columns `net due` reads (and is read as `activity` reads them, through
   * the same indexes); anyone else is counted again from their interactions up to that day
   * (a meeting planned for a later day is no contact yet). So a report of a recent period
   * costs about what `net due` does.
   */
  activityOn(day: IsoDate): ContactActivity[] {
    const mine = `FROM interaction_contacts ic JOIN interactions x ON x.id = ic.interaction_id
      WHERE ic.contact_id = c.id AND x.on_date <= @day AND x.recorded_on <= @day`;
    const rows = this.db
      .stmt(
        `WITH later(id) AS (SELECT id FROM interactions INDEXED BY interactions_on WHERE on_date > @day
             UNION ALL SELECT id FROM interactions WHERE @day < @today AND recorded_on > @day),
           changed(id) AS (SELECT DISTINCT contact_id FROM interaction_contacts WHERE interaction_id IN later)
         SELECT c.id, c.name, c.cadence_days, c.snoozed_until, c.archived, c.met_on, c.recorded_on, c.last_on, c.interaction_count, c.last_two_no_reply
         FROM contacts c
         WHERE c.id IN (SELECT id FROM contacts INDEXED BY contacts_followup WHERE cadence_days IS NOT NULL AND archived = 0 AND ${FOLLOWUP_DUE} <= @day
                        UNION ALL SELECT id FROM contacts INDEXED BY contacts_no_reply WHERE last_two_no_reply = 1)
           AND c.id NOT IN changed AND c.recorded_on <= @day
         UNION ALL
         SELECT c.id, c.name, c.cadence_days, c.snoozed_until, c.archived, c.met_on, c.recorded_on,
           (SELECT max(x.on_date) ${mine}), (SELECT count(*) ${mine}),
           coalesce((SELECT count(*) = 2 AND min(no_reply) = 1 FROM (SELECT x.no_reply ${mine} ORDER BY x.on_date DESC, x.id DESC LIMIT 2)), 0)
         FROM contacts c WHERE c.id IN changed AND c.recorded_on <= @day
         ORDER BY 1`,
      )
      .raw(true)
      // Nothing is recorded after today: for today, only meetings planned ahead are read.
      .all({ day, today: this.db.today }) as Array<[number, string, number | null, string | null, number, string | null, string | null, string | null, number, number]>;
    return rows.map(([id, name, cadenceDays, snoozedUntil, archived, metOn, recordedOn, lastOn, count, two]) => ({
      contact: { id, name },
      cadenceDays,
      snoozedUntil,
      archived: archived === 1,
      metOn,
      interactionCount: count,
      lastOn,
      lastTwoNoReply: two === 1,
      recordedOn,
    }));
  }

  /** Meetings logged ahead of their day, on or after `today`, through their own index. */
  upcoming(today: IsoDate, contactId?: number): DueUpcoming[] {
    const rows = this.db
      .stmt(
        `SELECT x.id, x.on_date, x.kind, x.summary, x.recorded_on, ${PEOPLE_OF_X} AS people
         FROM interactions x INDEXED BY interactions_ahead
         WHERE x.on_date > x.recorded_on AND x.on_date >= @today
           AND (@cid IS NULL OR x.id IN (SELECT interaction_id FROM interaction_contacts WHERE contact_id = @cid))
         ORDER BY x.on_date, x.id`,
      )
      .raw(true)
      .all({ today, cid: contactId ?? null }) as Array<[number, string, InteractionKind, string | null, string, string]>;
    return rows.map(([id, on, kind, summary, recordedOn, people]) => ({ id, on, kind, summary, recordedOn, contacts: parsePeople(people) }));
  }

  /** Everything the due rules read on `today`, for the whole journal or one contact. */
  input(today: IsoDate, contactId?: number): DueInput {
    const thanks = this.thanks(contactId);
    return {
      upcoming: this.upcoming(today, contactId),
      // An interaction with several people is owed once, under its first contact; a panel
      // interview once per person (the items of others are the caller's to leave out).
      thanks: contactId === undefined ? thanks : thanks.filter((i) => i.contacts[0]?.id === contactId || isPanel(i)),
      leads: this.leads(contactId),
      pledges: this.pledges(contactId),
      activity: this.activity(today, contactId),
      jobs: new Jobs(this.db).owing(today, contactId),
    };
  }
}
