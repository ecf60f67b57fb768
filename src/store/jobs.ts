import type { IsoDate, Job, JobStage } from '../core/types.js';
import { clean, type Db, type InsertMeta } from './db.js';

export interface JobFields {
  title: string;
  company: string;
  url?: string | null;
  viaId?: number | null;
  leadId?: number | null;
  stage: JobStage;
  /** The day it entered its stage; default `startedOn`. */
  stageOn?: IsoDate;
  startedOn: IsoDate;
  askedOn?: IsoDate | null;
  landedOn?: IsoDate | null;
  note?: string | null;
  snoozedUntil?: IsoDate | null;
}

/** One person of an application, as stored. */
export interface JobPersonFields {
  contactId: number;
  met?: boolean;
  helped?: string | null;
  toldOn?: IsoDate | null;
  snoozedUntil?: IsoDate | null;
}

/** The people of the application `j`, in the order they were linked. */
const PEOPLE_OF_J = `(SELECT json_group_array(json_object('contact', json_object('id', c.id, 'name', c.name),
    'met', json(iif(jc.met = 1, 'true', 'false')), 'helped', jc.helped, 'toldOn', jc.told_on,
    'snoozedUntil', jc.snoozed_until) ORDER BY jc.position, c.id)
  FROM job_contacts jc JOIN contacts c ON c.id = jc.contact_id WHERE jc.job_id = j.id)`;

/** An application `j` as `Job`, shaped by SQLite (see `Db.jsonRows`). */
const JOB = `json_object('id', j.id, 'uuid', j.uuid, 'title', j.title, 'company', j.company, 'url', j.url,
  'via', iif(j.via_id IS NULL, NULL, json_object('id', j.via_id, 'name', v.name)),
  'lead', iif(j.lead_id IS NULL, NULL, json_object('id', l.id, 'uuid', l.uuid, 'what', l.what, 'source', json_object('id', l.source_id, 'name', s.name))),
  'stage', j.stage, 'stageOn', j.stage_on, 'startedOn', j.started_on, 'askedOn', j.asked_on, 'landedOn', j.landed_on, 'note', j.note,
  'snoozedUntil', j.snoozed_until, 'recordedOn', j.recorded_on, 'people', json(${PEOPLE_OF_J}))`;
const FROM = `FROM jobs j LEFT JOIN contacts v ON v.id = j.via_id LEFT JOIN leads l ON l.id = j.lead_id LEFT JOIN contacts s ON s.id = l.source_id`;
/** By stage in order, then the longest in its stage first. */
const BY_STAGE = `CASE j.stage WHEN 'interested' THEN 0 WHEN 'applied' THEN 1 WHEN 'screen' THEN 2 WHEN 'interview' THEN 3 WHEN 'offer' THEN 4
  WHEN 'accepted' THEN 5 WHEN 'rejected' THEN 6 ELSE 7 END, j.stage_on, j.id`;
const OPEN = `j.stage IN ('interested','applied','screen','interview','offer')`;

/** Applications (`j<id>`): the job search itself. */
export class Jobs {
  constructor(private readonly db: Db) {}

  insert(f: JobFields, meta: InsertMeta = {}): number {
    return this.db.insert(
      'jobs',
      {
        title: clean(f.title) ?? '',
        company: clean(f.company) ?? '',
        url: clean(f.url),
        via_id: f.viaId ?? null,
        lead_id: f.leadId ?? null,
        stage: f.stage,
        stage_on: f.stageOn ?? f.startedOn,
        started_on: f.startedOn,
        asked_on: f.askedOn ?? null,
        landed_on: f.landedOn ?? null,
        note: clean(f.note),
        snoozed_until: f.snoozedUntil ?? null,
      },
      meta,
    );
  }

  get(id: number): Job | undefined {
    return this.db.jsonRows<Job>(JOB, `${FROM} WHERE j.id = ?`, 'j.id', [id])[0];
  }

  /** Applications under way, by stage; with `all`, the ended ones too. */
  list(all: boolean): Job[] {
    return this.db.jsonRows<Job>(JOB, all ? FROM : `${FROM} WHERE ${OPEN}`, BY_STAGE);
  }

  /** Every application in id order, one at a time (for a streamed export). */
  each(): Generator<Job> {
    return this.db.jsonEach<Job>(JOB, FROM, 'j.id');
  }

  all(): Job[] {
    return this.db.jsonRows<Job>(JOB, FROM, 'j.id');
  }

  /** Applications a contact is part of: referred, gave the lead of, met for, or helped. */
  forContact(contactId: number): Job[] {
    return this.db.jsonRows<Job>(
      JOB,
      `${FROM} WHERE j.via_id = @cid OR l.source_id = @cid OR j.id IN (SELECT job_id FROM job_contacts WHERE contact_id = @cid)`,
      BY_STAGE,
      { cid: contactId },
    );
  }

