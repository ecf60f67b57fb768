// Schema 18 (the history's per-write state in the connection) applied to a journal of
// schema 17 with records and history in it.
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/store/journal.js';
import { migrate } from '../../src/store/migrations/index.js';
import { findConflict, revert } from '../../src/store/undo.js';
import { databaseAt } from './helpers.js';

const tables = (db: Database.Database) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'history%' ORDER BY name").pluck().all();

describe('schema 18 (history state) from schema 17 with records and history', () => {
  it('keeps every command and change, and a command from before it can still be undone', () => {
    const db = databaseAt(17);
    expect(tables(db)).toEqual(['history_changes', 'history_commands', 'history_removed', 'history_session']);
    const before = new Journal(db, ':memory:');
    before.db.today = '2026-04-14';
    before.command = ['add', 'Kim'];
    const kim = before.write(() => before.contacts.insert({ name: 'Kim', company: 'Acme' }));
    const eve = before.write(() => before.contacts.insert({ name: 'Eve', introducedBy: kim }));
    before.write(() => before.interactions.insert({ contactIds: [kim, eve], on: '2026-04-10', kind: 'coffee', thanksOwed: true }));
    // Removing Kim cascades to her part in the coffee and to Eve's introducer: the removed
    // contact's uuid must reach those changes.
    const rm = new Journal(db, ':memory:');
    rm.command = ['rm', 'Kim'];
    rm.write(() => rm.contacts.remove(kim));
    const history = (sql: string) => db.prepare(sql).raw(true).all() as unknown[][];
    const commands = history('SELECT * FROM history_commands ORDER BY id');
    const changes = history('SELECT * FROM history_changes ORDER BY id');
    const kimUuid = (changes.find((c) => c[2] === 'contacts' && c[4] === null && c[5] === null) as unknown[])[3];
    expect(changes.filter((c) => c[1] === 2 && c[4] === 'introduced_by')).toEqual([[expect.any(Number), 2, 'contacts', expect.any(String), 'introduced_by', kimUuid, null]]);

    // Schema 18 first; later migrations may follow it.
    expect(migrate(db)[0]).toBe(18);
    expect(tables(db)).toEqual(['history_changes', 'history_commands']);
    expect(history('SELECT * FROM history_commands ORDER BY id')).toEqual(commands);
    expect(history('SELECT * FROM history_changes ORDER BY id')).toEqual(changes);

    const j = new Journal(db, ':memory:');
    j.db.today = '2026-04-14';
    j.command = ['undo'];
    const target = j.history.undoable(1)[0];
    expect(target?.argv).toEqual(['rm', 'Kim']);
    if (!target) return;
    expect(findConflict(j.db, j.history, target)).toBeNull();
    const undo = j.write((command) => {
      revert(j.db, j.history.changes(target.id));
      j.history.markUndone(target.id, command);
      return command;
    });
    expect(j.contacts.get(kim)?.name).toBe('Kim');
    expect(j.contacts.get(eve)?.introducedBy?.id).toBe(kim);
    expect(db.prepare('SELECT contact_id FROM interaction_contacts ORDER BY position').pluck().all()).toEqual([kim, eve]);
    expect(j.history.changes(undo).length).toBeGreaterThan(0);
    expect(() => db.prepare('UPDATE contacts SET company = ? WHERE id = ?').run('Initech', kim)).toThrow(/outside Journal.write/);
    // Removed again under schema 18: the cascades still name Kim by her uuid.
    const again = new Journal(db, ':memory:');
    again.command = ['rm', 'Kim'];
    const id = again.write((command) => (again.contacts.remove(kim), command));
    expect(history(`SELECT tbl, field, old FROM history_changes WHERE command_id = ${id} AND (field = 'introduced_by' OR tbl = 'interaction_contacts')`)).toEqual([
      ['contacts', 'introduced_by', kimUuid],
      ['interaction_contacts', null, expect.stringContaining(`"contact_id":"${String(kimUuid)}"`)],
    ]);
  });
});
