import { normalizeText } from '../core/names.js';
import type { Direction, IsoDate, Pledge, PromiseStatus } from '../core/types.js';
import { type Db, newUuid, nowStamp } from './db.js';

export interface PledgeFields {
  contactId: number;
  what: string;
  direction: Direction;
  madeOn: IsoDate;
  by?: IsoDate | null;
  status?: PromiseStatus;
  closedOn?: IsoDate | null;
  nudges?: number;
  lastNudgedOn?: IsoDate | null;
  snoozedUntil?: IsoDate | null;
}

/** A promise `p` as `Pledge`, shaped by SQLite (see `Db.jsonRows`). */
const PLEDGE = `json_object('id', p.id, 'uuid', p.uuid, 'contact', json_object('id', p.contact_id, 'name', c.name), 'what', p.what,
  'direction', p.direction, 'madeOn', p.made_on, 'by', p.by_date, 'status', p.status, 'closedOn', p.closed_on, 'nudges', p.nudges,
  'lastNudgedOn', p.last_nudged_on, 'snoozedUntil', p.snoozed_until)`;
const FROM = 'FROM promises p JOIN contacts c ON c.id = p.contact_id';
const OLDEST_FIRST = 'p.made_on, p.id';

export class Promises {
  constructor(private readonly db: Db) {}

  insert(f: PledgeFields, meta: { uuid?: string; createdAt?: string } = {}): number {
    const info = this.db
      .stmt(
        `INSERT INTO promises (uuid, contact_id, what, direction, made_on, by_date, status, closed_on, nudges,
           last_nudged_on, snoozed_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        meta.uuid ?? newUuid(),
        f.contactId,
        normalizeText(f.what).trim(),
        f.direction,
        f.madeOn,
        f.by ?? null,
        f.status ?? 'open',
        f.closedOn ?? null,
        f.nudges ?? 0,
        f.lastNudgedOn ?? null,
        f.snoozedUntil ?? null,
        meta.createdAt ?? nowStamp(),
      );
    return Number(info.lastInsertRowid);
  }

  get(id: number): Pledge | undefined {
    return this.db.jsonRows<Pledge>(PLEDGE, `${FROM} WHERE p.id = ?`, 'p.id', [id])[0];
  }

  forContact(contactId: number): Pledge[] {
    return this.db.jsonRows<Pledge>(PLEDGE, `${FROM} WHERE p.contact_id = ?`, OLDEST_FIRST, [contactId]);
  }

  /** Open promises, and those made or closed between two dates. */
  openOrBetween(from: IsoDate, to: IsoDate): Pledge[] {
    return this.db.jsonRows<Pledge>(
      PLEDGE,
      `${FROM} WHERE p.id IN (SELECT id FROM promises WHERE status = 'open' UNION SELECT id FROM promises WHERE made_on BETWEEN @from AND @to
         UNION SELECT id FROM promises WHERE closed_on BETWEEN @from AND @to)`,
      OLDEST_FIRST,
      { from, to },
    );
  }

  /** Every promise in id order, one at a time (see `Db.jsonEach`). */
  each(): Generator<Pledge> {
    return this.db.jsonEach<Pledge>(PLEDGE, FROM, 'p.id');
  }

  all(): Pledge[] {
    return this.db.jsonRows<Pledge>(PLEDGE, FROM, OLDEST_FIRST);
  }

  close(id: number, status: Exclude<PromiseStatus, 'open'>, on: IsoDate): void {
    this.db.stmt('UPDATE promises SET status = ?, closed_on = ? WHERE id = ?').run(status, on, id);
  }

  recordNudge(id: number, on: IsoDate): void {
    this.db.stmt('UPDATE promises SET nudges = nudges + 1, last_nudged_on = ? WHERE id = ?').run(on, id);
  }

  snooze(id: number, until: IsoDate | null): void {
    this.db.stmt('UPDATE promises SET snoozed_until = ? WHERE id = ?').run(until, id);
  }
}
