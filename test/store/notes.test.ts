import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/store/journal.js';
import { migrate } from '../../src/store/migrations/index.js';
import { tablesReusingIds } from '../../src/store/migrations/008-ids.js';
import { configure } from '../../src/store/open.js';

function memory(): Database.Database {
  const db = new Database(':memory:');
  configure(db);
  return db;
}

describe('dated notes (schema 11)', () => {
  it('migrates a schema 9 journal with data in it: records kept, notes added, searchable, ids never reused', () => {
    const db = memory();
    migrate(db, 9);
    db.prepare("INSERT INTO contacts (uuid, name, name_key, company, created_at) VALUES ('u1', 'José Núñez', 'jose nunez', 'Acme', '2026-01-01T00:00:00Z')").run();
    db.prepare("INSERT INTO needs (uuid, contact_id, what, noted_on, status, created_at) VALUES ('n1', 1, 'a designer', '2026-01-02', 'open', '2026-01-02T00:00:00Z')").run();
    migrate(db);
    const j = new Journal(db, ':memory:');
    expect(j.contacts.get(1)?.name).toBe('José Núñez');
    expect(j.needs.forContact(1).map((n) => n.what)).toEqual(['a designer']);
    expect(tablesReusingIds(db)).toEqual([]);

    const older = j.write(() => j.notes.insert({ contactId: 1, text: 'likes climbing', on: '2026-02-01' }));
    const newer = j.write(() => j.notes.insert({ contactId: 1, text: 'moved to Lisbon', on: '2026-03-01' }));
    const sameDay = j.write(() => j.notes.insert({ contactId: 1, text: 'new job at Initech', on: '2026-03-01' }));
    expect(j.notes.forContact(1).map((m) => m.id)).toEqual([sameDay, newer, older]);
    expect(j.notes.get(newer)).toMatchObject({ uuid: expect.any(String), contact: { id: 1, name: 'José Núñez' }, on: '2026-03-01', text: 'moved to Lisbon' });
    expect([...j.search.explained('lisbon').keys()]).toEqual([1]);
    expect(j.search.explained('lisbon').get(1)?.[0]?.record.record).toBe(`m${newer}`);

    // Deleting the newest note and adding another does not hand out its id again.
    j.write(() => db.prepare('DELETE FROM notes WHERE id = ?').run(sameDay));
    expect(j.search.explained('initech').size).toBe(0);
    const next = j.write(() => j.notes.insert({ contactId: 1, text: 'again', on: '2026-03-02' }));
    expect(next).toBeGreaterThan(sameDay);
  });

  it('a contact removed takes their notes along', () => {
    const j = new Journal(memory(), ':memory:');
    migrate(j.db.raw);
    const id = j.write(() => j.contacts.insert({ name: 'Dana' }));
    j.write(() => j.notes.insert({ contactId: id, text: 'x', on: '2026-01-01' }));
    j.write(() => j.contacts.remove(id));
    expect(j.notes.all()).toEqual([]);
    expect([...j.search.explained('x').keys()]).toEqual([]);
  });

  it('refuses a note without text', () => {
    const j = new Journal(memory(), ':memory:');
    migrate(j.db.raw);
    const id = j.write(() => j.contacts.insert({ name: 'Dana' }));
    expect(() => j.write(() => j.notes.insert({ contactId: id, text: '   ', on: '2026-01-01' }))).toThrow(RangeError);
  });
});
