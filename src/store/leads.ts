import { normalizeText } from '../core/names.js';
import type { IsoDate, Lead, LeadStatus } from '../core/types.js';
import { type Db, newUuid, nowStamp, type Row, str } from './db.js';

export interface LeadFields {
  sourceId: number;
  what: string;
  personId?: number | null;
  company?: string | null;
  job?: string | null;
  givenOn: IsoDate;
  status?: LeadStatus;
  followedOn?: IsoDate | null;
  reportedOn?: IsoDate | null;
  outcome?: string | null;
  snoozedUntil?: IsoDate | null;
}

const SELECT = `
  SELECT l.*, s.name AS source_name, p.name AS person_name
  FROM leads l JOIN contacts s ON s.id = l.source_id LEFT JOIN contacts p ON p.id = l.person_id`;

function clean(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  return normalizeText(v).trim() || null;
}

function toLead(r: Row): Lead {
  return {
    id: Number(r.id),
    uuid: String(r.uuid),
    source: { id: Number(r.source_id), name: String(r.source_name) },
    what: String(r.what),
    person: r.person_id === null ? null : { id: Number(r.person_id), name: String(r.person_name) },
    company: str(r.company),
    job: str(r.job),
    givenOn: String(r.given_on),
    status: String(r.status) as LeadStatus,
    followedOn: str(r.followed_on),
    reportedOn: str(r.reported_on),
    outcome: str(r.outcome),
    snoozedUntil: str(r.snoozed_until),
  };
}

export class Leads {
  constructor(private readonly db: Db) {}

  insert(f: LeadFields, meta: { uuid?: string; createdAt?: string } = {}): number {
    const info = this.db
      .stmt(
        `INSERT INTO leads (uuid, source_id, what, person_id, company, job, given_on, status, followed_on, reported_on,
           outcome, snoozed_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        meta.uuid ?? newUuid(),
        f.sourceId,
        clean(f.what) ?? '',
        f.personId ?? null,
        clean(f.company),
        clean(f.job),
        f.givenOn,
        f.status ?? 'open',
        f.followedOn ?? null,
        f.reportedOn ?? null,
        clean(f.outcome),
        f.snoozedUntil ?? null,
        meta.createdAt ?? nowStamp(),
      );
    return Number(info.lastInsertRowid);
  }

  get(id: number): Lead | undefined {
    const r = this.db.stmt(`${SELECT} WHERE l.id = ?`).get(id) as Row | undefined;
    return r ? toLead(r) : undefined;
  }

  /** Leads this contact gave. */
  bySource(contactId: number): Lead[] {
    return (this.db.stmt(`${SELECT} WHERE l.source_id = ? ORDER BY l.given_on, l.id`).all(contactId) as Row[]).map(toLead);
  }

  /** Leads that point at this contact as the person to talk to. */
  byPerson(contactId: number): Lead[] {
    return (this.db.stmt(`${SELECT} WHERE l.person_id = ? ORDER BY l.given_on, l.id`).all(contactId) as Row[]).map(toLead);
  }

  /** Leads given, followed or reported between two dates, both included. */
  inPeriod(from: IsoDate, to: IsoDate): Lead[] {
    return (
      this.db
        .stmt(
          `${SELECT} WHERE l.id IN (SELECT id FROM leads WHERE given_on BETWEEN @from AND @to UNION SELECT id FROM leads WHERE followed_on BETWEEN @from AND @to
             UNION SELECT id FROM leads WHERE reported_on BETWEEN @from AND @to) ORDER BY l.given_on, l.id`,
        )
        .all({ from, to }) as Row[]
    ).map(toLead);
  }

  all(): Lead[] {
    return (this.db.stmt(`${SELECT} ORDER BY l.given_on, l.id`).all() as Row[]).map(toLead);
  }

  /** Moves a lead to `status`, stamping the date of that step (and of `followed` when it was skipped). */
  setStatus(id: number, status: LeadStatus, on: IsoDate, outcome?: string | null): void {
    this.db
      .stmt(
        `UPDATE leads SET status = @status,
           followed_on = CASE WHEN @status IN ('followed','reported') AND followed_on IS NULL THEN @on ELSE followed_on END,
           reported_on = CASE WHEN @status = 'reported' THEN @on ELSE reported_on END,
           outcome = coalesce(@outcome, outcome)
         WHERE id = @id`,
      )
      .run({ id, status, on, outcome: clean(outcome) });
  }

  /** Open leads whose person is among `contactIds` become followed; returns their ids. */
  followByPeople(contactIds: readonly number[], on: IsoDate): number[] {
    const followed: number[] = [];
    // A conversation before the lead was given cannot have followed it.
    const find = this.db.stmt(`SELECT id FROM leads WHERE person_id = ? AND status = 'open' AND given_on <= ? ORDER BY id`);
    for (const cid of contactIds) {
      for (const r of find.all(cid, on) as Row[]) {
        this.setStatus(Number(r.id), 'followed', on);
        followed.push(Number(r.id));
      }
    }
    return followed;
  }

  snooze(id: number, until: IsoDate | null): void {
    this.db.stmt('UPDATE leads SET snoozed_until = ? WHERE id = ?').run(until, id);
  }
}
