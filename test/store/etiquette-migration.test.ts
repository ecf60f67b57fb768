// Schema 13 (etiquette), with 10–12 before it, applied to a journal of schema 9 with records in it.
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dueItems } from '../../src/core/due.js';
import { Journal } from '../../src/store/journal.js';
import { migrate } from '../../src/store/migrations/index.js';
import { databaseAt } from './helpers.js';

function schema9(): Database.Database {
  const db = databaseAt(9);
  db.exec(`
    INSERT INTO contacts (id, uuid, name, name_key, met_on, cadence_days, created_at) VALUES
      (1, 'c1', 'Kim', 'kim', '2026-03-01', 90, '2026-03-01T10:00:00Z'),
      (2, 'c2', 'Imported', 'imported', NULL, NULL, '2026-02-01T10:00:00Z'),
      (3, 'c3', 'Old Friend', 'old friend', '2015-09-01', 90, '2026-04-14T10:00:00Z');
    INSERT INTO interactions (id, uuid, on_date, kind, summary, thanks_owed, created_at) VALUES
      (1, 'i1', '2026-03-01', 'coffee', 'first coffee', 1, '2026-03-01T10:00:00Z'),
      (2, 'i2', '2015-09-01', 'meeting', 'college', 1, '2026-04-14T10:00:00Z'),
      (3, 'i3', '2026-03-20', 'email', 'ping', 0, '2026-03-20T10:00:00Z');
    UPDATE interactions SET no_reply = 1 WHERE id = 3;
    INSERT INTO interaction_contacts (interaction_id, contact_id, position) VALUES (1, 1, 0), (2, 3, 0), (3, 1, 0);
    INSERT INTO leads (id, uuid, source_id, what, given_on, status, created_at) VALUES (1, 'l1', 1, 'Acme', '2026-03-01', 'open', '2026-03-01T10:00:00Z');
    INSERT INTO promises (id, uuid, contact_id, what, direction, made_on, by_date, status, closed_on, created_at) VALUES
      (1, 'p1', 1, 'send the deck', 'mine', '2026-03-01', '2026-03-05', 'open', NULL, '2026-03-01T10:00:00Z'),
      (2, 'p2', 1, 'an intro', 'theirs', '2026-03-01', NULL, 'kept', '2026-03-10', '2026-03-01T10:00:00Z');
    INSERT INTO needs (id, uuid, contact_id, what, noted_on, created_at) VALUES (1, 'n1', 1, 'a designer', '2026-03-01', '2026-03-01T10:00:00Z');
  `);
  return db;
}

describe('schema 13 (etiquette) from schema 9 with records', () => {
  it('keeps every record, dates each as recorded on its own day, and changes nothing that is owed', () => {
    const db = schema9();
    const j = new Journal(db, ':memory:');
    expect(migrate(db)).toEqual(expect.arrayContaining([10, 11, 12, 13]));
    const rows = (sql: string) => db.prepare(sql).raw(true).all();
    expect(rows('SELECT id, recorded_on, cadence_pending FROM contacts ORDER BY id')).toEqual([
      [1, '2026-03-01', 0],
      [2, '2026-02-01', 1],
      [3, '2015-09-01', 0],
    ]);
    expect(rows('SELECT id, recorded_on, planned, intro_of, intro_by_me, note FROM interactions ORDER BY id')).toEqual([
      [1, '2026-03-01', 0, null, 0, null],
      [2, '2015-09-01', 0, null, 0, null],
      [3, '2026-03-20', 0, null, 0, null],
    ]);
    expect(rows('SELECT recorded_on, note, news, news_on FROM leads')).toEqual([['2026-03-01', null, null, null]]);
    // Kept promises from before owe no new thank-you.
    expect(rows('SELECT id, recorded_on, thanks_owed, thanked_on FROM promises ORDER BY id')).toEqual([
      [1, '2026-03-01', 0, null],
      [2, '2026-03-01', 0, null],
    ]);
    expect(rows('SELECT recorded_on FROM needs')).toEqual([['2026-03-01']]);
    expect(rows('SELECT id, last_on, interaction_count, last_two_no_reply FROM contacts ORDER BY id')).toEqual([
      [1, '2026-03-20', 2, 0],
      [2, null, 0, 0],
      [3, '2015-09-01', 1, 0],
    ]);
    // What was owed before is owed as it was (records from before count as recorded on their own day).
    expect(dueItems(j.due.input('2026-04-14'), '2026-04-14').map((d) => `${d.id} ${d.kind} ${d.due}`)).toEqual([
      'p1 promise 2026-03-04',
      'i2 thanks 2015-09-01',
      'i1 thanks 2026-03-01',
      'l1 lead 2026-03-04',
      'c3 followup 2015-09-08',
    ]);
  });

  it('the activity triggers it replaces still count, and leave planned meetings out', () => {
    const db = schema9();
    migrate(db);
    const j = new Journal(db, ':memory:');
    j.db.today = '2026-04-14';
    j.write(() => j.interactions.insert({ contactIds: [1], on: '2026-04-20', kind: 'coffee', thanksOwed: true }));
    expect(j.contacts.get(1)?.lastContact).toBe('2026-03-20');
    j.write(() => j.interactions.insert({ contactIds: [1], on: '2026-04-10', kind: 'call', thanksOwed: true, noReply: true }));
    expect(db.prepare('SELECT last_on, interaction_count FROM contacts WHERE id = 1').raw(true).get()).toEqual(['2026-04-10', 3]);
  });
});
