// The give and take, counted from the records when it is read: the one query behind
// `net show` (one contact) and the report (everyone a period touched). Each count reads an
// index on the contact's id (schema 5); the thank-yous sent are the activity column that
// `net due` keeps anyway (schema 4).
import type { LedgerCounts } from '../core/ledger.js';
import type { ContactRef, IsoDate } from '../core/types.js';
import type { Db } from './db.js';

/** The counts of contact `c` as a JSON object of `LedgerCounts`. */
const COUNTS = `json_object(
  'leads', (SELECT count(*) FROM leads WHERE source_id = c.id AND status <> 'dropped'),
  'introductions', (SELECT count(*) FROM contacts i WHERE i.introduced_by = c.id),
  'theirsKept', (SELECT count(*) FROM promises WHERE contact_id = c.id AND direction = 'theirs' AND status = 'kept'),
  'thanked', c.thanked_count,
  'mineKept', (SELECT count(*) FROM promises WHERE contact_id = c.id AND direction = 'mine' AND status = 'kept'),
  'needsMet', (SELECT count(*) FROM needs WHERE contact_id = c.id AND status = 'met'))`;

/**
 * Everyone a period touched: they were in a conversation, gave a lead given, followed or
 * reported, made or closed a promise, noted or closed a need, or were met.
 */
const TOUCHED = `SELECT ic.contact_id AS id FROM interactions x JOIN interaction_contacts ic ON ic.interaction_id = x.id WHERE x.on_date BETWEEN @from AND @to
  UNION SELECT source_id FROM leads WHERE given_on BETWEEN @from AND @to OR followed_on BETWEEN @from AND @to OR reported_on BETWEEN @from AND @to
  UNION SELECT contact_id FROM promises WHERE made_on BETWEEN @from AND @to OR closed_on BETWEEN @from AND @to
  UNION SELECT contact_id FROM needs WHERE noted_on BETWEEN @from AND @to OR closed_on BETWEEN @from AND @to
  UNION SELECT id FROM contacts WHERE coalesce(met_on, substr(created_at, 1, 10)) BETWEEN @from AND @to`;

export interface ContactCounts {
  contact: ContactRef;
  counts: LedgerCounts;
}

export class Ledgers {
  constructor(private readonly db: Db) {}

  private counted(from: string, params: Record<string, unknown>): ContactCounts[] {
    return this.db.jsonRows(`json_object('contact', json_object('id', c.id, 'name', c.name), 'counts', ${COUNTS})`, from, 'c.name_key, c.id', params);
  }

  /** One contact's counts; undefined if there is no such contact. */
  of(contactId: number): LedgerCounts | undefined {
    return this.counted('FROM contacts c WHERE c.id = @id', { id: contactId })[0]?.counts;
  }

  /** Everyone the period touched with their counts, in `net list` order (by name as matching sees it, then id). */
  touched(from: IsoDate, to: IsoDate): ContactCounts[] {
    return this.counted(`FROM (${TOUCHED}) t JOIN contacts c ON c.id = t.id`, { from, to });
  }
}
