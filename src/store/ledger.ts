import type { LedgerInput } from '../core/ledger.js';
import type { Direction, LeadStatus, NeedStatus, PromiseStatus } from '../core/types.js';
import type { Db, Row } from './db.js';

/**
 * What the ledger rules read for many contacts at once (the report's give-and-take):
 * one grouped query per record kind instead of several per person.
 */
export function ledgerInputs(db: Db, ids: readonly number[]): Map<number, LedgerInput> {
  const out = new Map<number, LedgerInput>();
  for (const id of ids) out.set(id, { contactId: id, leadsGiven: [], introductions: 0, promises: [], needs: [], thanked: 0 });
  const json = JSON.stringify(ids);
  const each = (sql: string, add: (input: LedgerInput, r: Row) => void) => {
    for (const r of db.stmt(sql).all(json) as Row[]) {
      const input = out.get(Number(r.cid));
      if (input) add(input, r);
    }
  };
  const within = 'IN (SELECT value FROM json_each(?))';
  each(`SELECT source_id AS cid, status FROM leads WHERE source_id ${within}`, (i, r) => {
    (i.leadsGiven as Array<{ status: LeadStatus }>).push({ status: String(r.status) as LeadStatus });
  });
  each(`SELECT introduced_by AS cid, count(*) AS n FROM contacts WHERE introduced_by ${within} GROUP BY introduced_by`, (i, r) => {
    i.introductions = Number(r.n);
  });
  each(`SELECT contact_id AS cid, direction, status FROM promises WHERE contact_id ${within}`, (i, r) => {
    (i.promises as Array<{ direction: Direction; status: PromiseStatus }>).push({
      direction: String(r.direction) as Direction,
      status: String(r.status) as PromiseStatus,
    });
  });
  each(`SELECT contact_id AS cid, status FROM needs WHERE contact_id ${within}`, (i, r) => {
    (i.needs as Array<{ status: NeedStatus }>).push({ status: String(r.status) as NeedStatus });
  });
  each(`SELECT id AS cid, thanked_count FROM contacts WHERE id ${within}`, (i, r) => {
    i.thanked = Number(r.thanked_count);
  });
  return out;
}
