import { normalizeText } from '../core/names.js';
import type { Period } from '../core/report.js';
import type { Interaction, InteractionKind, IsoDate } from '../core/types.js';
import { type Db, type InsertMeta, type Row } from './db.js';

export interface InteractionFields {
  contactIds: number[];
  on: IsoDate;
  kind: InteractionKind;
  summary?: string | null;
  thanksOwed: boolean;
  thankedOn?: IsoDate | null;
  noReply?: boolean;
  snoozedUntil?: IsoDate | null;
  note?: string | null;
  /** For the thank-you owed to an introducer: the contact they introduced you to. */
  introOf?: number | null;
  /** An introduction the user made. */
  introByMe?: boolean;
  /** What a calendar or mail import knows it by (schema 15). */
  sources?: readonly string[];
}

/** A conversation an import logged, as the next import needs to know it. */
export interface ImportedConversation {
  id: number;
  on: IsoDate;
  kind: InteractionKind;
  summary: string | null;
  noReply: boolean;
  planned: boolean;
  sources: string[];
}


/**
 * The people of the interaction `x`, in order, as a JSON array of `{id, name}`: read in the
 * same query as the interaction, one index lookup each. (An ORDER BY inside an aggregate
 * needs SQLite 3.44; better-sqlite3 bundles a newer one.)
 */
export const PEOPLE_OF_X = `(SELECT json_group_array(json_object('id', c.id, 'name', c.name) ORDER BY ic.position, c.id)
  FROM interaction_contacts ic JOIN contacts c ON c.id = ic.contact_id WHERE ic.interaction_id = x.id)`;

/** The people of interaction `x` whose thank-you is snoozed on its own (a panel's), and until when. */
export const SNOOZED_PEOPLE_OF_X = `(SELECT json_group_array(json_object('id', contact_id, 'until', snoozed_until) ORDER BY position, contact_id)
  FROM interaction_contacts WHERE interaction_id = x.id AND snoozed_until IS NOT NULL)`;

/** The interaction `x` as `Interaction`, people included, shaped by SQLite (see `Db.jsonRows`). */
const INTERACTION = `json_object('id', x.id, 'uuid', x.uuid, 'contacts', json(${PEOPLE_OF_X}), 'on', x.on_date, 'kind', x.kind,
  'summary', x.summary, 'thanksOwed', json(iif(x.thanks_owed = 1, 'true', 'false')), 'thankedOn', x.thanked_on,
  'noReply', json(iif(x.no_reply = 1, 'true', 'false')), 'snoozedUntil', x.snoozed_until, 'recordedOn', x.recorded_on, 'note', x.note,
  'introOf', iif(x.intro_of IS NULL, NULL, json_object('id', x.intro_of, 'name', (SELECT name FROM contacts WHERE id = x.intro_of))),
  'introByMe', json(iif(x.intro_by_me = 1, 'true', 'false')), 'sources', json(coalesce(x.sources, '[]')),
  'thankedPeople', json((SELECT json_group_array(json_object('id', contact_id, 'on', thanked_on) ORDER BY position, contact_id)
    FROM interaction_contacts WHERE interaction_id = x.id AND thanked_on IS NOT NULL)),
  'snoozedPeople', json(${SNOOZED_PEOPLE_OF_X}))`;
const OLDEST_FIRST = 'x.on_date, x.id';

/** Meetings logged ahead whose planned flag no longer matches today (one index read). */
const UNSETTLED = `FROM interactions INDEXED BY interactions_ahead WHERE on_date > recorded_on AND planned <> (on_date > @today)`;

export class Interactions {
  constructor(private readonly db: Db) {}

  insert(f: InteractionFields, meta: InsertMeta = {}): number {
    const summary = f.summary && f.summary.trim() !== '' ? normalizeText(f.summary) : null;
    const id = this.db.insert(
      'interactions',
      {
        on_date: f.on,
        kind: f.kind,
        summary,
        thanks_owed: f.thanksOwed ? 1 : 0,
        thanked_on: f.thankedOn ?? null,
        no_reply: f.noReply ? 1 : 0,
        snoozed_until: f.snoozedUntil ?? null,
        note: f.note ?? null,
        intro_of: f.introOf ?? null,
        intro_by_me: f.introByMe ? 1 : 0,
        // A meeting ahead of today is planned: no contact yet (see `settle`).
        planned: f.on > this.db.today ? 1 : 0,
        sources: f.sources && f.sources.length > 0 ? JSON.stringify(f.sources) : null,
      },
      meta,
    );
    const link = this.db.stmt('INSERT OR IGNORE INTO interaction_contacts (interaction_id, contact_id, position) VALUES (?, ?, ?)');
    f.contactIds.forEach((cid, i) => link.run(id, cid, i));
    return id;
  }

