// Edits and removals of any record kind by its id, driven by the kinds table in core/.
import { type FieldDef, type RecordKind, recordKinds } from '../core/kinds.js';
import type { IsoDate } from '../core/types.js';
import { clean, type Db } from './db.js';

function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A value as the journal stores it: text in NFC, trimmed, blank as no value; flags as 0/1. */
function stored(field: FieldDef, value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && (field.type === 'text' || field.type === 'required-text')) return clean(value);
  return value;
}

export function recordExists(db: Db, kind: RecordKind, id: number): boolean {
  return db.stmt(`SELECT 1 FROM ${q(kind.table)} WHERE id = ?`).get(id) !== undefined;
}

/**
 * Sets the given fields of one record (columns named in the kinds table only). Run inside
 * the door; the history records what actually changed.
 */
export function updateRecord(db: Db, kind: RecordKind, id: number, values: ReadonlyMap<FieldDef, unknown>): void {
  if (values.size === 0) return;
  const fields = [...values.keys()];
  for (const f of fields) if (!kind.fields.includes(f)) throw new RangeError(`${f.column} is not a field of a ${kind.noun}`);
  db.raw
    .prepare(`UPDATE ${q(kind.table)} SET ${fields.map((f) => `${q(f.column)} = ?`).join(', ')} WHERE id = ?`)
    .run(...fields.map((f) => stored(f, values.get(f))), id);
}

export function removeRecord(db: Db, kind: RecordKind, id: number): boolean {
  return db.stmt(`DELETE FROM ${q(kind.table)} WHERE id = ?`).run(id).changes > 0;
}

/** Replaces the people of an interaction, keeping the order given. */
export function setPeople(db: Db, interactionId: number, contactIds: readonly number[]): void {
  const keep = JSON.stringify(contactIds);
  db.stmt('DELETE FROM interaction_contacts WHERE interaction_id = ? AND contact_id NOT IN (SELECT value FROM json_each(?))').run(interactionId, keep);
  const link = db.stmt(
    `INSERT INTO interaction_contacts (interaction_id, contact_id, position) VALUES (?, ?, ?)
     ON CONFLICT (interaction_id, contact_id) DO UPDATE SET position = excluded.position WHERE position <> excluded.position`,
  );
  contactIds.forEach((cid, i) => link.run(interactionId, cid, i));
}

/**
 * A lead whose person is linked later follows as if the person had been named from the
 * start: an open lead becomes followed on the day of the first conversation with them
 * since it was given (one that got an answer, up to today).
 */
export function followLeadIfTalked(db: Db, leadId: number, today: IsoDate): void {
  db.stmt(
    `UPDATE leads SET status = 'followed', followed_on = (
       SELECT min(x.on_date) FROM interaction_contacts ic JOIN interactions x ON x.id = ic.interaction_id
       WHERE ic.contact_id = leads.person_id AND x.on_date >= leads.given_on AND x.on_date <= @today AND x.no_reply = 0)
     WHERE id = @id AND status = 'open' AND person_id IS NOT NULL AND EXISTS (
       SELECT 1 FROM interaction_contacts ic JOIN interactions x ON x.id = ic.interaction_id
       WHERE ic.contact_id = leads.person_id AND x.on_date >= leads.given_on AND x.on_date <= @today AND x.no_reply = 0)`,
  ).run({ id: leadId, today });
}

/** The newest `perKind` ids of each record kind but contacts, as people type them (`i12`). */
export function recentIds(db: Db, perKind: number): string[] {
  return recordKinds()
    .filter((k) => k.name !== 'contact')
    .flatMap((k) => (db.stmt(`SELECT id FROM ${q(k.table)} ORDER BY id DESC LIMIT ?`).pluck().all(perKind) as number[]).map((id) => `${k.prefix}${id}`));
}
