import { normalizeText } from '../core/names.js';
import type { Period } from '../core/report.js';
import type { Direction, IsoDate, Pledge, PromiseStatus } from '../core/types.js';
import { clean, type Db, type InsertMeta, type Row } from './db.js';

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
  note?: string | null;
  thanksOwed?: boolean;
  thankedOn?: IsoDate | null;
}

/** A promise `p` as `Pledge`, shaped by SQLite (see `Db.jsonRows`). */
const PLEDGE = `json_object('id', p.id, 'uuid', p.uuid, 'contact', json_object('id', p.contact_id, 'name', c.name), 'what', p.what,
  'direction', p.direction, 'madeOn', p.made_on, 'by', p.by_date, 'status', p.status, 'closedOn', p.closed_on, 'nudges', p.nudges,
  'lastNudgedOn', p.last_nudged_on, 'snoozedUntil', p.snoozed_until, 'recordedOn', p.recorded_on, 'note', p.note,
  'thanksOwed', json(iif(p.thanks_owed = 1, 'true', 'false')), 'thankedOn', p.thanked_on)`;
const FROM = 'FROM promises p JOIN contacts c ON c.id = p.contact_id';
const OLDEST_FIRST = 'p.made_on, p.id';

export class Promises {
  constructor(private readonly db: Db) {}

  insert(f: PledgeFields, meta: InsertMeta = {}): number {
    return this.db.insert(
      'promises',
      {
        contact_id: f.contactId,
        what: normalizeText(f.what).trim(),
        direction: f.direction,
        made_on: f.madeOn,
        by_date: f.by ?? null,
        status: f.status ?? 'open',
        closed_on: f.closedOn ?? null,
        nudges: f.nudges ?? 0,
        last_nudged_on: f.lastNudgedOn ?? null,
        snoozed_until: f.snoozedUntil ?? null,
        note: f.note ?? null,
        thanks_owed: f.thanksOwed ? 1 : 0,
        thanked_on: f.thankedOn ?? null,
      },
      meta,
    );
  }

  get(id: number): Pledge | undefined {
    return this.db.jsonRows<Pledge>(PLEDGE, `${FROM} WHERE p.id = ?`, 'p.id', [id])[0];
  }

  forContact(contactId: number): Pledge[] {
    return this.db.jsonRows<Pledge>(PLEDGE, `${FROM} WHERE p.contact_id = ?`, OLDEST_FIRST, [contactId]);
  }

  /**
   * A report period's promises: open at its end (made by then, closed after or not at all), and those made or closed in it.
   * The few closed after a day are read from their index (`INDEXED BY`): left to itself, SQLite scans every promise
   * for the id order that the UNION merges in (so does `owedOn`).
   */
  inPeriod(p: Period): Pledge[] {
    return this.db.jsonRows<Pledge>(
      PLEDGE,
      `${FROM} WHERE p.made_on <= @to AND p.id IN (SELECT id FROM promises WHERE status = 'open' UNION SELECT id FROM promises INDEXED BY promises_closed WHERE closed_on > @to
         UNION SELECT id FROM promises WHERE made_on BETWEEN @from AND @to UNION SELECT id FROM promises WHERE closed_on BETWEEN @from AND @to)`,
      OLDEST_FIRST,
      { from: p.from, to: p.to },
    );
  }

  /**
   * Promises the due rules could find owed at the end of `day`, as the journal knew them then
   * (made and recorded by then): open then, or their kept promise's thank-you still owed.
   */
  owedOn(day: IsoDate): Pledge[] {
    const pledges = this.db.jsonRows<Pledge>(
      PLEDGE,
      `${FROM} WHERE p.made_on <= @day AND p.recorded_on <= @day
         AND p.id IN (SELECT id FROM promises WHERE status = 'open' UNION SELECT id FROM promises INDEXED BY promises_closed WHERE closed_on > @day
           UNION SELECT id FROM promises INDEXED BY promises_thanks_open WHERE thanks_owed = 1 AND thanked_on IS NULL
           UNION SELECT id FROM promises WHERE @day < @today AND thanks_owed = 1 AND thanked_on > @day)`,
      'p.id',
      // Nothing is thanked after today: for today, only the indexes of what is open now are read.
      { day, today: this.db.today },
    );
    return pledges.map((p) => (p.lastNudgedOn != null && p.lastNudgedOn > day ? { ...p, ...this.nudgesOn(p.uuid, day) } : p));
  }

