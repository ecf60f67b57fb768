// The give and take, counted from the records when it is read: the one query behind
// `net show` (one contact) and the report (everyone a period touched). Each count reads an
// index on the contact's id (schema 5); the thank-yous sent are the activity column that
// `net due` keeps anyway (schema 4).
import type { LedgerCounts } from '../core/ledger.js';
import type { Period } from '../core/report.js';
import type { ContactRef, IsoDate } from '../core/types.js';
import type { Db } from './db.js';

/**
 * What each contact did after `@day`, one row per contact: the acts the ledger leaves out
 * when it counts as of that day. Each read from an index on its date (nothing, for today),
 * but for two that no index holds, read only for a day before today, when they can exist:
 * people introduced (met or recorded) and thank-yous sent after it. The thank-yous walk the
 * interactions in their own order (`CROSS JOIN`): left to itself, SQLite walked every
 * contact's and looked each interaction up, seven times slower on 10,000 contacts.
 */
const LATER = `(SELECT id, sum(leads) AS leads, sum(intros) AS intros, sum(theirs) AS theirs, sum(thanked) AS thanked,
    sum(mine) AS mine, sum(needs) AS needs, sum(made) AS made FROM (
  SELECT source_id AS id, 1 AS leads, 0 AS intros, 0 AS theirs, 0 AS thanked, 0 AS mine, 0 AS needs, 0 AS made
    FROM leads WHERE given_on > @day AND status <> 'dropped'
  UNION ALL SELECT i.introduced_by, 0, 1, 0, 0, 0, 0, 0 FROM contacts i
    WHERE @day < @today AND i.introduced_by IS NOT NULL AND coalesce(i.met_on, i.recorded_on, '') > @day
      AND NOT EXISTS (SELECT 1 FROM leads l WHERE l.source_id = i.introduced_by AND l.person_id = i.id)
  UNION ALL SELECT contact_id, 0, 0, direction = 'theirs', 0, direction = 'mine', 0, 0 FROM promises WHERE closed_on > @day AND status = 'kept'
  UNION ALL SELECT ic.contact_id, 0, 0, 0, 1, 0, 0, 0 FROM interactions x CROSS JOIN interaction_contacts ic ON ic.interaction_id = x.id
    WHERE @day < @today AND x.intro_of IS NULL AND x.planned = 0 AND coalesce(ic.thanked_on, x.thanked_on) > @day
  UNION ALL SELECT contact_id, 0, 0, 0, 0, 0, 1, 0 FROM needs WHERE closed_on > @day AND status = 'met'
  UNION ALL SELECT ic.contact_id, 0, 0, 0, 0, 0, 0, 1 FROM interactions x JOIN interaction_contacts ic ON ic.interaction_id = x.id
    WHERE x.on_date > @day AND x.intro_by_me = 1
) GROUP BY id)`;

/**
 * Per contact, the introductions in their conversations (joined as `n`): thank-yous sent for
 * an introduction (kept in the thanked count, but each is the introduction) and introductions
 * you made. Few interactions are either, so for everyone they are read from their own index
 * (schema 19, whose condition the WHERE repeats word for word so that SQLite uses it;
 * `CROSS JOIN` keeps it from walking every contact's conversations instead); for one
 * contact, through their own.
 */
const INTROS_FIELDS = `ic.contact_id AS id,
    sum(x.intro_of IS NOT NULL AND coalesce(ic.thanked_on, x.thanked_on) IS NOT NULL) AS thanked, sum(x.intro_by_me = 1) AS made`;
const INTROS_OF_EVERYONE = `(SELECT ${INTROS_FIELDS} FROM interactions x CROSS JOIN interaction_contacts ic ON ic.interaction_id = x.id
  WHERE x.intro_of IS NOT NULL OR x.intro_by_me = 1 GROUP BY ic.contact_id)`;
const INTROS_OF_ONE = `(SELECT ${INTROS_FIELDS} FROM interaction_contacts ic CROSS JOIN interactions x ON x.id = ic.interaction_id
  WHERE ic.contact_id = @id AND (x.intro_of IS NOT NULL OR x.intro_by_me = 1) GROUP BY ic.contact_id)`;

