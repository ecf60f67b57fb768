// End to end: `net import calendar.ics` through the built binary, on Google, Outlook and
// Apple exports written by the tests (test/formats/calendars.ts), NET_TODAY 2026-10-01.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appleCalendar, googleCalendar, LONG_NAME, outlookCalendar } from '../formats/calendars.js';
import { cleanupJournals, STACK_LINE, type ShowJson, type TempJournal, tempJournal, UNSAFE_CHARS } from './helpers.js';

afterAll(cleanupJournals);

interface ImportJson {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  without_contact: number;
  me: string[];
  logged: Array<{ contact: { id: number; name: string }; conversations: number; planned: number; no_reply: number }>;
  skipped: Array<{ reason: string; count: number }>;
  unknown: Array<{ name: string | null; email: string | null; count: number }>;
  contacts_added: Array<{ id: number; name: string }>;
}

function journal(): TempJournal {
  const j = tempJournal({ today: '2026-10-01' });
  j.ok('add', 'Dana Whitfield', '--email', 'dana@acme.com', '--on', '2026-06-01');
  j.ok('add', 'Bob Ortiz', '--on', '2026-06-01');
  return j;
}

function write(j: TempJournal, name: string, text: string | Buffer): string {
  const file = path.join(j.dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const timeline = (j: TempJournal, who: string) =>
  j.json<ShowJson>('show', who, '--json').interactions.map((i) => [i.on, i.kind, i.summary]);

describe('net import calendar.ics (Google)', () => {
  const j = journal();
  const file = write(j, 'google.ics', googleCalendar());

  it('--dry-run says what it would log and writes nothing', () => {
    const before = j.snapshot();
    const r = j.ok('import', file, '--dry-run');
    expect(r.stdout).toMatch(/^Would log from .*google\.ics \(calendar\): 7 conversations to add/);
    expect(r.stdout).toContain('Nothing was changed.');
    expect(j.snapshot()).toEqual(before);
  });

  it('logs each conversation with its contacts, in the calendar’s zone, and says what it skipped and why', () => {
    const r = j.json<ImportJson>('import', file, '--json');
    expect(r).toMatchObject({ added: 7, updated: 0, unchanged: 0, removed: 0, without_contact: 1, me: ['me@example.com'] });
    expect(r.logged.map((l) => [l.contact.name, l.conversations, l.planned])).toEqual([
      ['Bob Ortiz', 4, 0],
      ['Dana Whitfield', 3, 1],
    ]);
    expect(Object.fromEntries(r.skipped.map((s) => [s.reason, s.count]))).toEqual({
      'cancelled events': 2,
      'events you declined': 1,
      'events with more than 20 attendees': 1,
      'all-day events without attendees': 1,
      'events only you attend': 1,
      'events before --since': 1,
      'events with a start date that does not exist': 1,
    });
    expect(r.unknown.map((u) => [u.name, u.email, u.count])).toEqual([
      [LONG_NAME, 'long@strangers.example', 1],
      [null, 'nameless@strangers.example', 1],
      ['Sam \x1b[2J Stranger', 'sam@strangers.example', 1],
    ]);
    expect(timeline(j, 'Dana')).toEqual([
      ['2026-09-15', 'call', 'Coffee with Dana'],
      ['2026-09-20', 'meeting', expect.stringContaining('Chat')],
      ['2026-10-20', 'meeting', 'Follow-up with Dana'],
    ]);
    expect(timeline(j, 'Bob')).toEqual([
      ['2026-08-04', 'meeting', 'Weekly with Bob'],
      ['2026-08-19', 'meeting', 'Weekly with Bob (moved)'],
      ['2026-09-01', 'meeting', 'Weekly with Bob'],
      ['2026-09-08', 'meeting', 'Weekly with Bob'],
    ]);
  });

  it('the meeting ahead is planned: it owes nothing until its day', () => {
    const due = j.json<Array<{ id: string; kind: string; state: string }>>('due', '--all', '--json');
    const planned = due.filter((d) => d.state === 'planned');
    expect(planned).toHaveLength(1);
    expect(j.json<unknown[]>('due', '--json').some((d) => (d as { state: string }).state === 'planned')).toBe(false);
  });

  it('importing the same file again adds nothing', () => {
    const r = j.json<ImportJson>('import', file, '--json');
    expect(r).toMatchObject({ added: 0, updated: 0, unchanged: 7, removed: 0, logged: [] });
    expect(timeline(j, 'Dana')).toHaveLength(3);
    expect(timeline(j, 'Bob')).toHaveLength(4);
  });

  it('an updated calendar changes what moved and removes the planned meeting called off', () => {
    const updated = googleCalendar()
      .replace('SUMMARY:Coffee with Dana', 'SUMMARY:Coffee with Dana (notes)')
      .replace('DTSTART:20261020T090000Z\r\nUID:g-future@google.com', 'DTSTART:20261020T090000Z\r\nUID:g-future@google.com\r\nSTATUS:CANCELLED')
      .replace('RECURRENCE-ID;TZID=Europe/Paris:20260818T100000\r\nDTSTART;TZID=Europe/Paris:20260819T160000', 'RECURRENCE-ID;TZID=Europe/Paris:20260818T100000\r\nDTSTART;TZID=Europe/Paris:20260820T160000');
    const r = j.json<ImportJson>('import', write(j, 'google2.ics', updated), '--json');
    expect(r).toMatchObject({ added: 0, updated: 2, unchanged: 4, removed: 1 });
    expect(timeline(j, 'Dana')).toEqual([
      ['2026-09-15', 'call', 'Coffee with Dana (notes)'],
      ['2026-09-20', 'meeting', expect.stringContaining('Chat')],
    ]);
    expect(timeline(j, 'Bob').map(([on]) => on)).toEqual(['2026-08-04', '2026-08-20', '2026-09-01', '2026-09-08']);
  });

  it('hostile names and subjects reach the terminal harmless', () => {
    const r = j.ok('import', file, '--dry-run');
    expect(r.stdout).not.toMatch(UNSAFE_CHARS);
    expect(r.stdout).toContain('Sam');
    expect(j.ok('show', 'Dana').stdout).not.toMatch(UNSAFE_CHARS);
  });

  it('--add-unknown adds the people who are not contacts, with name and email and no cadence, and logs them too', () => {
    const r = j.json<ImportJson>('import', file, '--add-unknown', '--json');
    expect(r.contacts_added.map((c) => c.name).sort()).toEqual([LONG_NAME, 'Sam \x1b[2J Stranger', 'nameless@strangers.example'].sort());
    expect(r.unknown).toEqual([]);
    const sam = j.json<Array<{ name: string; email: string; cadence_days: number | null; last_contact: string | null }>>('list', '--json').find((c) => c.email === 'sam@strangers.example');
    expect(sam).toMatchObject({ cadence_days: null, last_contact: '2026-09-20' });
    expect(j.json<ImportJson>('import', file, '--add-unknown', '--json')).toMatchObject({ added: 0, contacts_added: [] });
  });

  it('one import is one command: undo takes it back whole', () => {
    const k = journal();
    const f = write(k, 'google.ics', googleCalendar());
    k.ok('import', f);
    expect(timeline(k, 'Bob')).toHaveLength(4);
    const u = k.ok('undo');
    expect(u.stdout).toMatch(/Undid "net import/);
    expect(timeline(k, 'Bob')).toEqual([]);
    expect(timeline(k, 'Dana')).toEqual([]);
  });
});

describe('net import calendar.ics (Outlook, Apple)', () => {
  it('Outlook: a Windows time zone, a Teams call, a monthly series with a moved occurrence', () => {
    const j = journal();
    const r = j.json<ImportJson>('import', write(j, 'outlook.ics', outlookCalendar()), '--me', 'me@example.com', '--json');
    expect(r).toMatchObject({ added: 4, me: ['me@example.com'] });
    expect(timeline(j, 'Dana')[0]).toEqual(['2026-07-15', 'meeting', 'Monthly catch-up']);
    expect(timeline(j, 'Dana').map(([on, kind]) => `${on} ${kind}`)).toEqual(['2026-07-15 meeting', '2026-08-17 meeting', '2026-09-10 call', '2026-09-15 meeting']);
    expect(j.json<ImportJson>('import', path.join(j.dir, 'outlook.ics'), '--json')).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
    // --me is remembered: the next import needs it no more.
    expect(j.json<ImportJson>('import', write(j, 'apple.ics', appleCalendar()), '--json').me).toContain('me@example.com');
  });

  it('Apple: without any address of yours, the one on every event is taken to be you, and said so', () => {
    const j = journal();
    const file = write(j, 'apple.ics', appleCalendar());
    const text = j.ok('import', file, '--dry-run').stdout;
    expect(text).toContain('you: me@icloud.example (guessed from the file; say otherwise with --me)');
    j.ok('import', file);
    expect(timeline(j, 'Dana')).toEqual([['2026-09-22', 'meeting', 'Breakfast with Dana']]);
    expect(timeline(j, 'Bob')).toEqual([['2026-09-23', 'call', 'Call Bob']]);
    expect(j.json<ImportJson>('import', file, '--json')).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
  });
});

describe('net import calendar.ics: bad input', () => {
  it.each([
    ['a bad --me', ['--me', 'nobody'], /--me "nobody" is not an email address/],
    ['--every', ['--every', '30d'], /--every is for contacts/],
    ['a bad --since', ['--since', 'someday'], /someday/],
  ])('%s: exit 2, nothing written', (_, args, message) => {
    const j = journal();
    const file = write(j, 'google.ics', googleCalendar());
    const before = j.snapshot();
    const r = j.net('import', file, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(j.snapshot()).toEqual(before);
  });

  it('a truncated calendar: exit 2 with what to do, nothing written', () => {
    const j = journal();
    const file = write(j, 'cut.ics', googleCalendar().slice(0, 900));
    const before = j.snapshot();
    const r = j.net('import', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a calendar net can read .*Export it again/);
    expect(j.snapshot()).toEqual(before);
  });

  it('an empty file is called empty, not a CSV', () => {
    const j = journal();
    const before = j.snapshot();
    for (const name of ['empty.ics', 'empty.mbox']) {
      const r = j.net('import', write(j, name, '\n \n'));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${name.replace('.', '\\.')} is empty: there is nothing in it to import`));
      expect(r.stderr).not.toMatch(/CSV/);
    }
    expect(j.snapshot().hash).toBe(before.hash);
  });

  it('--format ics on a file that is not a calendar is refused', () => {
    const j = journal();
    const r = j.net('import', write(j, 'x.ics', 'name,email\nDana,dana@acme.com\n'), '--format', 'ics');
    expect(r.code).toBe(2);
    // A mailbox parses as lines outside any component: what is said is the file's fault, not the program's.
    const mbox = 'From me@example.com Mon Sep 14 10:00:00 2026\nFrom: Me <me@example.com>\nTo: Dana <dana@acme.com>\nSubject: Hi\n\nbody\n';
    const m = j.net('import', write(j, 'mail.mbox', mbox), '--format', 'ics');
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/mail\.mbox is not a calendar: it holds no VCALENDAR\. Export it again as \.ics and retry; nothing was imported\.\n$/);
    expect(m.stderr).not.toMatch(/undefined|propert/);
  });
});
