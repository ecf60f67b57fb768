import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { Contacts } from './contacts.js';
import { Db } from './db.js';
import { DueQueries } from './due.js';
import { History } from './history.js';
import { Interactions } from './interactions.js';
import { Jobs } from './jobs.js';
import { Leads } from './leads.js';
import { Ledgers } from './ledger.js';
import { Needs } from './needs.js';
import { Notes } from './notes.js';
import { assertJournalFile, ensureFile, openDatabase, removeCreated } from './open.js';
import { Promises } from './promises.js';
import { randomUuid } from './random.js';
import { Search } from './search.js';

const ROLLBACK = Symbol('rollback');

/** The open journal: one repository per record kind over one connection. */
export class Journal {
  readonly db: Db;
  readonly contacts: Contacts;
  readonly interactions: Interactions;
  readonly leads: Leads;
  readonly ledgers: Ledgers;
  readonly promises: Promises;
  readonly needs: Needs;
  readonly notes: Notes;
  readonly jobs: Jobs;
  readonly search: Search;
  readonly due: DueQueries;
  readonly history: History;
  /** The command line the history records for this process's writes (without --db). */
  command: readonly string[] = [];
  /** The history's command for this process, once a write of it changed something. */
  private commandId: number | null = null;
  /** Contacts this command looked up by what the user typed: id → name. */
  readonly named = new Map<number, string>();

  constructor(
    raw: Database.Database,
    readonly file: string,
  ) {
    this.db = new Db(raw);
    this.contacts = new Contacts(this.db);
    this.interactions = new Interactions(this.db);
    this.leads = new Leads(this.db);
    this.ledgers = new Ledgers(this.db);
    this.promises = new Promises(this.db);
    this.needs = new Needs(this.db);
    this.notes = new Notes(this.db);
    this.jobs = new Jobs(this.db);
    this.search = new Search(this.db);
    this.due = new DueQueries(this.db);
    this.history = new History(this.db);
  }

  /**
   * Opens the journal. One that does not exist yet gets its folder and an empty file at
   * once, so that a place that cannot hold it is refused before the command prints
   * anything; it is held in memory, empty, and written to disk by the first write or when
   * the command succeeds. A command that fails, or a dry run, gives back what it created
   * (`discard`).
   */
  static open(file: string, env: NodeJS.ProcessEnv = {}): Journal {
    if (file === ':memory:' || assertJournalFile(file)) return new Journal(openDatabase(file, env), file);
    const created = ensureFile(file);
    let journal: Journal;
    try {
      journal = new Journal(openDatabase(':memory:'), file);
    } catch (err) {
      // SQLite itself cannot be loaded: nothing was made of the file.
      removeCreated(file, created);
      throw err;
    }
    journal.pending = env;
    journal.created = created;
    return journal;
  }

  /** The folders and file this process created for a journal that was not there (`open`). */
  private created: readonly string[] = [];

  /** The environment to create the file with, while the journal exists only in memory. */
  private pending: NodeJS.ProcessEnv | null = null;

  /** True while the journal has not been written to disk yet. */
  get exists(): boolean {
    return this.pending === null;
  }

  /**
   * Today as net sees it: records written from now on are recorded on this day, and the
   * meetings planned for a day that has come count as contact from now on.
   */
  asOf(today: string): void {
    this.db.today = today;
    if (this.pending !== null || !this.db.raw.open) return;
    try {
      // Most days nothing changes: no write lock, and no empty command in the history.
      if (this.interactions.unsettled(today)) this.write(() => this.settle(today));
    } catch (err) {
      // A journal net may not write (read-only) is still read as it is.
      if (!String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_READONLY')) throw err;
    }
  }

  /**
   * The planned meetings whose day has come are conversations now: each follows its
   * people's open leads, dated its day, as if it had been logged that day.
   */
  private settle(today: string): void {
    for (const id of this.interactions.settle(today)) this.leads.followedBy(id);
  }

  /** Reads a fact about the journal itself. */
  meta(key: string): string | null {
    const r = this.db.stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return r ? r.value : null;
  }

  setMeta(key: string, value: string): void {
    this.write(() => this.db.stmt('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value));
  }

  /**
   * The one door for writes: all of a command's writes land, or none, and they are
   * recorded in the history, in the same transaction, as this process's command (several
   * writes of one command are one command). `fn` gets the command's id in the history.
   * The history's triggers refuse any write to a record that does not come through here.
   */
  write<T>(fn: (command: number) => T): T {
    // A write inside a write is part of it (better-sqlite3 makes it a savepoint).
    if (this.open !== null) return fn(this.open);
    this.materialize();
    let changed = false;
    let id = 0;
    try {
      const result = this.db.write(() => {
        id = this.history.open(this.command, this.commandId, randomUuid);
        this.open = id;
        const r = fn(id);
        changed = this.history.close(id);
        return r;
      });
      if (changed) this.commandId = id;
      return result;
    } finally {
      this.open = null;
      this.history.release();
    }
  }

  /** The history's command of the write under way, if one is. */
  private open: number | null = null;

  /** Set by a dry run on a journal that exists only in memory: the command must not create it. */
  private dryRun = false;

  /** Creates the journal on disk if it exists only in memory so far (and no dry run kept it there). */
  materialize(): void {
    if (this.pending === null || this.dryRun) return;
    this.db.replace(openDatabase(this.file, this.pending));
    this.history.attach();
    this.pending = null;
  }

  /** Runs `fn` as a write that is always rolled back (a dry run): it never creates the file. */
  simulate<T>(fn: () => T): T {
    if (this.pending !== null) this.dryRun = true;
    let result: T | undefined;
    try {
      this.db.write(() => {
        this.history.open(this.command, null, randomUuid);
        result = fn();
        throw ROLLBACK;
      });
    } catch (err) {
      if (err !== ROLLBACK) throw err;
    } finally {
      this.history.release();
    }
    return result as T;
  }

  /** Several reads that must agree with each other (an export), in one read transaction. */
  read<T>(fn: () => T): T {
    return this.db.read(fn);
  }

  /** Which of the contacts the command named are no longer in the journal. */
  vanished(): Array<{ id: number; name: string }> {
    return [...this.named].filter(([id]) => this.contacts.ref(id) === undefined).map(([id, name]) => ({ id, name }));
  }

  close(): void {
    if (this.db.raw.open) this.db.raw.close();
  }

  /**
   * Closes the journal after a command that failed, or a dry run, and removes the file and
   * folders this process created for it, so that it leaves nothing behind. A journal that
   * holds a write (one that landed before the failure, or another net process's) stays.
   */
  discard(): void {
    const created = this.created;
    this.created = [];
    if (created.length === 0) return;
    let unused: boolean;
    try {
      unused = this.pending !== null ? fs.statSync(this.file).size === 0 : this.history.commands(1).length === 0;
    } catch {
      unused = false;
    }
    this.close();
    if (unused) removeCreated(this.file, created);
  }
}
