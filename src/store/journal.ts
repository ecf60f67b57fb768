import type Database from 'better-sqlite3';
import { Contacts } from './contacts.js';
import { Db } from './db.js';
import { DueQueries } from './due.js';
import { Interactions } from './interactions.js';
import { Leads } from './leads.js';
import { Needs } from './needs.js';
import { openDatabase } from './open.js';
import { Promises } from './promises.js';
import { Search } from './search.js';

/** The open journal: one repository per record kind over one connection. */
export class Journal {
  readonly db: Db;
  readonly contacts: Contacts;
  readonly interactions: Interactions;
  readonly leads: Leads;
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
    this.promises = new Promises(this.db);
    this.needs = new Needs(this.db);
    this.search = new Search(this.db);
    this.due = new DueQueries(this.db, this.interactions, this.leads, this.promises);
  }

  static open(file: string, env: NodeJS.ProcessEnv = {}): Journal {
    return new Journal(openDatabase(file, env), file);
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
    return this.db.write(fn);
  }

  close(): void {
    if (this.db.raw.open) this.db.raw.close();
  }
}
