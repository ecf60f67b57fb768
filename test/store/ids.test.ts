import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tablesReusingIds } from '../../src/store/migrations/008-ids.js';
import { migrate } from '../../src/store/migrations/index.js';
import { configure } from '../../src/store/open.js';

function memory(): Database.Database {
  const db = new Database(':memory:');
  configure(db);
  return db;
}

const objects = (db: Database.Database) =>
  db.prepare("SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name").all();

describe('ids are never reused (schema 8)', () => {
  it('every table with an integer id hands out ids with AUTOINCREMENT', () => {
    const db = memory();
    migrate(db, 7);
    expect(tablesReusingIds(db)).toEqual(['contacts', 'interactions', 'leads', 'needs', 'promises']);
    migrate(db);
    expect(tablesReusingIds(db)).toEqual([]);
  });

  it('keeps every row, id, reference, index and trigger of a journal from before it', () => {
    const db = memory();
    migrate(db, 7);
    const insert = (sql: string) => Number(db.prepare(sql).run().lastInsertRowid);
    for (let i = 1; i <= 4; i++) insert(`INSERT INTO contacts (uuid, name, name_key, created_at) VALUES ('c${i}', 'P${i}', 'p${i}', '2026-01-01')`);
    db.prepare('DELETE FROM contacts WHERE id = 2').run();
    const x = insert("INSERT INTO interactions (uuid, on_date, kind, thanks_owed, created_at) VALUES ('x1', '2026-02-01', 'call', 1, '2026-02-01')");
    db.prepare('INSERT INTO interaction_contacts (interaction_id, contact_id) VALUES (?, 4), (?, 3)').run(x, x);
    insert("INSERT INTO leads (uuid, source_id, what, person_id, given_on, created_at) VALUES ('l1', 3, 'Acme', 4, '2026-02-01', '2026-02-01')");
    insert("INSERT INTO promises (uuid, contact_id, what, direction, made_on, created_at) VALUES ('p1', 4, 'deck', 'mine', '2026-02-01', '2026-02-01')");
    insert("INSERT INTO needs (uuid, contact_id, what, noted_on, created_at) VALUES ('n1', 4, 'intro', '2026-02-01', '2026-02-01')");
    const dump = () =>
      ['contacts', 'interactions', 'interaction_contacts', 'leads', 'promises', 'needs'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all());
    const before = dump();
    const dependents = objects(db);
    migrate(db, 8);
    expect(dump()).toEqual(before);
    expect(objects(db)).toEqual(dependents);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // The triggers still work: the activity columns follow a new interaction, search finds it.
    const y = insert("INSERT INTO interactions (uuid, on_date, kind, summary, thanks_owed, created_at) VALUES ('x2', '2026-03-01', 'call', 'zebra', 1, '2026-03-01')");
    db.prepare('INSERT INTO interaction_contacts (interaction_id, contact_id) VALUES (?, 3)').run(y);
    expect(db.prepare('SELECT last_on FROM contacts WHERE id = 3').pluck().get()).toBe('2026-03-01');
    expect(db.prepare("SELECT count(*) FROM search WHERE search MATCH 'zebra'").pluck().get()).toBe(1);
    // And the newest contact, once deleted, keeps its id to itself.
    db.prepare('DELETE FROM contacts WHERE id = 4').run();
    expect(insert("INSERT INTO contacts (uuid, name, name_key, created_at) VALUES ('c5', 'P5', 'p5', '2026-01-01')")).toBe(5);
    // Deleting a contact still deletes what was only theirs (foreign keys are on again).
    expect(db.prepare('SELECT count(*) FROM promises').pluck().get()).toBe(0);
  });
});