/**
 * The counts of contact `c` as a JSON object of `LedgerCounts`, as of `@day` (each act
 * counted from its own date; `net show` counts as of today, a report as of its last day):
 * all of each kind, through the contact's own indexes, less what `LATER` (joined as `a`)
 * says came after. Each act once: an introduction that came with a lead (`net lead
 * --person`) is that lead; the thank-you owed for an introduction is that introduction, not
 * a conversation too (the count of thanked conversations kept on each contact, schema 4,
 * less those). A record closed without a date (a backup written by hand) counts whatever
 * the day.
 */
const COUNTS = `json_object(
  'leads', (SELECT count(*) FROM leads WHERE source_id = c.id AND status <> 'dropped') - coalesce(a.leads, 0),
  'introductions', (SELECT count(*) FROM contacts i WHERE i.introduced_by = c.id
    AND NOT EXISTS (SELECT 1 FROM leads l WHERE l.source_id = c.id AND l.person_id = i.id)) - coalesce(a.intros, 0),
  'theirsKept', (SELECT count(*) FROM promises WHERE contact_id = c.id AND direction = 'theirs' AND status = 'kept') - coalesce(a.theirs, 0),
  'thanked', c.thanked_count - coalesce(n.thanked, 0) - coalesce(a.thanked, 0),
  'mineKept', (SELECT count(*) FROM promises WHERE contact_id = c.id AND direction = 'mine' AND status = 'kept') - coalesce(a.mine, 0),
  'needsMet', (SELECT count(*) FROM needs WHERE contact_id = c.id AND status = 'met') - coalesce(a.needs, 0),
  'introsMade', coalesce(n.made, 0) - coalesce(a.made, 0))`;

/**
 * Everyone a period touched: they were in a conversation, gave a lead given, followed,
 * reported or with news, made or closed a promise, noted or closed a need, or were met.
 */
const TOUCHED = `SELECT ic.contact_id AS id FROM interactions x JOIN interaction_contacts ic ON ic.interaction_id = x.id WHERE x.on_date BETWEEN @from AND @to
  UNION SELECT source_id FROM leads WHERE given_on BETWEEN @from AND @to OR followed_on BETWEEN @from AND @to OR reported_on BETWEEN @from AND @to
    OR news_on BETWEEN @from AND @to
  UNION SELECT contact_id FROM promises WHERE made_on BETWEEN @from AND @to OR closed_on BETWEEN @from AND @to
  UNION SELECT contact_id FROM needs WHERE noted_on BETWEEN @from AND @to OR closed_on BETWEEN @from AND @to
  UNION SELECT id FROM contacts WHERE coalesce(met_on, substr(created_at, 1, 10)) BETWEEN @from AND @to`;

export interface ContactCounts {
  contact: ContactRef;
  counts: LedgerCounts;
}

export class Ledgers {
  constructor(private readonly db: Db) {}

  private counted(from: string, params: { day: IsoDate } & Record<string, unknown>): ContactCounts[] {
    return this.db.jsonRows(`json_object('contact', json_object('id', c.id, 'name', c.name), 'counts', ${COUNTS})`, from, 'c.name_key, c.id', {
      ...params,
      today: this.db.today,
    });
  }

  /** One contact's counts as of `day`; undefined if there is no such contact. */
  of(contactId: number, day: IsoDate): LedgerCounts | undefined {
    return this.counted(`FROM contacts c LEFT JOIN ${LATER} a ON a.id = c.id LEFT JOIN ${INTROS_OF_ONE} n ON n.id = c.id WHERE c.id = @id`, {
      id: contactId,
      day,
    })[0]?.counts;
  }

  /** Everyone the period touched with their counts as of its last day, in `net list` order (by name as matching sees it, then id). */
  touched(p: Period): ContactCounts[] {
    return this.counted(`FROM (${TOUCHED}) t JOIN contacts c ON c.id = t.id LEFT JOIN ${LATER} a ON a.id = c.id LEFT JOIN ${INTROS_OF_EVERYONE} n ON n.id = c.id`, {
      from: p.from,
      to: p.to,
      day: p.to,
    });
  }
}
