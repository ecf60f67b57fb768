// The change history: what every command changed, kept in the journal itself.
//
// How no write can bypass it. Seven people change this store at once (new columns, new
// tables, imports), so the history is not left to each repository to remember. Triggers
// record every insert, update and delete of every record table, and they are generated
// from the live schema (`PRAGMA table_info`, `foreign_key_list`) at the end of every
// migration run: a column or a table added by any later step is in the history without
// anyone touching this file. The triggers also refuse a write that does not come through
// `Journal.write` (the one door): they take the command's id from `net_command()`, a
// function of net's own connection that fails outside a command, so a repository that
// writes outside a command fails its first test instead of writing changes nobody can
// undo, and another program's write fails for want of the function ("no such function:
// net_command"). A store test fails when a record table has a column the kinds table in
// core/kinds.ts does not know, or a table the history cannot name a record of.
// (STYLE.md prefers explicit writes to triggers; with many writers landing at once, the
// schema is the one list nobody can forget to update.)
//
// Made for merging two devices' histories later: a change names its record by uuid, and
// references to other records by their uuids, never by local integer ids (a whole row keeps
// its local `id` only so that undoing a removal brings the same id back). Each command
// carries a hybrid logical clock (wall milliseconds and a counter: its order holds when the
// clock steps back) and the id of the device, made once per journal.
//
// What it costs. Every net process reads the whole schema, triggers included, and every
// command writes its command row and changes: `net add` and `net log` must not get more
// than a few percent slower for it (`npm run bench` measures). So the per-command state
// lives in the connection (`net_command()`, `net_removed()`) rather than in tables that
// each command would write and clear, and the triggers are kept short: an update is one
// INSERT over the list of the row's fields, not one per field.
import type Database from 'better-sqlite3';
import { kindOfTable } from '../core/kinds.js';
import type { Db } from './db.js';

/** Tables that hold no records: the journal's own facts, the search index, the history, sync's state. */
const UNTRACKED = /^(meta|search(_.*)?|history_.*|sync_.*|sqlite_.*)$/;

interface Column {
  name: string;
  pk: number;
}

/** How the history sees one table of the live schema. */
export interface TrackedTable {
  name: string;
  /** Columns recorded: all but those SQLite derives from other records. */
  columns: string[];
  /** Columns that refer to another record table: recorded as that record's uuid. */
  refs: Map<string, string>;
  /** `uuid`: a record table; `link`: a table that only links records (its key is references). */
  identity: 'uuid' | 'link';
  /** For a link table, the key columns (references) that find one row. */
  key: string[];
  /** Whether other record tables refer to it: its removals keep their uuids aside for their cascades. */
  referenced: boolean;
}

function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The record tables of the live schema, as the history records them. */
export function trackedTables(db: Database.Database): TrackedTable[] {
  const names = db
    .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  const tables: TrackedTable[] = [];
  const hasUuid = new Set(
    names.filter((n) => !UNTRACKED.test(n) && (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(n) as string[]).includes('uuid')),
  );
  for (const name of names) {
    if (UNTRACKED.test(name)) continue;
    const cols = db.prepare('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid').all(name) as Column[];
    const derived = new Set(kindOfTable(name)?.derived ?? []);
    const refs = new Map<string, string>();
    for (const fk of db.prepare('SELECT "from", "table" FROM pragma_foreign_key_list(?)').all(name) as Array<{ from: string; table: string }>) {
      if (hasUuid.has(fk.table)) refs.set(fk.from, fk.table);
    }
    const key = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const identity = hasUuid.has(name) ? 'uuid' : key.length > 0 && key.every((k) => refs.has(k)) ? 'link' : null;
    if (identity === null) {
      throw new Error(`the history cannot name the records of table ${name}: give it a uuid column, or a primary key made of references`);
    }
    tables.push({ name, columns: cols.map((c) => c.name).filter((c) => !derived.has(c)), refs, identity, key, referenced: false });
  }
  const parents = new Set(tables.flatMap((t) => [...t.refs.values()]));
  for (const t of tables) t.referenced = parents.has(t.name);
  return tables;
}

