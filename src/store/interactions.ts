import { normalizeText } from '../core/names.js';
import type { ContactRef, Interaction, InteractionKind, IsoDate } from '../core/types.js';
import { type Db, newUuid, nowStamp, type Row } from './db.js';

export interface InteractionFields {
  contactIds: number[];
  on: IsoDate;
  kind: InteractionKind;
  summary?: string | null;
  thanksOwed: boolean;
  thankedOn?: IsoDate | null;
  noReply?: boolean;
  snoozedUntil?: IsoDate | null;
}

/**
 * The people of the interaction `x`, in order, as a JSON array of `{id, name}`: read in the
 * same query as the interaction, one index lookup each. (An ORDER BY inside an aggregate
 * needs SQLite 3.44; better-sqlite3 bundles a newer one.)
 */
export const PEOPLE_OF_X = `(SELECT json_group_array(json_object('id', c.id, 'name', c.name) ORDER BY ic.position, c.id)
  FROM interaction_contacts ic JOIN contacts c ON c.id = ic.contact_id WHERE ic.interaction_id = x.id)`;

export function parsePeople(json: string): ContactRef[] {
  return JSON.parse(json) as ContactRef[];
}

/** The interaction `x` as `Interaction`, people included, shaped by SQLite (see `Db.jsonRows`). */
const INTERACTION = `json_object('id', x.id, 'uuid', x.uuid, 'contacts', json(${PEOPLE_OF_X}), 'on', x.on_date, 'kind', x.kind,
  'summary', x.summary, 'thanksOwed', json(iif(x.thanks_owed = 1, 'true', 'false')), 'thankedOn', x.thanked_on,
  'noReply', json(iif(x.no_reply = 1, 'true', 'false')), 'snoozedUntil', x.snoozed_until)`;
const OLDEST_FIRST = 'x.on_date, x.id';

export class Interactions {
  constructor(private readonly db: Db) {}

  insert(f: InteractionFields, meta: { uuid?: string; createdAt?: string } = {}): number {
    const summary = f.summary && f.summary.trim() !== '' ? normalizeText(f.summary) : null;
    const info = this.db
      .stmt(
        `INSERT INTO interactions (uuid, on_date, kind, summary, thanks_owed, thanked_on, no_reply, snoozed_until, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        meta.uuid ?? newUuid(),
        f.on,
        f.kind,
        summary,
        f.thanksOwed ? 1 : 0,
        f.thankedOn ?? null,
        f.noReply ? 1 : 0,
        f.snoozedUntil ?? null,
        meta.createdAt ?? nowStamp(),
      );
    const id = Number(info.lastInsertRowid);
    const link = this.db.stmt('INSERT OR IGNORE INTO interaction_contacts (interaction_id, contact_id, position) VALUES (?, ?, ?)');
    f.contactIds.forEach((cid, i) => link.run(id, cid, i));
    return id;
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

  inRange(since: IsoDate, until: IsoDate): Interaction[] {
    return this.db.jsonRows<Interaction>(INTERACTION, 'FROM interactions x WHERE x.on_date BETWEEN ? AND ?', OLDEST_FIRST, [since, until]);
  }

  /** Ids of interactions with this contact, up to a date, whose thank-you is still owed. */
  openThankIds(contactId: number, upTo: IsoDate): number[] {
    return (
      this.db
        .stmt(
          `SELECT x.id FROM interaction_contacts ic JOIN interactions x ON x.id = ic.interaction_id
           WHERE ic.contact_id = ? AND x.thanks_owed = 1 AND x.thanked_on IS NULL AND x.on_date <= ? ORDER BY x.on_date, x.id`,
        )
        .all(contactId, upTo) as Row[]
    ).map((r) => Number(r.id));
  }

  markThanked(ids: readonly number[], on: IsoDate): void {
    const s = this.db.stmt('UPDATE interactions SET thanked_on = ? WHERE id = ? AND thanked_on IS NULL');
    for (const id of ids) s.run(on, id);
  }

  snooze(id: number, until: IsoDate | null): void {
    this.db.stmt('UPDATE interactions SET snoozed_until = ? WHERE id = ?').run(until, id);
  }

  /** Every interaction in id order, one at a time (see `Db.jsonEach`). */
  each(): Generator<Interaction> {
    return this.db.jsonEach<Interaction>(INTERACTION, 'FROM interactions x', 'x.id');
  }

  all(): Interaction[] {
    return this.db.jsonRows<Interaction>(INTERACTION, 'FROM interactions x', OLDEST_FIRST);
  }
}
