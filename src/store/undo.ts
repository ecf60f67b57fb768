// Taking a command back: its changes replayed in reverse, through the same door (so the
// undo is itself a command in the history), after checking that nothing later depends on
// them.
import { kindOfTable, recordLabel } from '../core/kinds.js';
import type { Db } from './db.js';
import { type ChangeRow, type CommandRow, type History, type TrackedTable, trackedTables } from './history.js';

function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function parseRow(v: unknown): Record<string, unknown> {
  return JSON.parse(String(v)) as Record<string, unknown>;
}

function isCreation(c: ChangeRow): boolean {
  return c.field === null && c.old === null;
}

function isRemoval(c: ChangeRow): boolean {
  return c.field === null && c.new === null;
}

/** The uuids of other records a change refers to (a lead's source, an interaction's person). */
export function referencesOf(c: ChangeRow, t: TrackedTable | undefined): string[] {
  if (!t) return [];
  const out: string[] = [];
  if (c.field === null) {
    const row = parseRow(c.old ?? c.new);
    for (const col of t.refs.keys()) if (typeof row[col] === 'string') out.push(row[col] as string);
  } else if (t.refs.has(c.field)) {
    for (const v of [c.old, c.new]) if (typeof v === 'string') out.push(v);
  }
  return out.filter((u) => u !== c.record);
}

export interface Conflict {
  command: CommandRow;
  /** The record both commands touched, as people name it (`i4`), or null when it is gone. */
  record: string | null;
}

/**
 * A record's id as people name it (`i4`, `#5`), from its uuid: its id today, or for a record
 * since removed, the id it had (from the history of its creation or removal).
 */
export function labelOf(db: Db, table: string, uuid: string): string | null {
  const kind = kindOfTable(table);
  if (!kind) return null;
  const id = db
    .stmt(
      `SELECT id FROM ${q(kind.table)} WHERE uuid = @uuid UNION ALL
       SELECT json_extract(coalesce(old, new), '$.id') FROM history_changes WHERE record = @uuid AND tbl = @table AND field IS NULL LIMIT 1`,
    )
    .pluck()
    .get({ uuid, table: kind.table }) as number | null | undefined;
  return typeof id === 'number' ? recordLabel(kind, id) : null;
}

/**
 * What stops `target` from being undone: a later command, still in force, that changed one
 * of its records, made something refer to a record it created or removed, or removed a
 * record it refers to. (A later command that was undone, and the undo of a command later
 * than `target`, cancel out.)
 */
export function findConflict(db: Db, history: History, target: CommandRow): Conflict | null {
  const tables = new Map(trackedTables(db.raw).map((t) => [t.name, t]));
  const mine = history.changes(target.id);
  const own = new Set(mine.map((c) => c.record));
  const existence = new Set(mine.filter((c) => isCreation(c) || isRemoval(c)).map((c) => c.record));
  const refs = new Set(mine.flatMap((c) => referencesOf(c, tables.get(c.table))));
  const commands = new Map<number, CommandRow | undefined>();
  const live = (id: number) => {
    if (!commands.has(id)) commands.set(id, history.command(id));
    const c = commands.get(id);
    if (!c || c.undoneBy !== null) return undefined;
    if (c.undoes !== null && c.undoes > target.id) return undefined;
    return c;
  };
  for (const later of history.changesAfter(target.id)) {
    const hit =
      own.has(later.record) ||
      referencesOf(later, tables.get(later.table)).some((u) => existence.has(u)) ||
      (isRemoval(later) && refs.has(later.record));
    if (!hit) continue;
    const command = live(later.commandId);
    if (!command) continue;
    return { command, record: labelOf(db, later.table, later.record) };
  }
  return null;
}

/** A column's value for SQL: a reference goes back from the uuid kept to the local id. */
function bind(t: TrackedTable, column: string): string {
  const parent = t.refs.get(column);
  return parent ? `(SELECT id FROM ${q(parent)} WHERE uuid = ?)` : '?';
}

function liveTable(tables: Map<string, TrackedTable>, name: string): TrackedTable {
  const t = tables.get(name);
  if (!t) throw new Error(`the journal no longer has the table ${name}`);
  return t;
}

/** Puts back what `changes` changed, newest first. Run inside the door. */
export function revert(db: Db, changes: readonly ChangeRow[]): void {
  const tables = new Map(trackedTables(db.raw).map((t) => [t.name, t]));
  for (const c of [...changes].reverse()) {
    const t = liveTable(tables, c.table);
    if (isCreation(c)) {
      if (t.identity === 'uuid') {
        db.stmt(`DELETE FROM ${q(t.name)} WHERE uuid = ?`).run(c.record);
      } else {
        const row = parseRow(c.new);
        db.stmt(`DELETE FROM ${q(t.name)} WHERE ${t.key.map((k) => `${q(k)} = ${bind(t, k)}`).join(' AND ')}`).run(...t.key.map((k) => row[k]));
      }
    } else if (isRemoval(c)) {
      const row = parseRow(c.old);
      const columns = t.columns.filter((col) => col in row);
      db.stmt(`INSERT INTO ${q(t.name)} (${columns.map(q).join(', ')}) VALUES (${columns.map((col) => bind(t, col)).join(', ')})`).run(
        ...columns.map((col) => row[col]),
      );
    } else if (c.field !== null) {
      db.stmt(`UPDATE ${q(t.name)} SET ${q(c.field)} = ${bind(t, c.field)} WHERE uuid = ?`).run(c.old, c.record);
    }
  }
}

export interface RecordEffect {
  /** `i12`, `#5`: the record as people name it. */
  label: string;
  what: 'added' | 'removed' | 'changed';
  /** For `changed`: the fields, as people call them. */
  fields: string[];
}

