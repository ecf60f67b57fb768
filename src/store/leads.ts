import type { Period } from '../core/report.js';
import type { IsoDate, Lead, LeadStatus } from '../core/types.js';
import { clean, type Db, type InsertMeta, type Row } from './db.js';

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
  note?: string | null;
  news?: string | null;
  newsOn?: IsoDate | null;
}

/** A lead `l` as `Lead`, shaped by SQLite (see `Db.jsonRows`). */
const LEAD = `json_object('id', l.id, 'uuid', l.uuid, 'source', json_object('id', l.source_id, 'name', s.name), 'what', l.what,
  'person', iif(l.person_id IS NULL, NULL, json_object('id', l.person_id, 'name', p.name)), 'company', l.company, 'job', l.job,
  'givenOn', l.given_on, 'status', l.status, 'followedOn', l.followed_on, 'reportedOn', l.reported_on, 'outcome', l.outcome,
  'snoozedUntil', l.snoozed_until, 'recordedOn', l.recorded_on, 'note', l.note, 'news', l.news, 'newsOn', l.news_on)`;
const FROM = 'FROM leads l JOIN contacts s ON s.id = l.source_id LEFT JOIN contacts p ON p.id = l.person_id';
const OLDEST_FIRST = 'l.given_on, l.id';

export class Leads {
  constructor(private readonly db: Db) {}

  insert(f: LeadFields, meta: InsertMeta = {}): number {
    return this.db.insert(
      'leads',
      {
        source_id: f.sourceId,
        what: clean(f.what) ?? '',
        person_id: f.personId ?? null,
        company: clean(f.company),
        job: clean(f.job),
        given_on: f.givenOn,
        status: f.status ?? 'open',
        followed_on: f.followedOn ?? null,
        reported_on: f.reportedOn ?? null,
        outcome: clean(f.outcome),
        snoozed_until: f.snoozedUntil ?? null,
        note: clean(f.note),
        news: clean(f.news),
        news_on: f.newsOn ?? null,
      },
      meta,
    );
  }

  get(id: number): Lead | undefined {
    return this.db.jsonRows<Lead>(LEAD, `${FROM} WHERE l.id = ?`, 'l.id', [id])[0];
  }

  /** Leads this contact gave. */
  bySource(contactId: number): Lead[] {
    return this.db.jsonRows<Lead>(LEAD, `${FROM} WHERE l.source_id = ?`, OLDEST_FIRST, [contactId]);
  }

  /** Leads that point at this contact as the person to talk to. */
  byPerson(contactId: number): Lead[] {
    return this.db.jsonRows<Lead>(LEAD, `${FROM} WHERE l.person_id = ?`, OLDEST_FIRST, [contactId]);
  }

  /** Leads given, followed, reported or with news in a report's period. */
  inPeriod(p: Period): Lead[] {
    return this.db.jsonRows<Lead>(
      LEAD,
      `${FROM} WHERE l.id IN (SELECT id FROM leads WHERE given_on BETWEEN @from AND @to UNION SELECT id FROM leads WHERE followed_on BETWEEN @from AND @to
         UNION SELECT id FROM leads WHERE reported_on BETWEEN @from AND @to UNION SELECT id FROM leads WHERE news_on BETWEEN @from AND @to)`,
      OLDEST_FIRST,
      { from: p.from, to: p.to },
    );
  }

  /**
   * Leads open or followed at the end of `day` as the journal knew them then (given and
   * recorded by then): open or followed now, or followed, reported or given news after it.
   * Those moved after the day are few, and read from their dates' indexes (`INDEXED BY`):
   * left to itself, SQLite scans every lead for the id order that the UNION merges in.
   */
  activeOn(day: IsoDate): Lead[] {
    return this.db.jsonRows<Lead>(
      LEAD,
      `${FROM} WHERE l.given_on <= @day AND l.recorded_on <= @day
         AND l.id IN (SELECT id FROM leads WHERE status IN ('open','followed') UNION SELECT id FROM leads INDEXED BY leads_followed WHERE followed_on > @day
           UNION SELECT id FROM leads INDEXED BY leads_reported WHERE reported_on > @day
           UNION SELECT id FROM leads INDEXED BY leads_news WHERE @day < @today AND news_on > @day)`,
      'l.id',
      // No news is dated after today: for today, only indexes are read.
      { day, today: this.db.today },
    );
  }

  /** Every lead in id order, one at a time (see `Db.jsonEach`). */
  each(): Generator<Lead> {
    return this.db.jsonEach<Lead>(LEAD, FROM, 'l.id');
  }

  all(): Lead[] {
    return this.db.jsonRows<Lead>(LEAD, FROM, OLDEST_FIRST);
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

  /**
   * The one rule of following (every path that records or moves a conversation calls it,
   * `Journal.asOf` too when a planned meeting's day comes): a conversation with a lead's
   * person follows each of their open leads given by its day, dated that day. Only once it
   * has happened (a planned meeting follows nothing until its day) and got an answer (an
   * unanswered message has followed nothing yet). Returns the leads it followed.
   */
  followedBy(interactionId: number): number[] {
    const rows = this.toFollow(interactionId, false);
    for (const r of rows) this.setStatus(Number(r.id), 'followed', String(r.on_date));
    return rows.map((r) => Number(r.id));
  }

  /** The open leads a planned meeting will follow on its day, by the rule of `followedBy`, if it still happens then. */
  followedWhenItComes(interactionId: number): number[] {
    return this.toFollow(interactionId, true).map((r) => Number(r.id));
  }

  private toFollow(interactionId: number, ahead: boolean): Row[] {
    return this.db
      .stmt(
        `SELECT l.id, x.on_date FROM interactions x JOIN interaction_contacts ic ON ic.interaction_id = x.id JOIN leads l ON l.person_id = ic.contact_id
         WHERE x.id = @id AND x.planned = @ahead AND x.no_reply = 0 AND l.status = 'open' AND l.given_on <= x.on_date ORDER BY ic.position, l.id`,
      )
      .all({ id: interactionId, ahead: ahead ? 1 : 0 }) as Row[];
  }

  /** A later development: kept as the lead's latest news, and the lead owes its giver a report-back again. */
  recordNews(id: number, news: string, on: IsoDate): void {
    this.db.stmt(`UPDATE leads SET news = ?, news_on = ?, status = 'followed' WHERE id = ?`).run(clean(news), on, id);
  }

  /** Keeps a note on the lead (`net done l<id> "<note>"`). */
  setNote(id: number, note: string | null | undefined): void {
    const text = clean(note);
    if (text !== null) this.db.stmt(`UPDATE leads SET note = iif(note IS NULL, @note, note || '; ' || @note) WHERE id = @id`).run({ note: text, id });
  }

  snooze(id: number, until: IsoDate | null): void {
    this.db.stmt('UPDATE leads SET snoozed_until = ? WHERE id = ?').run(until, id);
  }
}
