import type Database from 'better-sqlite3';
import { localToday } from '../core/dates.js';
import { normalizeText } from '../core/names.js';
import type { IsoDate } from '../core/types.js';
import { randomUuid } from './random.js';

/** A connection with each statement prepared once per process. */
export class Db {
  private readonly cache = new Map<string, Database.Statement>();

  /**
   * Today as net sees it (NET_TODAY when set): the day each record written now is recorded
   * on (`recorded_on`), before which nothing it owes falls due. Set by the command's context.
   */
  today: IsoDate = localToday(new Date());

  constructor(private connection: Database.Database) {}

  get raw(): Database.Database {
    return this.connection;
  }

  /** Moves to another connection (a journal created on its first write). */
  replace(connection: Database.Database): void {
    this.cache.clear();
    this.connection.close();
    this.connection = connection;
  }

  stmt(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.raw.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  /**
   * Adds a record to `table`: its `fields` by column, with the uuid, creation time and day
   * recorded that a restored record keeps (`meta`) and a new one is given. Returns its id.
   */
  insert(table: string, fields: Row, meta: InsertMeta = {}): number {
    const row = { uuid: meta.uuid ?? randomUuid(), ...fields, created_at: meta.createdAt ?? nowStamp(), recorded_on: meta.recordedOn ?? this.today };
    const columns = Object.keys(row);
    return Number(this.stmt(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (@${columns.join(', @')})`).run(row).lastInsertRowid);
  }

  /** Runs `fn` in an IMMEDIATE transaction: it takes the write lock up front, so two
   *  processes that read then write wait for each other instead of failing. */
  write<T>(fn: () => T): T {
    return this.raw.transaction(fn).immediate();
  }

  /**
   * The one way rows become records: `object` is a `json_object(...)` for each row of
   * `from` (its FROM and WHERE), in the order `orderBy` gives. SQLite shapes each record and
   * V8 parses them all in one call, which for thousands of rows costs well under half of
   * converting every value. The order is the statement's own ORDER BY, which SQLite can
   * read off an index or sort with its sorter; an ORDER BY inside `group_concat` builds a
   * temporary b-tree of whole records instead, two thirds of `net list`'s query at 10,000 contacts.
   */
  jsonRows<T>(object: string, from: string, orderBy: string, params: Record<string, unknown> | unknown[] = []): T[] {
    const records = this.stmt(`SELECT ${object} ${from} ORDER BY ${orderBy}`)
      .pluck()
      .all(...(Array.isArray(params) ? params : [params])) as string[];
    return JSON.parse(`[${records.join(',')}]`) as T[];
  }

  /**
   * Like `jsonRows`, one record at a time: for reading everything (an export) without the
   * one string `jsonRows` builds, which a large journal would take past V8's string limit.
   * No other statement may run on the connection until the iteration ends.
   */
  *jsonEach<T>(object: string, from: string, orderBy: string): Generator<T> {
    for (const j of this.stmt(`SELECT ${object} ${from} ORDER BY ${orderBy}`).pluck(true).iterate() as IterableIterator<string>) yield JSON.parse(j) as T;
  }

  /** Runs `fn` in one read transaction, so that several queries see one moment of the journal. */
  read<T>(fn: () => T): T {
    return this.raw.transaction(fn).deferred();
  }
}

export function nowStamp(): string {
  return new Date().toISOString();
}

export type Row = Record<string, unknown>;

/** What a repository's insert takes besides the fields: a restored record keeps its own. */
export interface InsertMeta {
  uuid?: string;
  createdAt?: string;
  /** The day it was recorded; default: today as net sees it. */
  recordedOn?: IsoDate;
}

/** Text as a record keeps it: normalized and trimmed, null when nothing is left. */
export function clean(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  return normalizeText(v).trim() || null;
}

export function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}
