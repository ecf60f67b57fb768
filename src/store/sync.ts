// The journal's side of net sync: this device's changes read from the change history, and
// other devices' changes merged into the records (core/sync.ts has the rules).
//
// What is kept (schema 16):
// - sync_records: every synced record's registers (core/sync.ts), removed records included,
//   so that a change arriving late is judged against what was there, whatever the order.
// - sync_waiting: records that refer to one not here (yet, or any more): made or relinked
//   when it comes (back). A change can arrive before the one that made what it refers to:
//   file syncers carry each device's folder on its own.
// - sync_devices: per device, the last segment read (this device: the last written), its
//   name and when it last synced.
// - sync_applied: the history's commands that applied other devices' changes. They are not
//   this device's changes, so they are never sent back out, and `net undo` does not take
//   them back (undoing another device's change is a change to make on purpose: net edit).
// - meta: sync_journal (the journal's id, as its folder records it), sync_folder,
//   sync_exported (the last history change sent out), sync_clock (the latest clock seen).
//
// Nothing of this is read by other commands: `net due` and the rest never look at it.
import type { Change, Clock, Registers } from '../core/sync.js';
import { clockLocal, clockOf, emptyRegisters, exists, mergeChange, mergeRegisters } from '../core/sync.js';
import type { Db, Row } from './db.js';
import { nextHlc, trackedTables } from './history.js';

function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A record table as sync writes it. */
interface SyncTable {
  name: string;
  identity: 'uuid' | 'link';
  /** For a link table, its key (references). */
  key: string[];
  /** The columns synced: the history's, without the local id. */
  columns: Set<string>;
  /** Reference columns and the table they point at. */
  refs: Map<string, string>;
  /** References a row cannot exist without (removed with what they point at, or NOT NULL). */
  required: Set<string>;
  /** Tables that refer to this one, and by which column. */
  dependents: Array<{ table: string; column: string }>;
}

type Key = string;
const keyOf = (t: string, r: string): Key => `${t}\n${r}`;

interface Work {
  table: SyncTable;
  record: string;
  regs: Registers;
  dirty: Set<string>;
  /** Made in this sync (its optional references are still empty). */
  inserted?: boolean;
}

export interface ApplyResult {
  /** Records added, changed or removed in this journal. */
  changed: number;
}

export interface DeviceRow {
  device: string;
  name: string;
  segment: number;
  syncedAt: string | null;
}

export class SyncStore {
  private cached: Map<string, SyncTable> | null = null;

  constructor(private readonly db: Db) {}

  /** The record tables of the live schema, parents before the tables that refer to them. */
  tables(): Map<string, SyncTable> {
    if (this.cached) return this.cached;
    const out = new Map<string, SyncTable>();
    for (const t of trackedTables(this.db.raw)) {
      const required = new Set<string>();
      const notNull = new Set(
        (this.db.raw.prepare('SELECT name FROM pragma_table_info(?) WHERE "notnull"').pluck().all(t.name) as string[]),
      );
      for (const fk of this.db.raw.prepare('SELECT "from", on_delete FROM pragma_foreign_key_list(?)').all(t.name) as Array<{ from: string; on_delete: string }>) {
        if (t.refs.has(fk.from) && (fk.on_delete === 'CASCADE' || notNull.has(fk.from))) required.add(fk.from);
      }
      out.set(t.name, {
        name: t.name,
        identity: t.identity,
        key: t.key,
        columns: new Set(t.columns.filter((c) => c !== 'id')),
        refs: t.refs,
        required,
        dependents: [],
      });
    }
    for (const t of out.values()) for (const [column, parent] of t.refs) out.get(parent)?.dependents.push({ table: t.name, column });
    // Parents first: a row is made after what it must refer to.
    const ordered = new Map<string, SyncTable>();
    const visit = (t: SyncTable, seen: Set<string>) => {
      if (ordered.has(t.name) || seen.has(t.name)) return;
      seen.add(t.name);
      for (const p of t.refs.values()) if (p !== t.name) visit(out.get(p) as SyncTable, seen);
      ordered.set(t.name, t);
    };
    for (const t of out.values()) visit(t, new Set());
    this.cached = ordered;
    return ordered;
  }

