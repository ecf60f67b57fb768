import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { Contacts } from './contacts.js';
import { Db } from './db.js';
import { DueQueries } from './due.js';
import { Interactions } from './interactions.js';
import { Leads } from './leads.js';
import { Ledgers } from './ledger.js';
import { Needs } from './needs.js';
import { assertCreatable, openDatabase } from './open.js';
import { Promises } from './promises.js';
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
  readonly search: Search;
  readonly due: DueQueries;

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
    this.search = new Search(this.db);
    this.due = new DueQueries(this.db);
  }

  /**
   * Opens the journal. One that does not exist yet is held in memory, empty, and created
   * on disk by the first write or when the command succeeds: a failed command creates nothing.
   */
  static open(file: string, env: NodeJS.ProcessEnv = {}): Journal {
    if (file === ':memory:' || existsSync(file)) return new Journal(openDatabase(file, env), file);
    assertCreatable(file);
    const journal = new Journal(openDatabase(':memory:'), file);
    journal.pending = env;
    return journal;
  }

  /** The environment to create the file with, while the journal exists only in memory. */
  private pending: NodeJS.ProcessEnv | null = null;

  /** True while the journal has not been written to disk yet. */
  get exists(): boolean {
    return this.pending === null;
  }

  /** Reads a fact about the journal itself. */
  meta(key: string): string | null {
    const r = this.db.stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return r ? r.value : null;
  }

  setMeta(key: string, value: string): void {
    this.write(() => this.db.stmt('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value));
  }

  /** Every write a command makes goes through here: all of it lands, or none. */
  write<T>(fn: () => T): T {
    this.materialize();
    return this.db.write(fn);
  }

  /** Set by a dry run on a journal that exists only in memory: the command must not create it. */
  private dryRun = false;

  /** Creates the journal on disk if it exists only in memory so far (and no dry run kept it there). */
  materialize(): void {
    if (this.pending === null || this.dryRun) return;
    this.db.replace(openDatabase(this.file, this.pending));
    this.pending = null;
  }

  /** Runs `fn` as a write that is always rolled back (a dry run): it never creates the file. */
  simulate<T>(fn: () => T): T {
    if (this.pending !== null) this.dryRun = true;
    let result: T | undefined;
    try {
      this.db.write(() => {
        result = fn();
        throw ROLLBACK;
      });
    } catch (err) {
      if (err !== ROLLBACK) throw err;
    }
    return result as T;
  }

  /** Several reads that must agree with each other (an export), in one read transaction. */
  read<T>(fn: () => T): T {
    return this.db.read(fn);
  }

  close(): void {
    if (this.db.raw.open) this.db.raw.close();
  }
}
