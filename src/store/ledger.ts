// The give and take, counted from the records when it is read: the one query behind
// `net show` (one contact) and the report (everyone a period touched). Each count reads an
// index on the contact's id (schema 5); the thank-yous sent are the activity column that
// `net due` keeps anyway (schema 4).
import type { LedgerCounts } from '../core/ledger.js';
import type { Period } from '../core/report.js';
import type { ContactRef, IsoDate } from '../core/types.js';
import type { Db } from './db.js';

/**
 * The counts of contact `c` as a JSON object of `LedgerCounts`, as of `@day` (each act
 * counted from its own date; `net show` counts as of today, a report as of its last day).
 * Each act once: an introduction that came with a lead (`net lead --person`) is that lead;
 * the thank-you owed for an introduction is that introduction, not a conversation too. A
 * record closed without a date (a backup written by hand) counts whatever the day.
 */
const COUNTS = `json_object(
  'leads', (SELECT count(*) FROM leads WHERE source_id = c.id AND status <> 'dropped' AND given_on <= @day),
  'introductions', (SELECT count(*) FROM contacts i WHERE i.introduced_by = c.id AND coalesce(i.met_on, i.recorded_on, '') <= @day
    AND NOT EXISTS (SELECT 1 FROM leads l WHERE l.source_id = c.id AND l.person_id = i.id)),
  'theirsKept', (SELECT count(*) FROM promises WHERE contact_id = c.id AND direction = 'theirs' AND status = 'kept' AND coalesce(closed_on, '') <= @day),
  'thanked', (SELECT count(*) FROM interaction_contacts ic JOIN interactions x ON x.id = ic.interaction_id
    WHERE ic.contact_id = c.id AND x.intro_of IS NULL AND coalesce(ic.thanked_on, x.thanked_on) <= @day),
  'mineKept', (SELECT count(*) FROM promises WHERE contact_id = c.id AND direction = 'mine' AND status = 'kept' AND coalesce(closed_on, '') <= @day),
  'needsMet', (SELECT count(*) FROM needs WHERE contact_id = c.id AND status = 'met' AND coalesce(closed_on, '') <= @day),
  'introsMade', (SELECT count(*) FROM interaction_contacts ic JOIN interactions x ON x.id = ic.interaction_id
    WHERE ic.contact_id = c.id AND x.intro_by_me = 1 AND x.on_date <= @day))`;

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
    return this.db.jsonRows(`json_object('contact', json_object('id', c.id, 'name', c.name), 'counts', ${COUNTS})`, from, 'c.name_key, c.id', params);
  }

  /** One contact's counts as of `day`; undefined if there is no such contact. */
  of(contactId: number, day: IsoDate): LedgerCounts | undefined {
    return this.counted('FROM contacts c WHERE c.id = @id', { id: contactId, day })[0]?.counts;
  }

  /** Everyone the period touched with their counts as of its last day, in `net list` order (by name as matching sees it, then id). */
  touched(p: Period): ContactCounts[] {
    return this.counted(`FROM (${TOUCHED}) t JOIN contacts c ON c.id = t.id`, { from: p.from, to: p.to, day: p.to });
  }
}