  /**
   * How often a promise had been nudged by the end of `day`, from the change history: the
   * values just before the first nudge recorded for a later day. A nudge from before the
   * journal kept a history is not found there; core/report.ts's `pledgeAsOf` then counts
   * one nudge fewer, from the promise's date.
   */
  private nudgesOn(uuid: string, day: IsoDate): Pick<Pledge, 'nudges' | 'lastNudgedOn'> | Record<string, never> {
    const r = this.db
      .stmt(
        `SELECT c.old AS last, (SELECT n.old FROM history_changes n WHERE n.command_id = c.command_id AND n.record = c.record AND n.field = 'nudges') AS nudges
         FROM history_changes c WHERE c.record = ? AND c.tbl = 'promises' AND c.field = 'last_nudged_on' AND c.new > ? ORDER BY c.id LIMIT 1`,
      )
      .get(uuid, day) as { last: string | null; nudges: number | null } | undefined;
    return r === undefined || r.nudges === null ? {} : { nudges: Number(r.nudges), lastNudgedOn: r.last };
  }

  /** Every promise in id order, one at a time (see `Db.jsonEach`). */
  each(): Generator<Pledge> {
    return this.db.jsonEach<Pledge>(PLEDGE, FROM, 'p.id');
  }

  all(): Pledge[] {
    return this.db.jsonRows<Pledge>(PLEDGE, FROM, OLDEST_FIRST);
  }

  /** Closes a promise; their promise kept owes them a thank-you. `note` is kept on it. */
  close(id: number, status: Exclude<PromiseStatus, 'open'>, on: IsoDate, note: string | null = null): void {
    this.db
      .stmt(
        `UPDATE promises SET status = @status, closed_on = @on, note = coalesce(@note, note),
           thanks_owed = (@status = 'kept' AND direction = 'theirs') WHERE id = @id`,
      )
      .run({ id, status, on, note: clean(note) });
  }

  /** Keeps a note on the promise (`net done p<id> "<note>"`). */
  setNote(id: number, note: string | null): void {
    if (note === null || note.trim() === '') return;
    this.db.stmt(`UPDATE promises SET note = iif(note IS NULL, @note, note || '; ' || @note) WHERE id = @id`).run({ note: normalizeText(note).trim(), id });
  }

  /** Ids of this contact's kept promises whose thank-you is owed, kept up to `upTo`. */
  openThankIds(contactId: number, upTo: IsoDate): number[] {
    return (
      this.db
        .stmt(`SELECT id FROM promises WHERE contact_id = ? AND thanks_owed = 1 AND thanked_on IS NULL AND closed_on <= ? ORDER BY id`)
        .all(contactId, upTo) as Row[]
    ).map((r) => Number(r.id));
  }

  markThanked(ids: readonly number[], on: IsoDate): void {
    const s = this.db.stmt('UPDATE promises SET thanked_on = ? WHERE id = ? AND thanked_on IS NULL');
    for (const id of ids) s.run(on, id);
  }

  recordNudge(id: number, on: IsoDate): void {
    this.db.stmt('UPDATE promises SET nudges = nudges + 1, last_nudged_on = ? WHERE id = ?').run(on, id);
  }

  snooze(id: number, until: IsoDate | null): void {
    this.db.stmt('UPDATE promises SET snoozed_until = ? WHERE id = ?').run(until, id);
  }
}
