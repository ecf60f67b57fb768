import { describe, expect, it } from 'vitest';
import { kindOfTable, recordKinds } from '../../src/core/kinds.js';
import { historyTriggerSql, nextHlc, trackedTables } from '../../src/store/history.js';
import { Journal } from '../../src/store/journal.js';
import { tablesReusingIds } from '../../src/store/migrations/008-ids.js';

describe('the history covers every write', () => {
  it('every record table of the schema is a kind (or a kind’s links) and every column is known to core/kinds.ts', () => {
    const j = Journal.open(':memory:');
    for (const t of trackedTables(j.db.raw)) {
      const kind = kindOfTable(t.name);
      expect(kind, `table ${t.name}: add its kind to core/kinds.ts`).toBeDefined();
      if (!kind || kind.table !== t.name) continue;
      const known = new Set([...kind.fields.map((f) => f.column), ...kind.internal, ...kind.derived]);
      const all = j.db.raw.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t.name) as string[];
      expect(all.filter((c) => !known.has(c)), `columns of ${t.name} missing from core/kinds.ts`).toEqual([]);
    }
    expect(recordKinds().map((k) => k.table).sort()).toEqual(
      trackedTables(j.db.raw)
        .filter((t) => t.identity === 'uuid')
        .map((t) => t.name),
    );
  });

  it('has the triggers the live schema calls for, and no table hands out an id twice', () => {
    const j = Journal.open(':memory:');
    const installed = j.db.raw.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'history%' ORDER BY name").pluck().all();
    const wanted = trackedTables(j.db.raw).flatMap(historyTriggerSql);
    expect([...installed].sort()).toEqual([...wanted].sort());
    expect(tablesReusingIds(j.db.raw)).toEqual([]);
  });

  it('refuses a write to a record that does not come through Journal.write', () => {
    const j = Journal.open(':memory:');
    expect(() => j.contacts.insert({ name: 'Dana' })).toThrow(/outside Journal.write/);
    expect(() => j.db.raw.prepare("INSERT INTO contacts (uuid, name, name_key, created_at) VALUES ('u', 'x', 'x', 'now')").run()).toThrow(/outside Journal.write/);
    const id = j.write(() => j.contacts.insert({ name: 'Dana' }));
    expect(() => j.db.raw.prepare('UPDATE contacts SET company = ? WHERE id = ?').run('Acme', id)).toThrow(/outside Journal.write/);
    expect(() => j.db.raw.prepare('DELETE FROM contacts WHERE id = ?').run(id)).toThrow(/outside Journal.write/);
    expect(j.contacts.get(id)?.company).toBeNull();
  });

  it('a command that writes twice is one command; one that changes nothing leaves no trace', () => {
    const j = Journal.open(':memory:');
    j.command = ['add', 'Dana'];
    j.write(() => j.contacts.insert({ name: 'Dana' }));
    j.write(() => j.contacts.insert({ name: 'Eve' }));
    j.write(() => undefined);
    expect(j.history.commands(0).map((c) => c.argv)).toEqual([['add', 'Dana']]);
    expect(j.history.changes(1).map((c) => c.table)).toEqual(['contacts', 'contacts']);
  });
});

describe('hybrid logical clock', () => {
  it.each([
    [null, 1000, '000000000001000.000000'],
    ['000000000001000.000000', 2000, '000000000002000.000000'],
    ['000000000001000.000000', 1000, '000000000001000.000001'],
    ['000000000005000.000041', 1000, '000000000005000.000042'],
  ])('after %s at %d ms reads %s', (last, now, want) => {
    expect(nextHlc(last, now)).toBe(want);
  });
});
