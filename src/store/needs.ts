import { matchKey, normalizeText } from '../core/names.js';
import type { IsoDate, Need, NeedStatus } from '../core/types.js';
import { type Db, type InsertMeta, newUuid, nowStamp } from './db.js';

export interface NeedFields {
  contactId: number;
  what: string;
  notedOn: IsoDate;
  status?: NeedStatus;
  closedOn?: IsoDate | null;
}

/** A need as `Need`, shaped by SQLite (see `Db.jsonRows`). */
const NEED = `json_object('id', n.id, 'uuid', n.uuid, 'contact', json_object('id', n.contact_id, 'name', c.name), 'what', n.what,
  'notedOn', n.noted_on, 'status', n.status, 'closedOn', n.closed_on, 'recordedOn', n.recorded_on)`;
const FROM = 'FROM needs n JOIN contacts c ON c.id = n.contact_id';
/** Open needs, read from their covering index. */
const FROM_OPEN = `FROM needs n INDEXED BY needs_open JOIN contacts c ON c.id = n.contact_id WHERE n.status = 'open'`;
const OLDEST_FIRST = 'n.noted_on, n.id';

export class Needs {
  constructor(private readonly db: Db) {}

  insert(f: NeedFields, meta: InsertMeta = {}): number {
    const info = this.db
      .stmt('INSERT INTO needs (uuid, contact_id, what, noted_on, status, closed_on, created_at, recorded_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(
        meta.uuid ?? newUuid(),
        f.contactId,
        normalizeText(f.what).trim(),
        f.notedOn,
        f.status ?? 'open',
        f.closedOn ?? null,
        meta.createdAt ?? nowStamp(),
        meta.recordedOn ?? this.db.today,
      );
    return Number(info.lastInsertRowid);
  }

  get(id: number): Need | undefined {
    return this.db.jsonRows<Need>(NEED, `${FROM} WHERE n.id = ?`, 'n.id', [id])[0];
  }

  forContact(contactId: number): Need[] {
    return this.db.jsonRows<Need>(NEED, `${FROM} WHERE n.contact_id = ?`, OLDEST_FIRST, [contactId]);
  }

  /** Every need in id order, one at a time (see `Db.jsonEach`). */
  each(): Generator<Need> {
    return this.db.jsonEach<Need>(NEED, FROM, 'n.id');
  }

  all(): Need[] {
    return this.db.jsonRows<Need>(NEED, FROM, OLDEST_FIRST);
  }

  /** Open needs, oldest first; with `text`, those whose need or person matches it (accent- and case-insensitive). */
  open(text?: string): Need[] {
    const rows = this.db.jsonRows<Need>(NEED, FROM_OPEN, OLDEST_FIRST);
    if (!text) return rows;
    const key = matchKey(text);
    return rows.filter((n) => matchKey(n.what).includes(key) || matchKey(n.contact.name).includes(key));
  }

  /** Needs open at the end of `day` (noted by then, met or dropped after it or not yet), oldest first. */
  openOn(day: IsoDate): Need[] {
    return this.db.jsonRows<Need>(
      NEED,
      `${FROM} WHERE n.noted_on <= @day
         AND n.id IN (SELECT id FROM needs INDEXED BY needs_open WHERE status = 'open' UNION SELECT id FROM needs WHERE closed_on > @day)`,
      OLDEST_FIRST,
      { day },
    );
  }

  /** Needs closed (met or dropped) on a day of the period. */
  closedIn(p: { from: IsoDate; to: IsoDate }): Need[] {
    return this.db.jsonRows<Need>(NEED, `${FROM} WHERE n.closed_on BETWEEN ? AND ?`, OLDEST_FIRST, [p.from, p.to]);
  }

  close(id: number, status: Exclude<NeedStatus, 'open'>, on: IsoDate): void {
    this.db.stmt('UPDATE needs SET status = ?, closed_on = ? WHERE id = ?').run(status, on, id);
  }
}
