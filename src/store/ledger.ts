import type { LedgerInput } from '../core/ledger.js';
import type { Direction, LeadStatus, NeedStatus, PromiseStatus } from '../core/types.js';
import type { Db } from './db.js';

/**
 * What the ledger rules read for many contacts at once (the report's give-and-take): one
 * query, one row per person, the statuses read from covering indexes and shaped by SQLite
 * as the objects the rules take. In `net list` order: by name as matching sees it, then id.
 */
export function ledgerInputs(db: Db, ids: readonly number[]): Map<number, LedgerInput> {
  const rows = db
    .stmt(
      `SELECT c.id, c.thanked_count,
         (SELECT count(*) FROM contacts i WHERE i.introduced_by = c.id),
         (SELECT json_group_array(json_object('status', status)) FROM leads WHERE source_id = c.id),
         (SELECT json_group_array(json_object('direction', direction, 'status', status)) FROM promises WHERE contact_id = c.id),
         (SELECT json_group_array(json_object('status', status)) FROM needs WHERE contact_id = c.id)
       FROM contacts c WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.name_key, c.id`,
    )
    .raw(true)
    .all(JSON.stringify(ids)) as Array<[number, number, number, string, string, string]>;
  const out = new Map<number, LedgerInput>();
  for (const [id, thanked, introductions, leads, promises, needs] of rows) {
    out.set(id, {
      contactId: id,
      leadsGiven: JSON.parse(leads) as Array<{ status: LeadStatus }>,
      introductions,
      promises: JSON.parse(promises) as Array<{ direction: Direction; status: PromiseStatus }>,
      needs: JSON.parse(needs) as Array<{ status: NeedStatus }>,
      thanked,
    });
  }
  return out;
}