  /**
   * What the due rules read: applications in a stage that can owe something (asking about
   * it, telling the referrer of an offer or a rejection) and the one landed with, of
   * everyone or of one contact. `lastTalked` is each person's latest conversation since
   * the day it was landed (up to today), logged after the landing: any conversation tells them.
   */
  owing(today: IsoDate, contactId?: number): Array<Job & { talked: Record<string, IsoDate> }> {
    const talked = `(SELECT json_group_object(jc.contact_id, (SELECT max(x.on_date) FROM interaction_contacts ic JOIN interactions x ON x.id = ic.interaction_id
        WHERE ic.contact_id = jc.contact_id AND x.planned = 0 AND x.on_date >= j.landed_on AND x.on_date <= @today
          AND x.id > coalesce(j.landed_after, 0)))
      FROM job_contacts jc WHERE jc.job_id = j.id AND jc.helped IS NOT NULL)`;
    const rows = this.db.jsonRows<Job & { talked: Record<string, IsoDate | null> }>(
      `json_insert(${JOB}, '$.talked', json(coalesce(${talked}, '{}')))`,
      `${FROM} WHERE (j.stage IN ('applied','screen','interview','offer','rejected') OR j.landed_on IS NOT NULL)
         AND (@cid IS NULL OR j.via_id = @cid OR l.source_id = @cid OR j.id IN (SELECT job_id FROM job_contacts WHERE contact_id = @cid))`,
      'j.id',
      { today, cid: contactId ?? null },
    );
    return rows.map((r) => ({ ...r, talked: Object.fromEntries(Object.entries(r.talked).filter((e): e is [string, IsoDate] => e[1] !== null)) }));
  }

  /** The day of the journal's first record: where a search began unless told otherwise. */
  firstDay(): IsoDate | null {
    return this.db
      .stmt(
        `SELECT min(d) FROM (SELECT min(coalesce(met_on, recorded_on, substr(created_at, 1, 10))) AS d FROM contacts
           UNION ALL SELECT min(on_date) FROM interactions WHERE planned = 0 UNION ALL SELECT min(given_on) FROM leads
           UNION ALL SELECT min(made_on) FROM promises UNION ALL SELECT min(noted_on) FROM needs UNION ALL SELECT min(started_on) FROM jobs)`,
      )
      .pluck()
      .get() as IsoDate | null;
  }

  /**
   * Moves an application to `stage` on `on`; the clock of "no change for 10 days" starts again,
   * and what it owes from now on is new: no snooze, its own or one person's, carries over.
   */
  setStage(id: number, stage: JobStage, on: IsoDate, note?: string | null): void {
    this.db.stmt('UPDATE jobs SET stage = ?, stage_on = ?, snoozed_until = NULL WHERE id = ?').run(stage, on, id);
    this.clearPersonSnoozes(id);
    this.setNote(id, note);
  }

  /** Keeps a note on the application, after any it had. */
  setNote(id: number, note: string | null | undefined): void {
    const text = clean(note);
    if (text !== null) this.db.stmt(`UPDATE jobs SET note = iif(note IS NULL, @note, note || '; ' || @note) WHERE id = @id`).run({ note: text, id });
  }

  /** You asked about it (`net done j<id>`): the next ask falls due ten days on. */
  asked(id: number, on: IsoDate): void {
    this.db.stmt('UPDATE jobs SET asked_on = ?, snoozed_until = NULL WHERE id = ?').run(on, id);
  }

  /** Landed on `on`: conversations logged from now on tell the helpers (see migration 17). */
  setLanded(id: number, on: IsoDate): void {
    this.db.stmt('UPDATE jobs SET landed_on = ?, landed_after = (SELECT coalesce(max(id), 0) FROM interactions) WHERE id = ?').run(on, id);
  }

  /** Snoozes everything it owes, to everyone: a snooze one person had on their own gives way to it. */
  snooze(id: number, until: IsoDate | null): void {
    this.db.stmt('UPDATE jobs SET snoozed_until = ? WHERE id = ?').run(until, id);
    this.clearPersonSnoozes(id);
  }

  /** Snoozes what it owes one person (`net snooze j<id>c<contact id>`), theirs alone. */
  snoozePerson(id: number, contactId: number, until: IsoDate): void {
    this.link(id, [{ contactId, snoozedUntil: until }]);
  }

  private clearPersonSnoozes(id: number): void {
    this.db.stmt('UPDATE job_contacts SET snoozed_until = NULL WHERE job_id = ? AND snoozed_until IS NOT NULL').run(id);
  }

  /** Links people to an application (kept in the order given), marking what they are to it. */
  link(id: number, people: readonly JobPersonFields[]): void {
    const next = this.db.stmt('SELECT coalesce(max(position) + 1, 0) FROM job_contacts WHERE job_id = ?').pluck();
    const upsert = this.db.stmt(
      `INSERT INTO job_contacts (job_id, contact_id, met, helped, told_on, snoozed_until, position) VALUES (@id, @cid, @met, @helped, @told, @snoozed, @pos)
       ON CONFLICT (job_id, contact_id) DO UPDATE SET met = max(met, excluded.met), helped = coalesce(excluded.helped, helped),
         told_on = coalesce(excluded.told_on, told_on), snoozed_until = coalesce(excluded.snoozed_until, snoozed_until)
       WHERE excluded.met > met OR excluded.helped IS NOT helped AND excluded.helped IS NOT NULL OR excluded.told_on IS NOT told_on AND excluded.told_on IS NOT NULL
         OR excluded.snoozed_until IS NOT snoozed_until AND excluded.snoozed_until IS NOT NULL`,
    );
    for (const p of people) {
      upsert.run({ id, cid: p.contactId, met: p.met ? 1 : 0, helped: clean(p.helped), told: p.toldOn ?? null, snoozed: p.snoozedUntil ?? null, pos: next.get(id) as number });
    }
  }

  /** You told them how it went (`net done j<id>c<contact id>`). */
  told(id: number, contactId: number, on: IsoDate): void {
    this.link(id, [{ contactId, toldOn: on }]);
  }
}