/** A column's value in a trigger, a reference replaced by the uuid it points at. */
function value(t: TrackedTable, row: 'new' | 'old', column: string): string {
  const parent = t.refs.get(column);
  const v = `${row}.${q(column)}`;
  // A removal's cascades run after the removed row is gone: its uuid was kept aside for them.
  return parent ? `coalesce((SELECT uuid FROM ${q(parent)} WHERE id = ${v}), net_removed('${parent}', ${v}))` : v;
}

function wholeRow(t: TrackedTable, row: 'new' | 'old'): string {
  return `json_object(${t.columns.map((c) => `'${c}', ${value(t, row, c)}`).join(', ')})`;
}

/** The uuid of the record a row belongs to: its own, or for a link row its first key's. */
function recordOf(t: TrackedTable, row: 'new' | 'old'): string {
  return t.identity === 'uuid' ? `${row}.uuid` : value(t, row, t.key[0] ?? '');
}

const INTO = 'INSERT INTO history_changes (command_id, tbl, record, field, old, new)';

/** One change row; `net_command()` fails outside a command, which is the guard. */
function change(t: TrackedTable, row: 'new' | 'old', field: string, old: string, now: string, when = ''): string {
  return `${INTO} SELECT net_command(), '${t.name}', ${recordOf(t, row)}, ${field}, ${old}, ${now}${when};`;
}

/**
 * An update of a record: one row per field that changed. The plain fields are one INSERT
 * over a list of (field, old, new), which SQLite parses and plans in a fraction of the
 * time one INSERT per field takes; a reference is recorded as the uuid it points at, looked
 * up only when it changed.
 */
function updates(t: TrackedTable): string {
  const fields = t.columns.filter((c) => c !== 'id' && c !== 'uuid');
  const [first, ...rest] = fields.filter((c) => !t.refs.has(c));
  const sql: string[] = [];
  if (first !== undefined) {
    // The first row names the columns (a VALUES list alone cannot, inside a trigger).
    const head = `SELECT '${first}' AS f, old.${q(first)} AS o, new.${q(first)} AS n`;
    const list = rest.length === 0 ? head : `${head} UNION ALL VALUES ${rest.map((c) => `('${c}', old.${q(c)}, new.${q(c)})`).join(', ')}`;
    sql.push(`${INTO} SELECT net_command(), '${t.name}', new.uuid, f, o, n FROM (${list}) WHERE o IS NOT n;`);
  }
  for (const c of fields.filter((f) => t.refs.has(f))) {
    sql.push(change(t, 'new', `'${c}'`, value(t, 'old', c), value(t, 'new', c), ` WHERE old.${q(c)} IS NOT new.${q(c)}`));
  }
  return sql.join('\n      ');
}

/** The triggers that record a table's changes. */
export function historyTriggerSql(t: TrackedTable): string[] {
  const name = (what: string) => q(`history_${t.name}_${what}`);
  const watched = t.columns.filter((c) => c !== 'id').map(q).join(', ');
  const keepAside = t.referenced
    ? [`CREATE TRIGGER ${name('bd')} BEFORE DELETE ON ${q(t.name)} BEGIN SELECT net_removing('${t.name}', old.id, old.uuid); END`]
    : [];
  return [
    ...keepAside,
    `CREATE TRIGGER ${name('ai')} AFTER INSERT ON ${q(t.name)} BEGIN
      ${change(t, 'new', 'NULL', 'NULL', wholeRow(t, 'new'))}
    END`,
    `CREATE TRIGGER ${name('au')} AFTER UPDATE OF ${watched} ON ${q(t.name)} BEGIN
      ${
        t.identity === 'link'
          ? // A link row's key is what changes: recorded as one link removed and another made.
            change(t, 'old', 'NULL', wholeRow(t, 'old'), 'NULL') + change(t, 'new', 'NULL', 'NULL', wholeRow(t, 'new'))
          : updates(t)
      }
    END`,
    // AFTER DELETE: SQLite runs a removal's cascades (and their triggers) before it, so the
    // record comes last, and undoing in reverse brings it back before what depended on it.
    `CREATE TRIGGER ${name('ad')} AFTER DELETE ON ${q(t.name)} BEGIN
      ${change(t, 'old', 'NULL', wholeRow(t, 'old'), 'NULL')}
    END`,
  ];
}