/** What a command did, per record, in the order it first touched them. */
export function effects(db: Db, changes: readonly ChangeRow[]): RecordEffect[] {
  const byRecord = new Map<string, RecordEffect>();
  for (const c of changes) {
    const kind = kindOfTable(c.table);
    if (!kind) continue;
    const link = kind.table !== c.table;
    const label = labelOf(db, kind.table, c.record);
    if (label === null) continue;
    let e = byRecord.get(c.record);
    if (!e) {
      e = { label, what: !link && isCreation(c) ? 'added' : !link && isRemoval(c) ? 'removed' : 'changed', fields: [] };
      byRecord.set(c.record, e);
    } else if (!link && (isCreation(c) || isRemoval(c))) {
      // Removed and made again in one command (or the reverse): it ends as it ended.
      e.what = isCreation(c) ? 'added' : 'removed';
    }
    if (e.what !== 'changed' || (!link && kind.internal.includes(c.field ?? ''))) continue;
    const field = link ? (kind.links?.[c.table] ?? c.table) : (kind.fields.find((f) => f.column === c.field)?.label ?? c.field ?? '');
    if (field && !e.fields.includes(field)) e.fields.push(field);
  }
  return [...byRecord.values()].filter((e) => e.what !== 'changed' || e.fields.length > 0);
}

/** One change as `net history` shows it, with records and people named as today. */
export interface ChangeView {
  /** `i12`, `#5`, or null when the record is gone and its id unknown. */
  record: string | null;
  kind: string;
  uuid: string;
  /** The column (snake_case) changed; null when the whole record was added or removed. */
  field: string | null;
  /** What people call the field (`on`, `people`), or null for a whole record. */
  label: string | null;
  what: 'added' | 'removed' | 'changed';
  /** A person linked to or unlinked from the record (its link table), rather than a field. */
  link: boolean;
  old: unknown;
  new: unknown;
  /** The value as people read it, where it is not the stored one: a contact's name and id as
   *  today (a reference, a person linked), `yes`/`no` for a flag. */
  oldName: string | null;
  newName: string | null;
}

function nameOfUuid(db: Db, table: string, uuid: unknown): string | null {
  if (typeof uuid !== 'string') return null;
  const kind = kindOfTable(table);
  if (!kind) return null;
  if (kind.name !== 'contact') return labelOf(db, table, uuid);
  const r = db
    .stmt(
      `SELECT id, name FROM contacts WHERE uuid = @uuid UNION ALL
       SELECT json_extract(old, '$.id'), json_extract(old, '$.name') FROM history_changes WHERE record = @uuid AND tbl = 'contacts' AND field IS NULL AND new IS NULL LIMIT 1`,
    )
    .get({ uuid }) as { id: number; name: string } | undefined;
  return r ? `${r.name} (#${r.id})` : 'a removed contact';
}

export function describeChanges(db: Db, changes: readonly ChangeRow[]): ChangeView[] {
  const tables = new Map(trackedTables(db.raw).map((t) => [t.name, t]));
  const views: ChangeView[] = [];
  for (const c of changes) {
    const kind = kindOfTable(c.table);
    const t = tables.get(c.table);
    if (!kind) continue;
    const link = kind.table !== c.table;
    const record = labelOf(db, kind.table, c.record);
    const whole = c.field === null;
    const old = whole && c.old !== null ? parseRow(c.old) : c.old;
    const now = whole && c.new !== null ? parseRow(c.new) : c.new;
    if (link && t) {
      // A person linked to (or unlinked from) an interaction: a change of its people.
      const row = (old ?? now) as Record<string, unknown>;
      const other = [...t.refs.entries()].find(([col]) => row[col] !== c.record);
      const person = other ? nameOfUuid(db, other[1], row[other[0]]) : null;
      views.push({
        record,
        kind: kind.name,
        uuid: c.record,
        field: c.table,
        label: kind.links?.[c.table] ?? c.table,
        what: 'changed',
        link: true,
        old: old,
        new: now,
        oldName: c.new === null ? person : null,
        newName: c.old === null ? person : null,
      });
      continue;
    }
    // Bookkeeping columns (kinds.ts `internal`) are kept for undo but are not what the user changed.
    if (c.field !== null && kind.internal.includes(c.field)) continue;
    const ref = c.field !== null ? t?.refs.get(c.field) : undefined;
    const def = c.field !== null ? kind.fields.find((f) => f.column === c.field) : undefined;
    const shown = (v: unknown) => (def?.type === 'flag' ? (v ? 'yes' : 'no') : ref ? nameOfUuid(db, ref, v) : null);
    views.push({
      record,
      kind: kind.name,
      uuid: c.record,
      field: c.field,
      label: c.field === null ? null : (kind.fields.find((f) => f.column === c.field)?.label ?? c.field),
      what: isCreation(c) ? 'added' : isRemoval(c) ? 'removed' : 'changed',
      link: false,
      old,
      new: now,
      oldName: c.field === null ? null : shown(c.old),
      newName: c.field === null ? null : shown(c.new),
    });
  }
  return views;
}

/**
 * The uuid of a record named by its table and local id, also when it has been removed
 * (then from the history of its removal).
 */
export function uuidOfRecord(db: Db, table: string, id: number): string | null {
  const live = db.stmt(`SELECT uuid FROM ${q(table)} WHERE id = ?`).pluck().get(id) as string | undefined;
  if (live !== undefined) return live;
  const gone = db
    .stmt(`SELECT record FROM history_changes WHERE tbl = ? AND field IS NULL AND json_extract(coalesce(old, new), '$.id') = ? ORDER BY id DESC LIMIT 1`)
    .pluck()
    .get(table, id) as string | undefined;
  return gone ?? null;
}
