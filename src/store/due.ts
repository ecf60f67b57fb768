import { type ContactActivity, type DueInput, type DueLead, type DuePledge, type DueThanks, type DueUpcoming, isPanel } from '../core/due.js';
import type { IsoDate } from '../core/types.js';
import type { Db } from './db.js';
import { PEOPLE_OF_X, SNOOZED_PEOPLE_OF_X } from './interactions.js';
import { Jobs } from './jobs.js';
import { FOLLOWUP_DUE } from './migrations/005-reads.js';

/** A contact `c` as `ContactActivity`, shaped by SQLite (see `Db.jsonRows`), with the activity columns kept on each contact. */
const ACTIVITY = `json_object('contact', json_object('id', c.id, 'name', c.name), 'cadenceDays', c.cadence_days, 'snoozedUntil', c.snoozed_until,
     'archived', json(iif(c.archived = 1, 'true', 'false')), 'metOn', c.met_on, 'interactionCount', c.interaction_count, 'lastOn', c.last_on,
     'lastTwoNoReply', json(iif(c.last_two_no_reply = 1, 'true', 'false')), 'recordedOn', c.recorded_on)`;

/**
 * Reads only what the due rules need: open items (through partial indexes), only the
 * columns the rules use, and the activity columns kept on each contact; never the whole
 * history. `net due` on a large journal lists thousands of items, so each is read once.
 */
export class DueQueries {
  constructor(private readonly db: Db) {}

  /** Interactions whose thank-you is owed, each with its people in order (of one contact: those they were part of). */
  thanks(contactId?: number): DueThanks[] {
    return this.db.jsonRows<DueThanks>(
      `json_object('id', x.id, 'contacts', json(${PEOPLE_OF_X}), 'on', x.on_date, 'kind', x.kind, 'summary', x.summary,
         'thanksOwed', json('true'), 'thankedOn', x.thanked_on, 'snoozedUntil', x.snoozed_until, 'recordedOn', x.recorded_on,
         'introOf', iif(x.intro_of IS NULL, NULL, json_object('id', x.intro_of, 'name', coalesce((SELECT name FROM contacts WHERE id = x.intro_of), ''))),
         'thankedPeople', json((SELECT json_group_array(json_object('id', contact_id, 'on', thanked_on)) FROM interaction_contacts
           WHERE interaction_id = x.id AND thanked_on IS NOT NULL)),
         'snoozedPeople', iif(x.kind = 'interview', json(${SNOOZED_PEOPLE_OF_X}), NULL))`,
      `FROM interactions x INDEXED BY interactions_thanks_open
       WHERE x.thanks_owed = 1 AND x.thanked_on IS NULL
         AND (@cid IS NULL OR x.id IN (SELECT interaction_id FROM interaction_contacts WHERE contact_id = @cid))`,
      'x.id',
      { cid: contactId ?? null },
    );
  }

  /** Leads that are open or followed, of everyone or given by one contact. */
  leads(sourceId?: number): DueLead[] {
    return this.db.jsonRows<DueLead>(
      `json_object('id', l.id, 'source', json_object('id', l.source_id, 'name', s.name), 'what', l.what,
         'person', iif(l.person_id IS NULL, NULL, json_object('id', l.person_id, 'name', coalesce(p.name, ''))), 'status', l.status,
         'givenOn', l.given_on, 'followedOn', l.followed_on, 'snoozedUntil', l.snoozed_until, 'recordedOn', l.recorded_on,
         'news', l.news, 'newsOn', l.news_on)`,
      `FROM leads l JOIN contacts s ON s.id = l.source_id LEFT JOIN contacts p ON p.id = l.person_id
       WHERE l.status IN ('open','followed') AND (@cid IS NULL OR l.source_id = @cid)`,
      'l.id',
      { cid: sourceId ?? null },
    );
  }

  /** Open promises, both directions, and kept ones owing a thank-you, of everyone or one contact. */
  pledges(contactId?: number): DuePledge[] {
    return this.db.jsonRows<DuePledge>(
      `json_object('id', p.id, 'contact', json_object('id', p.contact_id, 'name', c.name), 'what', p.what, 'direction', p.direction,
         'madeOn', p.made_on, 'by', p.by_date, 'status', p.status, 'nudges', p.nudges, 'lastNudgedOn', p.last_nudged_on,
         'snoozedUntil', p.snoozed_until, 'recordedOn', p.recorded_on, 'closedOn', p.closed_on,
         'thanksOwed', json(iif(p.thanks_owed = 1, 'true', 'false')), 'thankedOn', p.thanked_on)`,
      `FROM promises p JOIN contacts c ON c.id = p.contact_id
       WHERE p.id IN (SELECT id FROM promises WHERE status = 'open' UNION ALL SELECT id FROM promises INDEXED BY promises_thanks_open WHERE thanks_owed = 1 AND thanked_on IS NULL)
         AND (@cid IS NULL OR p.contact_id = @cid)`,
      'p.id',
      { cid: contactId ?? null },
    );
  }

  /**
   * The contacts the keep-in-touch and respect rules can say something about on `today`:
   * those whose follow-up has fallen due, and those resting after two unanswered messages
   * (shown by `--all`, and holding back nudges). Both through indexes, so the cost follows
   * what is owed rather than the size of the journal. For one contact, that contact.
   */
  activity(today: IsoDate, contactId?: number): ContactActivity[] {
    return this.db.jsonRows<ContactActivity>(
      ACTIVITY,
      contactId !== undefined
        ? 'FROM contacts c WHERE c.id = @cid'
        : `FROM contacts c
           WHERE c.id IN (SELECT id FROM contacts INDEXED BY contacts_followup
                            WHERE cadence_days IS NOT NULL AND archived = 0 AND ${FOLLOWUP_DUE} <= @today
                          UNION ALL SELECT id FROM contacts INDEXED BY contacts_no_reply WHERE last_two_no_reply = 1)`,
      'c.id',
      contactId !== undefined ? { cid: contactId } : { today },
    );
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
    return this.db.jsonRows<ContactActivity>(
      ACTIVITY,
      `FROM (WITH later(id) AS (SELECT id FROM interactions INDEXED BY interactions_on WHERE on_date > @day
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
         FROM contacts c WHERE c.id IN changed AND c.recorded_on <= @day) c`,
      'c.id',
      // Nothing is recorded after today: for today, only meetings planned ahead are read.
      { day, today: this.db.today },
    );
  }

  /** Meetings logged ahead of their day, on or after `today`, through their own index. */
  upcoming(today: IsoDate, contactId?: number): DueUpcoming[] {
    return this.db.jsonRows<DueUpcoming>(
      `json_object('id', x.id, 'on', x.on_date, 'kind', x.kind, 'summary', x.summary, 'recordedOn', x.recorded_on,
         'thanksOwed', json(iif(x.thanks_owed = 1, 'true', 'false')), 'thankedOn', x.thanked_on, 'contacts', json(${PEOPLE_OF_X}))`,
      `FROM interactions x INDEXED BY interactions_ahead
       WHERE x.on_date > x.recorded_on AND x.on_date >= @today
         AND (@cid IS NULL OR x.id IN (SELECT interaction_id FROM interaction_contacts WHERE contact_id = @cid))`,
      'x.on_date, x.id',
      { today, cid: contactId ?? null },
    );
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
