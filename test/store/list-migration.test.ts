// Schema 20 (the list's index) applied to a journal of schema 19 with contacts in it.
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/store/journal.js';
import { migrate } from '../../src/store/migrations/index.js';
import { databaseAt } from './helpers.js';

/** The statements `fn` prepares, in order. */
function prepared(db: Database.Database, fn: () => void): string[] {
  const seen: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => (seen.push(sql), prepare(sql))) as typeof db.prepare;
  try {
    fn();
  } finally {
    db.prepare = prepare;
  }
  return seen;
}

describe('schema 20 (list index) from schema 19 with contacts', () => {
  it('lists the same contacts, read from the index alone, and keeps it as contacts change', () => {
    const db = databaseAt(19);
    const old = new Journal(db, ':memory:');
    old.db.today = '2026-04-14';
    const kim = old.write(() => old.contacts.insert({ name: 'Kim Ode', company: 'Acme', role: 'Data lead', tags: ['recruiter'] }));
    const ana = old.write(() => old.contacts.insert({ name: 'Ána Berg', company: 'Initech' }));
    old.write(() => old.contacts.insert({ name: 'Bo Archived', archived: true }));
    old.write(() => old.interactions.insert({ contactIds: [kim], on: '2026-04-10', kind: 'coffee', thanksOwed: false }));
    const before = old.contacts.summaries();
    expect(before.map((c) => c.name)).toEqual(['Ána Berg', 'Kim Ode']);
    const withArchived = old.contacts.summaries({ includeArchived: true });

    // Schema 20 first; later migrations may follow it.
    expect(migrate(db)[0]).toBe(20);
    const j = new Journal(db, ':memory:');
    j.db.today = '2026-04-14';
    let after: unknown;
    const statements = prepared(db, () => (after = j.contacts.summaries()));
    expect(after).toEqual(before);
    expect(j.contacts.summaries({ includeArchived: true })).toEqual(withArchived);
    // Every column the list shows is in the index: a column added to the list but not to
    // the index would send SQLite back to each contact's table page.
    const plan = statements.flatMap((sql) => db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail);
    expect(plan).toEqual(['SCAN c USING COVERING INDEX contacts_list']);

    j.write(() => j.interactions.insert({ contactIds: [ana], on: '2026-04-12', kind: 'call', thanksOwed: false }));
    j.write(() => j.contacts.update(kim, { archived: true }));
    expect(j.contacts.summaries()).toEqual([{ ...before[0], lastContact: '2026-04-12' }]);
  });
});
