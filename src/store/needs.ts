import { matchKey, normalizeText } from '../core/names.js';
import type { IsoDate, Need, NeedStatus } from '../core/types.js';
import { type Db, newUuid, nowStamp, type Row, str } from './db.js';

export interface NeedFields {
  contactId: number;
  what: string;
  notedOn: IsoDate;
  status?: NeedStatus;
  closedOn?: IsoDate | null;
}

const COLUMNS = 'n.id AS id, n.uuid, n.contact_id, c.name AS contact_name, n.what, n.noted_on AS noted_on, n.status, n.closed_on';
const SELECT = `SELECT ${COLUMNS} FROM needs n JOIN contacts c ON c.id = n.contact_id`;
/** Open needs in order, read from their covering index. */
const SELECT_OPEN = `SELECT ${COLUMNS} FROM needs n INDEXED BY needs_open JOIN contacts c ON c.id = n.contact_id WHERE n.status = 'open'`;

function toNeed(r: Row): Need {
  return {
    id: Number(r.id),
    uuid: String(r.uuid),
    contact: { id: Number(r.contact_id), name: String(r.contact_name) },
    what: String(r.what),
    notedOn: String(r.noted_on),
    status: String(r.status) as NeedStatus,
    closedOn: str(r.closed_on),
  };
}

export class Needs {
  constructor(private readonly db: Db) {}

  insert(f: NeedFields, meta: { uuid?: string; createdAt?: string } = {}): number {
    const info = this.db
      .stmt('INSERT INTO needs (uuid, contact_id, what, noted_on, status, closed_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(meta.uuid ?? newUuid(), f.contactId, normalizeText(f.what).trim(), f.notedOn, f.status ?? 'open', f.closedOn ?? null, meta.createdAt ?? nowStamp());
    return Number(info.lastInsertRowid);
  }

  get(id: number): Need | undefined {
    const r = this.db.stmt(`${SELECT} WHERE n.id = ?`).get(id) as Row | undefined;
    return r ? toNeed(r) : undefined;
  }

  forContact(contactId: number): Need[] {
    return (this.db.stmt(`${SELECT} WHERE n.contact_id = ? ORDER BY n.noted_on, n.id`).all(contactId) as Row[]).map(toNeed);
  }

  /** Open needs, and those noted or closed between two dates. */
  openOrBetween(from: IsoDate, to: IsoDate): Need[] {
    // Open needs come from their covering index in order; closed ones by their dates.
    return (
      this.db
        .stmt(
          `${SELECT_OPEN}
           UNION ALL ${SELECT} WHERE n.status <> 'open' AND n.id IN (SELECT id FROM needs WHERE noted_on BETWEEN @from AND @to
             UNION SELECT id FROM needs WHERE closed_on BETWEEN @from AND @to)
           ORDER BY noted_on, id`,
        )
        .all({ from, to }) as Row[]
    ).map(toNeed);
  }

  all(): Need[] {
    return (this.db.stmt(`${SELECT} ORDER BY n.noted_on, n.id`).all() as Row[]).map(toNeed);
  }

  /** Open needs, oldest first; with `text`, those whose need or person matches it (accent- and case-insensitive). */
  open(text?: string): Need[] {
    const rows = (this.db.stmt(`${SELECT_OPEN} ORDER BY n.noted_on, n.id`).all() as Row[]).map(toNeed);
    if (!text) return rows;
    const key = matchKey(text);
    return rows.filter((n) => matchKey(n.what).includes(key) || matchKey(n.contact.name).includes(key));
  }

  close(id: number, status: Exclude<NeedStatus, 'open'>, on: IsoDate): void {
    this.db.stmt('UPDATE needs SET status = ?, closed_on = ? WHERE id = ?').run(status, on, id);
  }
}
