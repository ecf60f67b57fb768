// Issue 12, item 13: "X needs …" after net log / add / lead points at a need only on a
// word rare in the journal's needs and logs, or on two shared significant words; the job
// search's vocabulary ("data", "role", "senior", "referral", "meetup") never fires.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupJournals, type TempJournal, tempJournal } from './helpers.js';

let j: TempJournal;

const uuid = (prefix: string, i: number) => `${prefix}0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

// What a job search's logs say over and over: half mention a senior data role, a referral
// or a meetup, a third Python, a fifth Rust or fintech.
const SUMMARIES = [
  'talked about a senior data role at their company',
  'asked for a referral, she will check',
  'met at the PyData meetup, Python people',
  'coffee about hiring on the data team',
  'Rust and fintech chat, Python on the side',
  'follow-up on the referral',
];

const NEEDS: Array<[string, string]> = [
  ['Sam Senior', 'a senior data role'],
  ['Lee Ref', 'a referral'],
  ['Mo Meetup', 'people from the meetup'],
  ['Ana Py', 'a Python mentor'],
  ['Kai Rare', 'an intro at Zentrix'],
  ['Bo Fin', 'Rust work in fintech'],
];

beforeAll(() => {
  j = tempJournal({ today: '2026-04-14' });
  const contact = (i: number, name: string) => ({
    uuid: uuid('c', i), name, company: null, role: null, email: null, phone: null, url: null, met_where: null, met_on: '2026-01-01',
    introduced_by: null, tags: [], notes: null, cadence_days: 90, archived: false, snoozed_until: null, created_at: '2026-01-01T00:00:00.000Z',
  });
  const contacts = [contact(0, 'Dana Whitfield'), ...NEEDS.map(([name], i) => contact(i + 1, name))];
  const interactions = Array.from({ length: 60 }, (_, i) => ({
    uuid: uuid('1', i), contacts: [uuid('c', 1 + (i % NEEDS.length))], on: '2026-03-01', kind: 'coffee',
    summary: SUMMARIES[i % SUMMARIES.length], thanks_owed: false, thanked_on: null, no_reply: false, snoozed_until: null,
  }));
  const needs = NEEDS.map(([, what], i) => ({ uuid: uuid('d', i), contact: uuid('c', i + 1), what, noted_on: '2026-03-01', status: 'open', closed_on: null }));
  const backup = path.join(j.dir, 'search.json');
  fs.writeFileSync(backup, JSON.stringify({ format: 'net-journal', version: 1, exported_at: '2026-04-01T00:00:00.000Z', contacts, interactions, leads: [], promises: [], needs }));
  j.ok('import', backup);
}, 60_000);

afterAll(cleanupJournals);

const hints = (stdout: string) => stdout.split('\n').filter((l) => / needs .* — see net needs$/.test(l));

describe('13. the "X needs …" hint fires only on rare or paired words', () => {
  it('stays silent on the issue\'s false positives: data, role, senior, referral, meetup', () => {
    for (const summary of ['looking at a senior data role there', 'she offered a referral', 'great meetup tonight', 'a data meetup, senior folks, one referral']) {
      expect(hints(j.ok('log', 'Dana', summary, '--kind', 'coffee').stdout), summary).toEqual([]);
    }
  });

  it('stays silent on one word common in the journal\'s logs (Python, in a third of them)', () => {
    expect(hints(j.ok('log', 'Dana', 'pairing on Python tests').stdout)).toEqual([]);
    expect(hints(j.ok('log', 'Dana', 'a Rust workshop').stdout)).toEqual([]);
  });

  it('fires on a word rare in the journal, from net log, net add and net lead', () => {
    expect(hints(j.ok('log', 'Dana', 'her cousin founded Zentrix').stdout)).toEqual(['Kai Rare needs an intro at Zentrix — see net needs']);
    expect(hints(j.ok('add', 'Eve Ng', '--note', 'used to work at Zentrix').stdout)).toEqual(['Kai Rare needs an intro at Zentrix — see net needs']);
    expect(hints(j.ok('lead', 'Dana', 'Zentrix opens an office').stdout)).toEqual(['Kai Rare needs an intro at Zentrix — see net needs']);
  });

  it('fires on two shared significant words, however common', () => {
    expect(hints(j.ok('log', 'Dana', 'her Rust team does fintech').stdout)).toEqual(['Bo Fin needs Rust work in fintech — see net needs']);
  });

  it('a word stops being rare once it is in many logs', () => {
    const small = tempJournal({ today: '2026-04-14' });
    small.ok('add', 'Kai', '--need', 'an intro at Zentrix');
    small.ok('add', 'Dana');
    expect(hints(small.ok('log', 'Dana', 'Zentrix news', '--kind', 'call').stdout)).toHaveLength(1);
    expect(hints(small.ok('log', 'Dana', 'more Zentrix news', '--kind', 'call').stdout)).toHaveLength(1);
    // The need, and now three logs: four of five needs and logs say Zentrix.
    expect(hints(small.ok('log', 'Dana', 'Zentrix again', '--kind', 'call').stdout)).toEqual([]);
  });
});
