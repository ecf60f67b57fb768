import { matchKey, normalizeText } from '../core/names.js';
import type { IsoDate, Need, NeedStatus } from '../core/types.js';
import { type Db, type InsertMeta } from './db.js';

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
/**
 * The needs open at the end of `@day`, as (noted_on, id): the open ones from their covering
 * index, without a table row each, and the few closed after the day from theirs
 * (`INDEXED BY`: left to itself, SQLite scans every need for the order the UNION merges in).
 */
const OPEN_ON = `SELECT noted_on, id FROM needs INDEXED BY needs_open WHERE status = 'open' AND noted_on <= @day
  UNION SELECT noted_on, id FROM needs INDEXED BY needs_closed WHERE closed_on > @day AND noted_on <= @day`;

export class Needs {
  constructor(private readonly db: Db) {}

  insert(f: NeedFields, meta: InsertMeta = {}): number {
    return this.db.insert(
      'needs',
      { contact_id: f.contactId, what: normalizeText(f.what).trim(), noted_on: f.notedOn, status: f.status ?? 'open', closed_on: f.closedOn ?? null },
      meta,
    );
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

  /**
   * Needs open at the end of `day` (noted by then, met or dropped after it or not yet), oldest
   * first: the first `limit` of them (all without one), and how many there were. A markdown
   * report shows a few of a journal's thousand open needs, and reads only those.
   */
  openOn(day: IsoDate, limit?: number): { needs: Need[]; count: number } {
    const needs = this.db.jsonRows<Need>(
      NEED,
      `FROM (${OPEN_ON} ORDER BY noted_on, id LIMIT @limit) o JOIN needs n ON n.id = o.id JOIN contacts c ON c.id = n.contact_id`,
      OLDEST_FIRST,
      { day, limit: limit ?? -1 },
    );
    if (limit === undefined || needs.length < limit) return { needs, count: needs.length };
    return { needs, count: this.db.stmt(`SELECT count(*) FROM (${OPEN_ON})`).pluck().get({ day }) as number };
  }

  /** Needs closed (met or dropped) on a day of the period. */
  closedIn(p: { from: IsoDate; to: IsoDate }): Need[] {
    return this.db.jsonRows<Need>(NEED, `${FROM} WHERE n.closed_on BETWEEN ? AND ?`, OLDEST_FIRST, [p.from, p.to]);
  }

  close(id: number, status: Exclude<NeedStatus, 'open'>, on: IsoDate): void {
    this.db.stmt('UPDATE needs SET status = ?, closed_on = ? WHERE id = ?').run(status, on, id);
  }
}
