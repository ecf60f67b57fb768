import type { LedgerInput } from '../core/ledger.js';
import type { Direction, LeadStatus, NeedStatus, PromiseStatus } from '../core/types.js';
import type { Db } from './db.js';

/**
 * What the ledger rules read for many contacts at once (the report's give-and-take): one
 * query, one row per person, the statuses read from covering indexes.
 */
export function ledgerInputs(db: Db, ids: readonly number[]): Map<number, LedgerInput> {
  const rows = db
    .stmt(
      `SELECT c.id, c.thanked_count,
         (SELECT count(*) FROM contacts i WHERE i.introduced_by = c.id),
         (SELECT json_group_array(status) FROM leads WHERE source_id = c.id),
         (SELECT json_group_array(json_array(direction, status)) FROM promises WHERE contact_id = c.id),
         (SELECT json_group_array(status) FROM needs WHERE contact_id = c.id)
       FROM contacts c WHERE c.id IN (SELECT value FROM json_each(?))`,
    )
    .raw(true)
    .all(JSON.stringify(ids)) as Array<[number, number, number, string, string, string]>;
  const out = new Map<number, LedgerInput>();
  for (const [id, thanked, introductions, leads, promises, needs] of rows) {
    out.set(id, {
      contactId: id,
      leadsGiven: (JSON.parse(leads) as LeadStatus[]).map((status) => ({ status })),
      introductions,
      promises: (JSON.parse(promises) as Array<[Direction, PromiseStatus]>).map(([direction, status]) => ({ direction, status })),
      needs: (JSON.parse(needs) as NeedStatus[]).map((status) => ({ status })),
      thanked,
    });
  }
  return out;
}