/**
 * Re-creates the history's triggers from the live schema. The migration runner calls it
 * after every run (and drops them before, so that schema steps that rewrite rows are not
 * commands). Does nothing before the history's own tables exist.
 */
export function installHistoryTriggers(db: Database.Database): void {
  dropHistoryTriggers(db);
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'history_changes'").get();
  if (!exists) return;
  for (const t of trackedTables(db)) for (const sql of historyTriggerSql(t)) db.exec(sql);
}

export function dropHistoryTriggers(db: Database.Database): void {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'history\\_%' ESCAPE '\\'").pluck().all() as string[];
  for (const n of names) db.exec(`DROP TRIGGER ${q(n)}`);
}

/** A hybrid logical clock reading: wall milliseconds and a counter, as sortable text. */
export function nextHlc(last: string | null, nowMs: number): string {
  let wall = nowMs;
  let counter = 0;
  if (last !== null) {
    const [w, c] = last.split('.').map(Number);
    if (w !== undefined && c !== undefined && w >= nowMs) {
      wall = w;
      counter = c + 1;
    }
  }
  return `${String(wall).padStart(15, '0')}.${String(counter).padStart(6, '0')}`;
}

/** The wall time of a clock reading. */
export function hlcTime(hlc: string): Date {
  return new Date(Number(hlc.split('.')[0]));
}

export interface CommandRow {
  id: number;
  uuid: string;
  hlc: string;
  device: string;
  argv: string[];
  undoes: number | null;
  undoneBy: number | null;
}

export interface ChangeRow {
  id: number;
  commandId: number;
  table: string;
  record: string;
  field: string | null;
  old: unknown;
  new: unknown;
}

/** A command `c` as `CommandRow`, shaped by SQLite (see `Db.jsonRows`): what it undid and what undid it, by id. */
const COMMAND = `json_object('id', c.id, 'uuid', c.uuid, 'hlc', c.hlc, 'device', c.device, 'argv', json(c.argv), 'undoes', u.id, 'undoneBy', b.id)`;
const COMMANDS = `FROM history_commands c LEFT JOIN history_commands u ON u.uuid = c.undoes LEFT JOIN history_commands b ON b.uuid = c.undone_by`;
/** A change `h` as `ChangeRow`; its old and new values keep their SQLite types (a phone `007` stays text). */
const CHANGE = `json_object('id', h.id, 'commandId', h.command_id, 'table', h.tbl, 'record', h.record, 'field', h.field, 'old', h.old, 'new', h.new)`;

/** What `net_command()` says to a write that does not come through `Journal.write`. */
export const OUTSIDE_A_COMMAND = 'net: a record was written outside Journal.write, so it would escape the history';

/** The journal's side of the history: opening commands, reading them back. */
export class History {
  /** The command of the write under way; null between writes. */
  private current: number | null = null;
  /** Records removed in the write under way ("table id" → uuid), for their cascades. */
  private readonly removed = new Map<string, string>();

  constructor(private readonly db: Db) {
    this.attach();
  }

  /** Gives the connection the functions the history's triggers call (again after it changed). */
  attach(): void {
    const raw = this.db.raw;
    raw.function('net_command', () => {
      if (this.current === null) throw new Error(OUTSIDE_A_COMMAND);
      return this.current;
    });
    raw.function('net_removing', (table: unknown, id: unknown, uuid: unknown) => {
      if (this.current === null) throw new Error(OUTSIDE_A_COMMAND);
      this.removed.set(`${String(table)} ${String(id)}`, String(uuid));
      return null;
    });
    raw.function('net_removed', (table: unknown, id: unknown) => this.removed.get(`${String(table)} ${String(id)}`) ?? null);
  }