  meta(key: string): string | null {
    const v = this.db.stmt('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
    return v ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db.stmt('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  deviceId(): string {
    const d = this.meta('device_id');
    if (d === null) throw new Error('the journal has no device id');
    return d;
  }

  /** Whether the journal holds no records at all (a device may join a folder only then). */
  isEmpty(): boolean {
    return [...this.tables().values()].every((t) => this.db.stmt(`SELECT 1 FROM ${q(t.name)} LIMIT 1`).get() === undefined);
  }

  // ---- this device's changes ----

  private static readonly PENDING = `FROM history_changes h JOIN history_commands c ON c.id = h.command_id
    WHERE h.id > ? AND NOT EXISTS (SELECT 1 FROM sync_applied a WHERE a.command_id = h.command_id)`;

  private exported(): number {
    return Number(this.meta('sync_exported') ?? '0');
  }

  /** How many changes of this device's commands have not been sent out yet. */
  pending(): number {
    return this.db.stmt(`SELECT count(*) ${SyncStore.PENDING}`).pluck().get(this.exported()) as number;
  }

  /**
   * This device's changes since the last sync, as they travel, with their clocks (see
   * `clockLocal`); each is also merged into the registers, which the records already show.
   */
  takeLocal(): Change[] {
    const device = this.deviceId();
    const rows = this.db.stmt(`SELECT h.id, h.tbl, h.record, h.field, h.old, h.new, c.hlc ${SyncStore.PENDING} ORDER BY h.id`).all(this.exported()) as Row[];
    const clocks = clockLocal(rows as Array<{ hlc: string }>, device, this.meta('sync_clock'), (h) => nextHlc(h, 0));
    const tables = this.tables();
    const out: Change[] = [];
    rows.forEach((row, i) => {
      const t = tables.get(String(row.tbl));
      if (!t) return;
      const c = clocks[i] as Clock;
      if (row.field === null) {
        const whole = JSON.parse(String(row.old ?? row.new)) as Record<string, unknown>;
        const r = t.identity === 'uuid' ? String(row.record) : t.key.map((k) => String(whole[k])).join(' ');
        if (row.old === null) {
          delete whole.id;
          out.push({ c, t: t.name, r, f: null, v: whole });
        } else {
          out.push({ c, t: t.name, r, f: null, v: null });
        }
      } else {
        out.push({ c, t: t.name, r: String(row.record), f: String(row.field), v: row.new ?? null });
      }
    });
    this.fold(out);
    // Also when there was nothing: a device that joined starts after what it has.
    const last = rows.at(-1)?.id ?? this.db.stmt('SELECT ifnull(max(id), 0) FROM history_changes').pluck().get();
    this.setMeta('sync_exported', String(Math.max(Number(last), this.exported())));
    return out;
  }

  /** Every record of the journal as made now: what a device sends the first time it syncs. */
  takeEverything(): Change[] {
    const device = this.deviceId();
    const hlc = nextHlc(this.db.stmt('SELECT max(hlc) FROM history_commands').pluck().get() as string | null, Date.now());
    const out: Change[] = [];
    let n = 0;
    for (const t of this.tables().values()) {
      const cols = [...t.columns];
      const value = (c: string) => {
        const parent = t.refs.get(c);
        // The row is named: a contact's introducer is another row of the same table.
        return parent ? `(SELECT uuid FROM ${q(parent)} WHERE id = o.${q(c)})` : `o.${q(c)}`;
      };
      const sql = `SELECT json_object(${cols.map((c) => `'${c}', ${value(c)}`).join(', ')}) FROM ${q(t.name)} AS o`;
      for (const j of this.db.raw.prepare(sql).pluck().all() as string[]) {
        const row = JSON.parse(j) as Record<string, unknown>;
        const r = t.identity === 'uuid' ? String(row.uuid) : t.key.map((k) => String(row[k])).join(' ');
        out.push({ c: clockOf(hlc, device, n++), t: t.name, r, f: null, v: row });
      }
    }
    this.fold(out);
    this.setMeta('sync_exported', String(this.db.stmt('SELECT ifnull(max(id), 0) FROM history_changes').pluck().get()));
    return out;
  }

  /** Merges this device's own changes into the registers (the records already show them). */
  private fold(changes: readonly Change[]): void {
    const touched = new Map<Key, { t: string; r: string; regs: Registers }>();
    for (const ch of changes) {
      const k = keyOf(ch.t, ch.r);
      let w = touched.get(k);
      if (!w) {
        w = { t: ch.t, r: ch.r, regs: this.load(ch.t, ch.r) ?? emptyRegisters() };
        touched.set(k, w);
      }
      mergeChange(w.regs, ch);
    }
    for (const w of touched.values()) this.save(w.t, w.r, w.regs);
    this.seen(changes.at(-1)?.c ?? null);
  }

  /** Moves the clock this device has seen forward (it never goes back). */
  seen(clock: Clock | null): void {
    if (clock === null) return;
    const hlc = clock.slice(0, 22);
    const cur = this.meta('sync_clock');
    if (cur === null || hlc > cur) this.setMeta('sync_clock', hlc);
  }

  // ---- registers ----

  private load(t: string, r: string): Registers | null {
    const text = this.db.stmt('SELECT registers FROM sync_records WHERE tbl = ? AND record = ?').pluck().get(t, r) as string | undefined;
    return text === undefined ? null : (JSON.parse(text) as Registers);
  }

  private save(t: string, r: string, regs: Registers): void {
    this.db
      .stmt('INSERT INTO sync_records (tbl, record, registers) VALUES (?, ?, ?) ON CONFLICT (tbl, record) DO UPDATE SET registers = excluded.registers')
      .run(t, r, JSON.stringify(regs));
  }

  /** Every record's registers, removed ones included: a snapshot's content. */
  *everyRecord(): Generator<[string, string, Registers]> {
    for (const row of this.db.stmt('SELECT tbl, record, registers FROM sync_records ORDER BY tbl, record').iterate() as IterableIterator<Row>) {
      yield [String(row.tbl), String(row.record), JSON.parse(String(row.registers)) as Registers];
    }
  }

  /** Why a change from another device cannot be taken, or null: names only known tables and fields. */
  refuse(ch: Change): string | null {
    const t = this.tables().get(ch.t);
    if (!t) return `it names a kind of record this net does not know (${ch.t.slice(0, 40)})`;
    const ids = ch.r.split(' ');
    if (t.identity === 'uuid' ? !UUID_RE.test(ch.r) : ids.length !== t.key.length || !ids.every((u) => UUID_RE.test(u))) {
      return 'it names a record by something that is not a uuid';
    }
    if (ch.f !== null && (t.identity === 'link' || ch.f === 'uuid')) return 'it changes a record’s identity';
    for (const [col, v] of Object.entries(ch.f !== null ? { [ch.f]: ch.v } : ((ch.v ?? {}) as Record<string, unknown>))) {
      if (t.refs.has(col) && v !== null && !(typeof v === 'string' && UUID_RE.test(v))) return 'it refers to a record by something that is not a uuid';
    }
    return null;
  }

  // ---- other devices' changes ----

  /**
   * Merges other devices' changes (and snapshots' registers) into the registers, then makes
   * the records say what the registers say. Run inside the door, in the sync's one write.
   */
  apply(changes: readonly Change[], snapshots: ReadonlyArray<[string, string, Registers]> = []): ApplyResult {
    const tables = this.tables();
    const work = new Map<Key, Work>();
    const take = (t: string, r: string): Work | null => {
      const table = tables.get(t);
      if (!table) return null;
      const k = keyOf(t, r);
      let w = work.get(k);
      if (!w) {
        w = { table, record: r, regs: this.load(t, r) ?? emptyRegisters(), dirty: new Set() };
        work.set(k, w);
      }
      return w;
    };
    const reborn = new Set<Work>();
    const note = (w: Work, merged: { existence: boolean; fields: string[] }) => {
      if (merged.existence) reborn.add(w);
      for (const f of merged.fields) w.dirty.add(f);
    };
    let highest: Clock | null = null;
    for (const ch of changes) {
      const w = take(ch.t, ch.r);
      if (!w) continue;
      note(w, mergeChange(w.regs, ch));
      if (highest === null || ch.c > highest) highest = ch.c;
    }
    for (const [t, r, regs] of snapshots) {
      const w = take(t, r);
      if (!w) continue;
      note(w, mergeRegisters(w.regs, regs));
    }
    const pending = [...work.values()].filter((w) => w.dirty.size > 0 || reborn.has(w));
    for (const w of pending) this.save(w.table.name, w.record, w.regs);
    this.seen(highest);
    return { changed: this.materialize(pending) };
  }

  /** The local id of a uuid record, or for a link row whether it is there (1). */
  private liveId(t: SyncTable, r: string): number | null {
    if (t.identity === 'uuid') return (this.db.stmt(`SELECT id FROM ${q(t.name)} WHERE uuid = ?`).pluck().get(r) as number | undefined) ?? null;
    const ids = r.split(' ');
    const where = t.key.map((k) => `${q(k)} = (SELECT id FROM ${q(t.refs.get(k) ?? '')} WHERE uuid = ?)`).join(' AND ');
    return this.db.stmt(`SELECT 1 FROM ${q(t.name)} WHERE ${where}`).get(...ids) !== undefined ? 1 : null;
  }

  private wait(target: string, t: string, r: string): void {
    this.db.stmt('INSERT OR IGNORE INTO sync_waiting (target, tbl, record) VALUES (?, ?, ?)').run(target, t, r);
  }

  /** The value of a reference column in a record's registers (a link's keys come from its name). */
  private refValue(w: Work, col: string): unknown {
    if (w.table.identity === 'link') {
      const i = w.table.key.indexOf(col);
      if (i >= 0) return w.record.split(' ')[i];
    }
    return w.regs.f[col]?.[1] ?? null;
  }

  /**
   * Makes the records say what their registers say, in rounds: a record made (or made
   * again) brings in the records that were waiting for it. A record exists when its
   * registers say so and what it must refer to exists; an optional reference to a record
   * not here is left empty until it comes.
   */
  private materialize(initial: Work[]): number {
    const tables = this.tables();
    let changed = 0;
    let round = initial;
    const done: Work[] = [];
    while (round.length > 0) {
      const inRound = new Map(round.map((w) => [keyOf(w.table.name, w.record), w]));
      const desired = new Map<Key, boolean>();
      const wanted = (w: Work, seen: Set<Key>): boolean => {
        const k = keyOf(w.table.name, w.record);
        const known = desired.get(k);
        if (known !== undefined) return known;
        if (seen.has(k)) return false;
        seen.add(k);
        let ok = exists(w.regs);
        if (ok) {
          for (const col of w.table.required) {
            const target = this.refValue(w, col);
            const parent = tables.get(w.table.refs.get(col) ?? '') as SyncTable;
            if (typeof target !== 'string') {
              ok = false;
              break;
            }
            const other = inRound.get(keyOf(parent.name, target));
            const there = other ? wanted(other, seen) : this.liveId(parent, target) !== null;
            if (!there) {
              this.wait(target, w.table.name, w.record);
              ok = false;
              break;
            }
          }
        }
        desired.set(k, ok);
        return ok;
      };
      for (const w of round) wanted(w, new Set());
      // Removals first: SQLite removes or empties what refers to them, and each of those
      // waits for the record to come back (a later creation can make it again).
      for (const w of round) {
        if (desired.get(keyOf(w.table.name, w.record))) continue;
        const id = this.liveId(w.table, w.record);
        if (id === null) continue;
        if (w.table.identity === 'uuid') this.keepDependents(w.table, w.record, id);
        this.remove(w.table, w.record);
        changed++;
      }
      const appeared: Work[] = [];
      for (const t of tables.values()) {
        for (const w of round) {
          if (w.table !== t || !desired.get(keyOf(t.name, w.record))) continue;
          if (this.liveId(t, w.record) === null) {
            this.insert(w);
            appeared.push(w);
            changed++;
          } else if (this.update(w)) {
            changed++;
          }
        }
      }
      done.push(...round.filter((w) => desired.get(keyOf(w.table.name, w.record))));
      // Records waiting for one that appeared come in the next round, all their references to be made.
      const next = new Map<Key, Work>();
      for (const w of appeared) {
        if (w.table.identity !== 'uuid') continue;
        for (const row of this.db.stmt('SELECT tbl, record FROM sync_waiting WHERE target = ?').all(w.record) as Array<{ tbl: string; record: string }>) {
          const table = tables.get(row.tbl);
          const regs = this.load(row.tbl, row.record);
          if (!table || !regs) continue;
          next.set(keyOf(row.tbl, row.record), { table, record: row.record, regs, dirty: new Set(table.refs.keys()) });
        }
        this.db.stmt('DELETE FROM sync_waiting WHERE target = ?').run(w.record);
      }
      round = [...next.values()];
    }
    // Optional references last, when everything they may point at has been made.
    for (const w of done) {
      if (w.table.identity !== 'uuid') continue;
      for (const [col, parent] of w.table.refs) {
        if (w.table.required.has(col) || !w.dirty.has(col)) continue;
        const target = this.refValue(w, col);
        // A record just made has nothing there yet: only a reference to something needs a write.
        if (target === null && w.inserted) continue;
        const sub = `(SELECT id FROM ${q(parent)} WHERE uuid = ?)`;
        this.db.stmt(`UPDATE ${q(w.table.name)} SET ${q(col)} = ${sub} WHERE uuid = ? AND ${q(col)} IS NOT ${sub}`).run(target, w.record, target);
        if (typeof target === 'string' && this.liveId(tables.get(parent) as SyncTable, target) === null) this.wait(target, w.table.name, w.record);
      }
    }
    return changed;
  }

  /** Before a record is removed here by sync: what refers to it waits for it to come back. */
  private keepDependents(t: SyncTable, uuid: string, id: number): void {
    const tables = this.tables();
    for (const d of t.dependents) {
      const dep = tables.get(d.table) as SyncTable;
      const name =
        dep.identity === 'uuid'
          ? 'uuid'
          : dep.key.map((k) => `(SELECT uuid FROM ${q(dep.refs.get(k) ?? '')} WHERE id = ${q(k)})`).join(` || ' ' || `);
      const rows = this.db.stmt(`SELECT ${name} AS r${dep.identity === 'uuid' ? ', id' : ''} FROM ${q(dep.name)} WHERE ${q(d.column)} = ?`).all(id) as Array<{ r: string; id?: number }>;
      for (const row of rows) {
        this.wait(uuid, dep.name, row.r);
        // What is removed with it keeps its own dependents waiting for it in turn.
        if (dep.required.has(d.column) && row.id !== undefined && dep.name !== t.name) this.keepDependents(dep, row.r, row.id);
      }
    }
  }

  private remove(t: SyncTable, r: string): void {
    if (t.identity === 'uuid') {
      this.db.stmt(`DELETE FROM ${q(t.name)} WHERE uuid = ?`).run(r);
      return;
    }
    const where = t.key.map((k) => `${q(k)} = (SELECT id FROM ${q(t.refs.get(k) ?? '')} WHERE uuid = ?)`).join(' AND ');
    this.db.stmt(`DELETE FROM ${q(t.name)} WHERE ${where}`).run(...r.split(' '));
  }

  /** Columns a record's registers give a value to, that the table has (a newer net's are kept, not written). */
  private fields(w: Work, which: Iterable<string>): string[] {
    return [...which].filter((c) => w.table.columns.has(c) && (w.table.identity === 'link' ? !w.table.key.includes(c) : c !== 'uuid') && c in w.regs.f);
  }

  private bind(t: SyncTable, col: string): string {
    const parent = t.refs.get(col);
    return parent ? `(SELECT id FROM ${q(parent)} WHERE uuid = ?)` : '?';
  }

  private insert(w: Work): void {
    const t = w.table;
    // Optional references are made afterwards (they may point at a record made later in this sync).
    const cols = this.fields(w, Object.keys(w.regs.f)).filter((c) => !t.refs.has(c) || t.required.has(c));
    const identity = t.identity === 'uuid' ? ['uuid'] : t.key;
    const values = [...identity.map((c) => this.refValue(w, c) ?? w.record), ...cols.map((c) => w.regs.f[c]?.[1] ?? null)];
    const all = [...identity, ...cols];
    this.db
      .stmt(`INSERT INTO ${q(t.name)} (${all.map(q).join(', ')}) VALUES (${all.map((c) => this.bind(t, c)).join(', ')})`)
      .run(...values);
    for (const col of t.refs.keys()) if (!t.required.has(col)) w.dirty.add(col);
    w.inserted = true;
  }

  /** Writes the fields whose registers changed; returns whether the row changed. */
  private update(w: Work): boolean {
    const t = w.table;
    const cols = this.fields(w, w.dirty).filter((c) => !t.refs.has(c) || t.required.has(c));
    if (cols.length === 0) return false;
    const sets = cols.map((c) => `${q(c)} = ${this.bind(t, c)}`).join(', ');
    const differs = cols.map((c) => `${q(c)} IS NOT ${this.bind(t, c)}`).join(' OR ');
    const values = cols.map((c) => w.regs.f[c]?.[1] ?? null);
    const where =
      t.identity === 'uuid' ? 'uuid = ?' : t.key.map((k) => `${q(k)} = (SELECT id FROM ${q(t.refs.get(k) ?? '')} WHERE uuid = ?)`).join(' AND ');
    const ids = t.identity === 'uuid' ? [w.record] : w.record.split(' ');
    return this.db.stmt(`UPDATE ${q(t.name)} SET ${sets} WHERE ${where} AND (${differs})`).run(...values, ...ids, ...values).changes > 0;
  }

  // ---- bookkeeping ----

  markApplied(command: number): void {
    this.db.stmt('INSERT OR IGNORE INTO sync_applied (command_id) VALUES (?)').run(command);
  }

  isApplied(command: number): boolean {
    return this.db.stmt('SELECT 1 FROM sync_applied WHERE command_id = ?').get(command) !== undefined;
  }

  devices(): DeviceRow[] {
    return (this.db.stmt('SELECT device, name, segment, synced_at FROM sync_devices ORDER BY device').all() as Row[]).map((r) => ({
      device: String(r.device),
      name: String(r.name),
      segment: Number(r.segment),
      syncedAt: r.synced_at === null ? null : String(r.synced_at),
    }));
  }

  position(device: string): number {
    return (this.db.stmt('SELECT segment FROM sync_devices WHERE device = ?').pluck().get(device) as number | undefined) ?? 0;
  }

  setDevice(d: DeviceRow): void {
    this.db
      .stmt(
        `INSERT INTO sync_devices (device, name, segment, synced_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (device) DO UPDATE SET name = excluded.name, segment = max(segment, excluded.segment), synced_at = coalesce(excluded.synced_at, synced_at)`,
      )
      .run(d.device, d.name, d.segment, d.syncedAt);
  }
}
