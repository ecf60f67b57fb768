// Issue 13, item 5: dated notes (`net note`), in net show, net find, the backup and merge.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ShowJson, STACK_LINE, byName, cleanupJournals, tempJournal } from './helpers.js';

afterAll(cleanupJournals);

interface NoteJson {
  id: number;
  uuid: string;
  contact: { id: number; name: string };
  on: string;
  text: string;
}
type CardJson = ShowJson & { dated_notes: NoteJson[] };

function withDana() {
  const j = tempJournal();
  j.ok('add', 'Dana Whitfield', '--note', 'the main note');
  return j;
}

describe('net note', () => {
  it('adds dated notes that net show lists newest first, in text and JSON', () => {
    const j = withDana();
    const before = j.json<CardJson>('show', 'Dana', '--json');
    const a = j.ok('note', 'Dana', 'moved to the platform team', '--on', 'last tuesday');
    const b = j.ok('note', 'dana', 'her daughter starts college in the fall');
    const c = j.ok('note', 'Dana Whitfield', 'likes climbing', '--on', '2026-09-01');
    for (const r of [a, b, c]) expect(r.stdout).toMatch(/^Added note m\d+ for Dana Whitfield \(\d{4}-\d{2}-\d{2}\)\.\nNext: net show \d+$/m);
    const card = j.json<CardJson>('show', 'Dana', '--json');
    expect(card.notes).toBe('the main note');
    expect(card.dated_notes.map((m) => [m.on, m.text])).toEqual([
      ['2026-10-01', 'her daughter starts college in the fall'],
      ['2026-09-29', 'moved to the platform team'],
      ['2026-09-01', 'likes climbing'],
    ]);
    for (const m of card.dated_notes) {
      expect(Object.keys(m).sort()).toEqual(['contact', 'id', 'on', 'text', 'uuid']);
      expect(m.contact).toEqual({ id: card.id, name: 'Dana Whitfield' });
    }
    const text = j.ok('show', 'Dana').stdout;
    const at = text.indexOf('Dated notes');
    expect(at).toBeGreaterThan(0);
    const lines = text.slice(at).split('\n').slice(1, 4);
    expect(lines).toEqual([
      `  2026-10-01  m${card.dated_notes[0]?.id}`.padEnd(20) + 'her daughter starts college in the fall',
      `  2026-09-29  m${card.dated_notes[1]?.id}`.padEnd(20) + 'moved to the platform team',
      `  2026-09-01  m${card.dated_notes[2]?.id}`.padEnd(20) + 'likes climbing',
    ]);
    // A note is not a conversation: nothing is owed, nothing changes the last contact.
    expect(card.interactions).toEqual(before.interactions);
    expect(card.last_contact).toBe(before.last_contact);
    expect(card.due).toEqual(before.due);
  });

  it('edit --note still replaces the main note and leaves the dated ones', () => {
    const j = withDana();
    j.ok('note', 'Dana', 'moved to the platform team');
    j.ok('edit', 'Dana', '--note', 'a new main note');
    const card = j.json<CardJson>('show', 'Dana', '--json');
    expect(card.notes).toBe('a new main note');
    expect(card.dated_notes.map((m) => m.text)).toEqual(['moved to the platform team']);
  });

  it.each([
    [['note', 'Dana', 'x', '--on', 'someday soonish'], /--on "someday soonish" is not a date/],
    [['note', 'Dana', '   '], /Say what the note says/],
    [['note', 'Dnaa', 'x'], /No contact matches "Dnaa"\. Did you mean Dana Whitfield \(#1\)\?/],
    [['note', 'Dana'], /missing required argument/],
  ])('net %j exits 2 and changes nothing', (args, message) => {
    const j = withDana();
    const before = j.snapshot();
    const r = j.net(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(j.snapshot()).toEqual(before);
  });

  it('net find finds a note and names it by its id', () => {
    const j = withDana();
    j.ok('note', 'Dana', 'her daughter starts college in the fall');
    const id = j.json<CardJson>('show', 'Dana', '--json').dated_notes[0]?.id;
    expect(j.ok('find', 'college').stdout).toContain(`  m${id}    note 2026-10-01: her daughter starts [college] in the fall`);
    const found = j.json<Array<{ name: string; matches: unknown[] }>>('find', 'college', '--json');
    expect(found[0]?.matches).toEqual([{ record: `m${id}`, field: 'text', text: 'her daughter starts college in the fall' }]);
  });

  it('merge moves the notes to the contact kept; rm takes them away', () => {
    const j = withDana();
    j.ok('add', 'Dana W', '--new');
    j.ok('note', 'Dana W', 'met at PyData');
    const r = j.ok('merge', 'Dana Whitfield', 'Dana W', '--yes');
    expect(r.stdout).toContain('1 note');
    expect(j.json<CardJson>('show', 'Dana Whitfield', '--json').dated_notes.map((m) => m.text)).toEqual(['met at PyData']);
    j.ok('rm', 'Dana Whitfield', '--yes');
    expect(j.ok('find', 'pydata').stdout).toContain('Nothing in the journal matches');
  });

  it('has help with examples, and shell completion knows it', () => {
    const j = tempJournal();
    const help = j.ok('note', '--help').stdout;
    expect(help).toMatch(/Examples:[\s\S]*net note Dana "moved to the platform team"/);
    expect(help).toContain('--on');
    for (const shell of ['bash', 'zsh', 'fish']) expect(j.ok('completion', shell).stdout).toMatch(/\bnote\b/);
    expect(j.ok('--help').stdout).toMatch(/^\s+note\b/m);
  });
});

describe('notes in the backup (format version 2 and later)', () => {
  it('export has them; importing into an empty journal and exporting again gives the same records', () => {
    const j = withDana();
    j.ok('note', 'Dana', 'moved to the platform team', '--on', '2026-09-20');
    j.ok('note', 'Dana', 'line one\nline two');
    const file = path.join(j.dir, 'backup.json');
    j.ok('export', '-o', file);
    const backup = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: number; notes: Array<Record<string, unknown>>; contacts: Array<{ uuid: string }> };
    // Notes came with version 2; a later version (applications: 3) still carries them.
    expect(backup.version).toBeGreaterThanOrEqual(2);
    expect(backup.notes).toEqual([
      { uuid: expect.any(String), contact: backup.contacts[0]?.uuid, on: '2026-09-20', text: 'moved to the platform team' },
      { uuid: expect.any(String), contact: backup.contacts[0]?.uuid, on: '2026-10-01', text: 'line one\nline two' },
    ]);
    const k = tempJournal();
    expect(k.ok('import', file).stdout).toContain('2 notes');
    const again = path.join(k.dir, 'again.json');
    k.ok('export', '-o', again);
    const strip = (f: string) => ({ ...(JSON.parse(fs.readFileSync(f, 'utf8')) as Record<string, unknown>), exported_at: null });
    expect(strip(again)).toEqual(strip(file));
    // Importing the same file twice adds nothing.
    expect(k.ok('import', file).stdout).not.toContain('note');
    expect(k.json<CardJson>('show', 'Dana', '--json').dated_notes).toHaveLength(2);
  });

  it('a version 1 backup (no notes) still imports', () => {
    const j = tempJournal();
    const file = path.join(j.dir, 'v1.json');
    const contact = { uuid: '11111111-1111-4111-8111-111111111111', name: 'Old Friend', tags: [], archived: false };
    fs.writeFileSync(file, JSON.stringify({ format: 'net-journal', version: 1, exported_at: '2026-01-01T00:00:00Z', contacts: [contact], interactions: [], leads: [], promises: [], needs: [] }));
    j.ok('import', file);
    expect(byName(j, 'Old Friend').uuid).toBe(contact.uuid);
  });

  it('a version 2 backup without its notes list, or with a note about nobody, is refused and imports nothing', () => {
    const j = tempJournal();
    const contact = { uuid: '11111111-1111-4111-8111-111111111111', name: 'Old Friend' };
    const NOTE_UUID = '33333333-3333-4333-8333-333333333333';
    const NOBODY = '22222222-2222-4222-8222-222222222222';
    const base = { format: 'net-journal', version: 2, exported_at: '2026-01-01T00:00:00Z', contacts: [contact], interactions: [], leads: [], promises: [], needs: [] };
    const cases: Array<[unknown, RegExp]> = [
      [base, /no "notes" list/],
      [{ ...base, notes: [{ uuid: NOTE_UUID, contact: NOBODY, on: '2026-01-01', text: 'x' }] }, /notes\[0\] has "contact" 22222222-2222-4222-8222-222222222222, which is no contact/],
      [{ ...base, notes: [{ uuid: NOTE_UUID, contact: contact.uuid, on: '2026-02-30', text: 'x' }] }, /notes\[0\] has "on" "2026-02-30"/],
      [{ ...base, notes: [{ uuid: NOTE_UUID, contact: contact.uuid, on: '2026-02-01', text: '' }] }, /notes\[0\] needs "text"/],
    ];
    for (const [doc, message] of cases) {
      const file = path.join(j.dir, 'bad.json');
      fs.writeFileSync(file, JSON.stringify(doc));
      const r = j.net('import', file);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(fs.existsSync(j.db)).toBe(false);
    }
  });
});
