import { normalizeText } from '../core/names.js';
import type { Direction, IsoDate, Pledge, PromiseStatus } from '../core/types.js';
import { type Db, newUuid, nowStamp, type Row, str } from './db.js';

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

const SELECT = 'SELECT p.*, c.name AS contact_name FROM promises p JOIN contacts c ON c.id = p.contact_id';

function toPledge(r: Row): Pledge {
  return {
    id: Number(r.id),
    uuid: String(r.uuid),
    contact: { id: Number(r.contact_id), name: String(r.contact_name) },
    what: String(r.what),
    direction: String(r.direction) as Direction,
    madeOn: String(r.made_on),
    by: str(r.by_date),
    status: String(r.status) as PromiseStatus,
    closedOn: str(r.closed_on),
    nudges: Number(r.nudges),
    lastNudgedOn: str(r.last_nudged_on),
    snoozedUntil: str(r.snoozed_until),
  };
}

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
    const r = this.db.stmt(`${SELECT} WHERE p.id = ?`).get(id) as Row | undefined;
    return r ? toPledge(r) : undefined;
  }

  forContact(contactId: number): Pledge[] {
    return (this.db.stmt(`${SELECT} WHERE p.contact_id = ? ORDER BY p.made_on, p.id`).all(contactId) as Row[]).map(toPledge);
  }

  /** Open promises, and those made or closed between two dates. */
  openOrBetween(from: IsoDate, to: IsoDate): Pledge[] {
    return (
      this.db
        .stmt(
          `${SELECT} WHERE p.id IN (SELECT id FROM promises WHERE status = 'open' UNION SELECT id FROM promises WHERE made_on BETWEEN @from AND @to
             UNION SELECT id FROM promises WHERE closed_on BETWEEN @from AND @to) ORDER BY p.made_on, p.id`,
        )
        .all({ from, to }) as Row[]
    ).map(toPledge);
  }

  all(): Pledge[] {
    return (this.db.stmt(`${SELECT} ORDER BY p.made_on, p.id`).all() as Row[]).map(toPledge);
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