  /** Every conversation an import logged, by each of its keys (read once per import, through a partial index). */
  imported(): Map<string, ImportedConversation> {
    const rows = this.db
      .stmt(
        `SELECT id, on_date, kind, summary, no_reply, planned, sources FROM interactions INDEXED BY interactions_sources WHERE sources IS NOT NULL`,
      )
      .all() as Row[];
    const byKey = new Map<string, ImportedConversation>();
    for (const r of rows) {
      const c: ImportedConversation = {
        id: Number(r.id),
        on: String(r.on_date),
        kind: r.kind as InteractionKind,
        summary: r.summary === null ? null : String(r.summary),
        noReply: r.no_reply === 1,
        planned: r.planned === 1,
        sources: JSON.parse(String(r.sources)) as string[],
      };
      for (const k of c.sources) byKey.set(k, c);
    }
    return byKey;
  }

  /** A conversation a newer file describes otherwise: moved, renamed, answered, or with more messages. */
  reimport(id: number, f: { on: IsoDate; kind: InteractionKind; summary: string | null; noReply: boolean; sources: readonly string[] }): void {
    const summary = f.summary && f.summary.trim() !== '' ? normalizeText(f.summary) : null;
    this.db
      .stmt('UPDATE interactions SET on_date = ?, kind = ?, summary = ?, no_reply = ?, sources = ?, planned = (? > ?) WHERE id = ?')
      .run(f.on, f.kind, summary, f.noReply ? 1 : 0, JSON.stringify(f.sources), f.on, this.db.today, id);
  }

  get(id: number): Interaction | undefined {
    return this.db.jsonRows<Interaction>(INTERACTION, 'FROM interactions x WHERE x.id = ?', 'x.id', [id])[0];
  }

  /** Every interaction the contact was part of, oldest first. */
  forContact(contactId: number): Interaction[] {
    return this.db.jsonRows<Interaction>(
      INTERACTION,
      'FROM interaction_contacts me JOIN interactions x ON x.id = me.interaction_id WHERE me.contact_id = ?',
      OLDEST_FIRST,
      [contactId],
    );
  }

  /** The conversations of a report's period. */
  inPeriod(p: Period): Interaction[] {
    return this.db.jsonRows<Interaction>(INTERACTION, 'FROM interactions x WHERE x.on_date BETWEEN ? AND ?', OLDEST_FIRST, [p.from, p.to]);
  }

  /**
   * Interactions whose thank-you was owed at the end of `day`, as the journal knew them then
   * (on a day up to it, recorded by then, thanked after it or not yet).
   */
  thanksOwedOn(day: IsoDate): Interaction[] {
    return this.db.jsonRows<Interaction>(
      INTERACTION,
      `FROM interactions x WHERE x.id IN (SELECT id FROM interactions INDEXED BY interactions_thanks_open WHERE thanks_owed = 1 AND thanked_on IS NULL
         UNION SELECT id FROM interactions WHERE @day < @today AND thanks_owed = 1 AND thanked_on > @day) AND x.on_date <= @day AND x.recorded_on <= @day`,
      'x.id',
      // Nothing is thanked after today: for today, no interaction is read beyond those owed now.
      { day, today: this.db.today },
    );
  }

  /** Meetings planned by the end of `day` for that day or later (logged ahead of their day), through their own index. */
  plannedOn(day: IsoDate): Array<Interaction & { recordedOn: IsoDate }> {
    return this.db.jsonRows<Interaction & { recordedOn: IsoDate }>(
      INTERACTION,
      'FROM interactions x INDEXED BY interactions_ahead WHERE x.on_date > x.recorded_on AND x.on_date >= @day AND x.recorded_on <= @day',
      OLDEST_FIRST,
      { day },
    );
  }

  /** Ids of interactions with this contact, up to a date, whose thank-you is still owed. */
  openThankIds(contactId: number, upTo: IsoDate): number[] {
    return (
      this.db
        .stmt(
          `SELECT x.id FROM interaction_contacts ic JOIN interactions x ON x.id = ic.interaction_id
           WHERE ic.contact_id = ? AND x.thanks_owed = 1 AND x.thanked_on IS NULL AND ic.thanked_on IS NULL AND x.on_date <= ? ORDER BY x.on_date, x.id`,
        )
        .all(contactId, upTo) as Row[]
    ).map((r) => Number(r.id));
  }

