// End to end: ids that never move, the change history, undo, and edit/rm of every record kind.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { type ShowJson, cleanupJournals, tempJournal } from './helpers.js';

afterAll(cleanupJournals);

interface HistoryJson {
  id: number;
  uuid: string;
  command: string;
  argv: string[];
  at: string;
  hlc: string;
  device: string;
  undoes: number | null;
  undone_by: number | null;
  changes: Array<{ record: string | null; kind: string; uuid: string; field: string | null; old: unknown; new: unknown }>;
}

describe('ids are never reused', () => {
  it('after net rm, a new contact gets a new id', () => {
    const j = tempJournal();
    j.ok('add', 'Ann');
    j.ok('add', 'Ben');
    j.ok('rm', 'Ben', '--yes');
    expect(j.ok('add', 'Cy').stdout).toMatch(/#3\b/);
  });

  it('after net merge, and after undoing an add, the ids used stay used; undoing a removal brings the same id back', () => {
    const j = tempJournal();
    j.ok('add', 'Ann');
    j.ok('add', 'Ann B');
    j.ok('merge', 'Ann', 'Ann B', '--yes');
    expect(j.ok('add', 'Cy').stdout).toMatch(/#3\b/);
    j.ok('undo');
    expect(j.ok('add', 'Dee').stdout).toMatch(/#4\b/);
    j.ok('log', 'Dee', 'coffee', '--kind', 'coffee');
    j.ok('undo');
    expect(j.ok('log', 'Dee', 'tea', '--kind', 'coffee').stdout).toMatch(/\bi2\b/);
    // Undoing the merge brings Ann B back as #2.
    j.ok('rm', 'Dee', '--yes');
    j.ok('undo');
    expect(j.json<ShowJson>('show', '4', '--json').name).toBe('Dee');
  });
});

describe('net undo', () => {
  it('says what it reverted, walks back when repeated, and is itself in the history', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', '--company', 'Acme');
    j.ok('log', 'Dana', 'coffee at Bennu', '--kind', 'coffee');
    j.ok('edit', 'Dana', '--company', 'Dell');
    expect(j.ok('undo').stdout).toBe('Undid "net edit Dana --company Dell": changed #1 (company).\n');
    expect(j.ok('undo').stdout).toBe(`Undid "net log Dana 'coffee at Bennu' --kind coffee": removed i1.\n`);
    expect(j.json<ShowJson>('show', 'Dana', '--json')).toMatchObject({ company: 'Acme', interactions: [] });
    expect(j.ok('undo').stdout).toBe(`Undid "net add 'Dana Whitfield' --company Acme": removed #1.\n`);
    expect(j.ok('undo').stdout).toMatch(/^Nothing left to undo/);
    const history = j.json<HistoryJson[]>('history', '--json');
    expect(history.map((h) => [h.command, h.undoes, h.undone_by])).toEqual([
      ['net undo', 1, null],
      ['net undo', 2, null],
      ['net undo', 3, null],
      ['net edit Dana --company Dell', null, 4],
      ["net log Dana 'coffee at Bennu' --kind coffee", null, 5],
      ["net add 'Dana Whitfield' --company Acme", null, 6],
    ]);
  });

  it('--list shows the last 20 commands that can be undone, newest first', () => {
    const j = tempJournal();
    for (let i = 1; i <= 22; i++) j.ok('add', `P${i}`);
    j.ok('undo');
    const lines = j.ok('undo', '--list').stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toMatch(/^\s+21\s.*net add P21 {2}— added #21$/);
    expect(lines[19]).toMatch(/^\s+2\s.*net add P2 {2}— added #2$/);
    expect(lines[20]).toBe('Next: net undo (takes back 21)');
  });

  it('refuses, with a clear sentence, when a later command changed the same records; works once that one is undone', () => {
    const j = tempJournal();
    j.ok('add', 'Dana');
    j.ok('log', 'Dana', 'call', '--kind', 'call');
    j.ok('thank', 'Dana');
    const refused = j.net('undo', '2');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe('net: Cannot undo "net log Dana call --kind call": a later command, "net thank Dana" (3), changed i1 too. Undo that one first (net undo 3), then this one.\n');
    expect(j.json<ShowJson>('show', 'Dana', '--json').interactions).toHaveLength(1);
    j.ok('undo', '3');
    expect(j.ok('undo', '2').stdout).toBe('Undid "net log Dana call --kind call": removed i1.\n');
    // Removing a contact that a later command refers to is refused too.
    j.ok('add', 'Eve');
    j.ok('need', 'Eve', 'a mentor');
    expect(j.net('undo', '6').stderr).toMatch(/^net: Cannot undo "net add Eve": a later command, "net need Eve 'a mentor'" \(7\)/);
  });

  it('refuses what is not a command it can take back', () => {
    const j = tempJournal();
    j.ok('add', 'Dana');
    j.ok('undo');
    expect(j.net('undo', '1').stderr).toMatch(/^net: Command 1 was already undone \(by 2\)/);
    expect(j.net('undo', '2').stderr).toMatch(/^net: Command 2 was itself an undo/);
    expect(j.net('undo', 'x9').code).toBe(2);
  });
});

describe('net history', () => {
  it('records per record its uuid, field, old and new value, a hybrid clock, the device and the command line without --db', () => {
    const j = tempJournal();
    j.ok('--db', j.db, 'add', 'Dana', '--company', 'Acme');
    j.ok('edit', `--db=${j.db}`, 'Dana', '--company', 'Dell');
    const [edit, add] = j.json<HistoryJson[]>('history', 'Dana', '--json');
    expect(add?.argv).toEqual(['add', 'Dana', '--company', 'Acme']);
    expect(edit?.argv).toEqual(['edit', 'Dana', '--company', 'Dell']);
    expect(edit?.changes).toEqual([{ record: '#1', kind: 'contact', uuid: add?.changes[0]?.uuid, field: 'company', old: 'Acme', new: 'Dell' }]);
    expect(add?.changes[0]).toMatchObject({ record: '#1', kind: 'contact', field: null, old: null, new: { id: 1, name: 'Dana', company: 'Acme' } });
    expect((edit?.hlc ?? '') > (add?.hlc ?? '')).toBe(true);
    expect(edit?.hlc).toMatch(/^\d{15}\.\d{6}$/);
    const db = new Database(j.db, { readonly: true });
    const device = db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get();
    db.close();
    expect(edit?.device).toBe(device);
    expect(add?.device).toBe(device);
  });

  it('keeps order when the clock steps back: the hybrid clock counts on from the last reading', () => {
    const j = tempJournal();
    j.ok('add', 'Dana');
    // A reading from the future, as another device with a clock ahead would leave.
    const db = new Database(j.db);
    db.prepare("UPDATE history_commands SET hlc = '999999999999999.000007'").run();
    db.close();
    j.ok('add', 'Eve');
    const [eve] = j.json<HistoryJson[]>('history', '--json');
    expect(eve?.hlc).toBe('999999999999999.000008');
  });

  it('shows what changed, when and by which command, for everyone or for one contact or record', () => {
    const j = tempJournal();
    j.ok('add', 'Dana', '--company', 'Acme');
    j.ok('add', 'Ben');
    j.ok('log', 'Dana', 'call', '--kind', 'call', '--with', 'Ben');
    j.ok('edit', 'Ben', '--role', 'CTO');
    const all = j.ok('history').stdout;
    expect(all).toMatch(/^ {3}4 {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}net edit Ben --role CTO\n {8}#2 role: \(none\) → CTO\n/);
    const dana = j.ok('history', 'Dana').stdout.split('\n');
    expect(dana.filter((l) => l.includes('net '))).toEqual([expect.stringContaining('net log Dana call --kind call --with Ben'), expect.stringContaining('net add Dana --company Acme')]);
    expect(dana).toContain('        i1 people: added Dana (#1)');
    expect(j.ok('history', 'i1').stdout).toContain('        added i1');
    expect(j.net('history', 'i9').code).toBe(2);
  });
});