  /**
   * Opens a command for the write that follows, in its transaction: reuses `id` (a command
   * that writes twice is one command), else records a new one. Returns its id.
   */
  open(argv: readonly string[], id: number | null, uuid: () => string): number {
    let command = id;
    if (command === null) {
      const last = this.db.stmt('SELECT hlc FROM history_commands ORDER BY hlc DESC LIMIT 1').pluck().get() as string | undefined;
      const info = this.db
        .stmt('INSERT INTO history_commands (uuid, hlc, device, argv) VALUES (?, ?, (SELECT value FROM meta WHERE key = ?), ?)')
        .run(uuid(), nextHlc(last ?? null, Date.now()), 'device_id', JSON.stringify(argv));
      command = Number(info.lastInsertRowid);
    }
    this.current = command;
    return command;
  }

  /** Closes the command's write, in its transaction; a command that changed nothing leaves no trace. Returns whether it changed anything. */
  close(command: number): boolean {
    this.release();
    const changed = this.db.stmt('SELECT 1 FROM history_changes WHERE command_id = ? LIMIT 1').get(command) !== undefined;
    if (!changed) this.db.stmt('DELETE FROM history_commands WHERE id = ?').run(command);
    return changed;
  }

  /** Ends the write under way, whether it committed or not: records written from now on are refused. */
  release(): void {
    this.current = null;
    this.removed.clear();
  }

  command(id: number): CommandRow | undefined {
    return this.db.jsonRows<CommandRow>(COMMAND, `${COMMANDS} WHERE c.id = ?`, 'c.id', [id])[0];
  }

  /** Commands newest first (by their place in this journal). */
  commands(limit: number): CommandRow[] {
    return this.db.jsonRows<CommandRow>(COMMAND, COMMANDS, 'c.id DESC LIMIT ?', [limit < 1 ? -1 : limit]);
  }

  /** Commands that `net undo` can take back, newest first: not undone, not an undo, not a sync's (store/sync.ts). */
  undoable(limit: number): CommandRow[] {
    return this.db.jsonRows<CommandRow>(
      COMMAND,
      `${COMMANDS} WHERE c.undone_by IS NULL AND c.undoes IS NULL AND c.id NOT IN (SELECT command_id FROM sync_applied)`,
      'c.id DESC LIMIT ?',
      [limit < 1 ? -1 : limit],
    );
  }

  changes(command: number): ChangeRow[] {
    return this.db.jsonRows<ChangeRow>(CHANGE, 'FROM history_changes h WHERE h.command_id = ?', 'h.id', [command]);
  }

  /** Changes after a command, oldest first. */
  changesAfter(command: number): ChangeRow[] {
    return this.db.jsonRows<ChangeRow>(CHANGE, 'FROM history_changes h WHERE h.command_id > ?', 'h.id', [command]);
  }

  /** Every change that mentions one of these uuids (as its record, or in a reference), newest first. */
  changesMentioning(uuids: readonly string[]): ChangeRow[] {
    if (uuids.length === 0) return [];
    return this.db.jsonRows<ChangeRow>(
      CHANGE,
      `FROM history_changes h WHERE EXISTS (SELECT 1 FROM json_each(?) u
         WHERE h.record = u.value OR instr(h.old, u.value) > 0 OR instr(h.new, u.value) > 0)`,
      'h.id DESC',
      [JSON.stringify(uuids)],
    );
  }

  markUndone(target: number, by: number): void {
    this.db
      .stmt('UPDATE history_commands SET undone_by = (SELECT uuid FROM history_commands WHERE id = ?) WHERE id = ?')
      .run(by, target);
    this.db
      .stmt('UPDATE history_commands SET undoes = (SELECT uuid FROM history_commands WHERE id = ?) WHERE id = ?')
      .run(target, by);
  }
}