  /**
   * The thank-you to `contactId` for each of `ids` is sent: the whole interaction's, except
   * for a panel interview, where each interviewer is thanked on their own and the
   * interaction counts as thanked once the last of them is.
   */
  thank(contactId: number, ids: readonly number[], on: IsoDate): void {
    for (const id of ids) {
      if (this.isPanel(id)) {
        this.markPersonThanked(id, [contactId], on);
        const left = this.db.stmt('SELECT count(*) FROM interaction_contacts WHERE interaction_id = ? AND thanked_on IS NULL').pluck().get(id) as number;
        if (left === 0) this.markThanked([id], on);
      } else {
        this.markThanked([id], on);
      }
    }
  }

  /** An interview with several people: a thank-you is owed to each of them. */
  isPanel(id: number): boolean {
    return (
      this.db.stmt(`SELECT kind = 'interview' AND (SELECT count(*) FROM interaction_contacts WHERE interaction_id = x.id) > 1 FROM interactions x WHERE id = ?`).pluck().get(id) === 1
    );
  }

  /** Keeps a note on the interaction (`net done i<id> "<note>"`). */
  setNote(id: number, note: string | null | undefined): void {
    if (note === null || note === undefined || note.trim() === '') return;
    this.db.stmt(`UPDATE interactions SET note = iif(note IS NULL, @note, note || '; ' || @note) WHERE id = @id`).run({ note: normalizeText(note).trim(), id });
  }

  markThanked(ids: readonly number[], on: IsoDate): void {
    const s = this.db.stmt('UPDATE interactions SET thanked_on = ? WHERE id = ? AND thanked_on IS NULL');
    for (const id of ids) s.run(on, id);
  }

  /** Records the thank-you sent to each of `contactIds` for interaction `id` (a panel is thanked person by person). */
  markPersonThanked(id: number, contactIds: readonly number[], on: IsoDate): void {
    const s = this.db.stmt('UPDATE interaction_contacts SET thanked_on = ? WHERE interaction_id = ? AND contact_id = ? AND thanked_on IS NULL');
    for (const cid of contactIds) s.run(on, id, cid);
  }

  /**
   * A meeting logged ahead of its day is planned until that day comes: no contact yet (the
   * activity triggers leave it out). Brings every such meeting in line with `today`, in both
   * directions (NET_TODAY can go back). Returns the meetings whose day has come, oldest
   * first: they are conversations from now on (see `Journal.asOf`). Reads one index first,
   * so the common case writes nothing.
   */
  settle(today: IsoDate): number[] {
    if (!this.unsettled(today)) return [];
    const rows = this.db
      .stmt(`UPDATE interactions SET planned = (on_date > @today) WHERE id IN (SELECT id ${UNSETTLED}) RETURNING id, on_date, planned`)
      .all({ today }) as Row[];
    return rows
      .filter((r) => r.planned === 0)
      .sort((a, b) => String(a.on_date).localeCompare(String(b.on_date)) || Number(a.id) - Number(b.id))
      .map((r) => Number(r.id));
  }

  /** After an edit of its day: a meeting moved ahead of today is planned, one moved to a day that has come is a conversation. */
  replan(id: number, today: IsoDate): void {
    this.db.stmt('UPDATE interactions SET planned = (on_date > @today) WHERE id = @id').run({ id, today });
  }

  /** True when a planned meeting's day has come (or NET_TODAY went back before it): `settle` has work. */
  unsettled(today: IsoDate): boolean {
    return this.db.stmt(`SELECT count(*) ${UNSETTLED}`).pluck().get({ today }) !== 0;
  }

  /** Marks a logged message unanswered (or answered): the respect rule counts it (schema 4's activity triggers). */
  setNoReply(id: number, noReply: boolean): void {
    this.db.stmt('UPDATE interactions SET no_reply = ? WHERE id = ?').run(noReply ? 1 : 0, id);
  }

  /** Snoozes the thank-you of everyone on it: a snooze one of them had on their own gives way to it. */
  snooze(id: number, until: IsoDate | null): void {
    this.db.stmt('UPDATE interactions SET snoozed_until = ? WHERE id = ?').run(until, id);
    this.db.stmt('UPDATE interaction_contacts SET snoozed_until = NULL WHERE interaction_id = ? AND snoozed_until IS NOT NULL').run(id);
  }

  /** Snoozes the thank-you to one person of a panel interview (`net snooze i<id>c<contact id>`), theirs alone. */
  snoozePerson(id: number, contactId: number, until: IsoDate | null): void {
    this.db.stmt('UPDATE interaction_contacts SET snoozed_until = ? WHERE interaction_id = ? AND contact_id = ?').run(until, id, contactId);
  }

  /** Every interaction in id order, one at a time (see `Db.jsonEach`). */
  each(): Generator<Interaction> {
    return this.db.jsonEach<Interaction>(INTERACTION, 'FROM interactions x', 'x.id');
  }

  all(): Interaction[] {
    return this.db.jsonRows<Interaction>(INTERACTION, 'FROM interactions x', OLDEST_FIRST);
  }
}
