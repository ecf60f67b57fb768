import type { DatedNote, IsoDate } from '../core/types.js';
import { clean, type Db, nowStamp } from './db.js';
import { randomUuid } from './random.js';

export interface NoteFields {
  contactId: number;
  text: string;
  on: IsoDate;
}

/** A note as `DatedNote`, shaped by SQLite (see `Db.jsonRows`). */
const NOTE = `json_object('id', m.id, 'uuid', m.uuid, 'contact', json_object('id', m.contact_id, 'name', c.name), 'on', m.on_date,
  'text', m.text)`;
const FROM = 'FROM notes m JOIN contacts c ON c.id = m.contact_id';

/** Dated notes about a contact (`net note`), ids `m<id>`. */
export class Notes {
  constructor(private readonly db: Db) {}

  insert(f: NoteFields, meta: { uuid?: string; createdAt?: string } = {}): number {
    const text = clean(f.text);
    if (text === null) throw new RangeError('a note needs text');
    const info = this.db
      .stmt('INSERT INTO notes (uuid, contact_id, on_date, text, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(meta.uuid ?? randomUuid(), f.contactId, f.on, text, meta.createdAt ?? nowStamp());
    return Number(info.lastInsertRowid);
  }

  get(id: number): DatedNote | undefined {
    return this.db.jsonRows<DatedNote>(NOTE, `${FROM} WHERE m.id = ?`, 'm.id', [id])[0];
  }

  /** A contact's notes, newest first (by the day they are about, then the latest written). */
  forContact(contactId: number): DatedNote[] {
    return this.db.jsonRows<DatedNote>(NOTE, `${FROM} WHERE m.contact_id = ?`, 'm.on_date DESC, m.id DESC', [contactId]);
  }

  /** Every note, in the order they were written (for the backup). */
  /** Every note in id order, one at a time (for a streamed export). */
  each(): Generator<DatedNote> {
    return this.db.jsonEach<DatedNote>(NOTE, FROM, 'm.id');
  }

  all(): DatedNote[] {
    return this.db.jsonRows<DatedNote>(NOTE, FROM, 'm.id');
  }
}
