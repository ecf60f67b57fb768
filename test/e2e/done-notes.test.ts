// `net done <id> "<note>"` keeps the note on the record it closes or creates, as `note` in
// JSON, for every kind of item: p, i, i<id>c<id>, l, c (the check-in it logs), j, j<id>c<id>.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupJournals, type ShowJson, tempJournal, type TempJournal } from './helpers.js';

afterEach(cleanupJournals);

type Noted = { id: number; note: string | null; summary?: string | null };
type Card = ShowJson & { interactions: Noted[]; leads: Noted[]; promises: Noted[] };

/** Ann, Bob, Cy; a promise of each kind, a coffee and a panel, two leads and an offer. */
function journal(): TempJournal {
  const j = tempJournal({ today: '2026-11-23' });
  for (const name of ['Ann', 'Bob', 'Cy']) j.ok('add', name, '--every', '30d');
  j.ok('promise', 'Ann', 'send the deck');
  j.ok('promise', 'Bob', 'an intro', '--theirs', '--on', '2026-11-01');
  j.ok('promise', 'Cy', 'a referral', '--theirs');
  j.ok('promise', 'kept', 'p3');
  j.ok('log', 'Ann', 'coffee', '--kind', 'coffee');
  j.ok('log', 'Ann', 'panel', '--kind', 'interview', '--with', 'Bob', '--with', 'Cy');
  j.ok('lead', 'Ann', 'Acme is hiring');
  j.ok('lead', 'Bob', 'Globex is hiring');
  j.ok('lead', 'followed', 'l2');
  j.ok('job', 'add', 'Engineer', '--company', 'Hooli', '--via', 'Ann', '--on', '2026-11-01');
  j.ok('job', 'j1', 'offer');
  j.ok('job', 'add', 'Analyst', '--company', 'Initech', '--on', '2026-11-01', '--stage', 'applied');
  return j;
}

const card = (j: TempJournal, who: string) => j.json<Card>('show', who, '--json');
const noteOf = (records: Noted[], id: number) => records.find((r) => r.id === id)?.note;
const jobNote = (j: TempJournal, id: number) => j.json<Array<{ id: number; note: string | null }>>('jobs', '--all', '--json').find((x) => x.id === id)?.note;

describe('net done <id> "<note>" keeps the note as the note of what it closes', () => {
  it.each<[string, string, (j: TempJournal) => string | null | undefined]>([
    ['p1', 'your promise kept', (j) => noteOf(card(j, 'Ann').promises, 1)],
    ['p2', 'their promise nudged', (j) => noteOf(card(j, 'Bob').promises, 2)],
    ['p3', 'thanked for their kept promise', (j) => noteOf(card(j, 'Cy').promises, 3)],
    ['i1', 'a thank-you', (j) => noteOf(card(j, 'Ann').interactions, 1)],
    ['i2c2', "one interviewer's thank-you", (j) => noteOf(card(j, 'Bob').interactions, 2)],
    ['l1', 'a lead followed', (j) => noteOf(card(j, 'Ann').leads, 1)],
    ['l2', 'a lead reported', (j) => noteOf(card(j, 'Bob').leads, 2)],
    ['j2', 'an application asked about', (j) => jobNote(j, 2)],
    ['j1c1', 'a report-back of an application', (j) => jobNote(j, 1)],
  ])('%s: %s', (id, note, read) => {
    const j = journal();
    expect(read(j)).toBeNull();
    j.ok('done', id, note);
    expect(read(j)).toBe(note);
    expect(j.ok('history').stdout).toContain(`net done ${id} '${note.replace(/'/g, "'\\''")}'`);
  });

  it('c<id>: the check-in it logs keeps the note as its note; its summary is a check-in, as without one', () => {
    const j = journal();
    expect(j.ok('done', 'c2', 'said hi on LinkedIn').stdout).toBe('Logged a check-in with Bob (i3).\nNext: net due\n');
    j.ok('done', 'c3');
    const checkIns = [...card(j, 'Bob').interactions, ...card(j, 'Cy').interactions].filter((i) => i.id > 2);
    expect(checkIns.map((i) => [i.id, i.summary, i.note])).toEqual([
      [3, 'check-in', 'said hi on LinkedIn'],
      [4, 'check-in', null],
    ]);
    // The timeline keeps the text.
    expect(j.ok('show', 'Bob').stdout).toMatch(/i3 +other +check-in — note: said hi on LinkedIn/);
    expect(j.ok('history', 'i3').stdout).toContain("net done c2 'said hi on LinkedIn'");
    // A blank note is no note.
    j.ok('done', 'c1', '   ');
    expect(card(j, 'Ann').interactions.at(-1)).toMatchObject({ summary: 'check-in', note: null });
  });

  it('a refused done with a note changes nothing', () => {
    const j = journal();
    j.ok('done', 'p1', 'sent');
    const before = j.snapshot().hash;
    for (const [id, message] of [
      ['p1', 'Promise p1 is already kept.'],
      ['c9', 'There is no contact c9.'],
      ['i2c9', 'No thank-you is owed to contact 9 for i2.'],
    ]) {
      const r = j.net('done', id ?? '', 'a note');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    }
    expect(j.snapshot().hash).toBe(before);
  });
});
