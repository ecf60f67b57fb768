// End to end: a planned meeting with a lead's person follows the lead on the meeting's day,
// not when it is logged. Planned on 2026-11-23 for 2026-11-30; the binary is run on each day
// that matters with NET_TODAY, as a user would run net on those mornings.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupJournals, type DueJson, type Result, type ShowJson, type TempJournal, tempJournal } from './helpers.js';

afterAll(cleanupJournals);

const PLANNED_ON = '2026-11-23';
const MEETING = '2026-11-30';

/** Kim gave lead l1, to talk to Bob Smith (who is #2): the setup of every case below. */
function journal(): TempJournal {
  const j = tempJournal({ today: PLANNED_ON });
  j.ok('add', 'Kim', '--met', 'a meetup');
  j.ok('lead', 'Kim', 'a job at Acme', '--person', 'Bob Smith');
  return j;
}

function on(j: TempJournal, day: string, ...args: string[]): Result {
  const r = j.netWith({ env: { NET_TODAY: day } }, ...args);
  if (r.code !== 0) throw new Error(`net ${args.join(' ')} on ${day} exited ${r.code}\n${r.stderr}`);
  return r;
}

function lead(j: TempJournal, day: string): { status: string; followed_on: string | null } {
  const l = (JSON.parse(on(j, day, 'show', 'Kim', '--json').stdout) as ShowJson).leads.find((x) => x.id === 1);
  if (!l) throw new Error('Kim has no lead l1');
  return { status: l.status, followed_on: l.followed_on };
}

function due(j: TempJournal, day: string): DueJson[] {
  return JSON.parse(on(j, day, 'due', '--json').stdout) as DueJson[];
}

/** What net due owes for lead l1 that day: its kind and due day, or null. */
function owedForLead(j: TempJournal, day: string): { kind: string; due: string } | null {
  const item = due(j, day).find((d) => d.id === 'l1');
  return item ? { kind: item.kind, due: item.due } : null;
}

describe('net log --on a day ahead with a lead’s person', () => {
  const j = journal();
  const before = on(j, PLANNED_ON, 'due', '--json').stdout;
  const logged = on(j, PLANNED_ON, 'log', 'Bob Smith', 'coffee about Acme', '--kind', 'coffee', '--on', MEETING);

  it('leaves the lead open, says so in one line, and changes nothing net due owes that day', () => {
    expect(logged.stdout).not.toContain('now followed');
    expect(logged.stdout).not.toContain('--reported');
    expect(logged.stdout).toContain(`Lead l1 from Kim stays open until ${MEETING}; this meeting follows it on its day.`);
    expect(logged.stdout.trim().split('\n').at(-1)).toBe('Next: net due --all');
    expect(lead(j, PLANNED_ON)).toEqual({ status: 'open', followed_on: null });
    expect(on(j, PLANNED_ON, 'due', '--json').stdout).toBe(before);
  });

  it('the day before the meeting the lead is still open, and following it is still owed', () => {
    expect(lead(j, '2026-11-29')).toEqual({ status: 'open', followed_on: null });
    expect(owedForLead(j, '2026-11-29')).toEqual({ kind: 'lead', due: '2026-11-26' });
  });

  it('on the meeting’s day the lead is followed, dated that day, and the report-back to Kim is due that day', () => {
    expect(lead(j, MEETING)).toEqual({ status: 'followed', followed_on: MEETING });
    const items = due(j, MEETING);
    expect(items.find((d) => d.id === 'l1')).toMatchObject({ kind: 'report', contact: { name: 'Kim' }, since: MEETING, due: MEETING, days_overdue: 0 });
    // net show's own due list says the same.
    const shown = (JSON.parse(on(j, MEETING, 'show', 'Kim', '--json').stdout) as ShowJson).due.find((d) => d.id === 'l1');
    expect(shown).toMatchObject({ kind: 'report', due: MEETING });
  });

  it('reporting back closes it as for any followed lead', () => {
    const r = on(j, '2026-12-01', 'log', 'Kim', 'told her about the coffee', '--reported', 'l1');
    expect(r.stdout).toContain('Reported back to Kim on lead l1');
    expect(owedForLead(j, '2026-12-01')).toBeNull();
  });
});

describe('the first run after the meeting’s day', () => {
  it('follows the lead dated the meeting’s day, and the report-back is overdue since then', () => {
    const j = journal();
    on(j, PLANNED_ON, 'log', 'Bob Smith', 'coffee', '--kind', 'coffee', '--on', MEETING);
    expect(owedForLead(j, '2026-12-03')).toEqual({ kind: 'report', due: MEETING });
    expect(lead(j, '2026-12-03')).toEqual({ status: 'followed', followed_on: MEETING });
  });

  it('of two planned meetings with the person, the earlier one follows the lead', () => {
    const j = journal();
    on(j, PLANNED_ON, 'log', 'Bob Smith', 'second coffee', '--on', '2026-11-28');
    on(j, PLANNED_ON, 'log', 'Bob Smith', 'first coffee', '--on', '2026-11-25');
    expect(lead(j, '2026-12-03')).toEqual({ status: 'followed', followed_on: '2026-11-25' });
  });
});

describe('a planned meeting that does not happen as planned', () => {
  it('removed before its day: nothing was followed, then or on the day', () => {
    const j = journal();
    on(j, PLANNED_ON, 'log', 'Bob Smith', 'coffee', '--on', MEETING);
    expect(on(j, '2026-11-27', 'rm', 'i3', '--yes').stdout).toContain('Removed i3');
    expect(lead(j, MEETING)).toEqual({ status: 'open', followed_on: null });
    expect(owedForLead(j, MEETING)).toEqual({ kind: 'lead', due: '2026-11-26' });
  });

  it('moved to a later day: nothing is followed until that day', () => {
    const j = journal();
    on(j, PLANNED_ON, 'log', 'Bob Smith', 'coffee', '--on', MEETING);
    on(j, '2026-11-27', 'edit', 'i3', '--on', '2026-12-04');
    expect(lead(j, MEETING)).toEqual({ status: 'open', followed_on: null });
    expect(lead(j, '2026-12-03')).toEqual({ status: 'open', followed_on: null });
    expect(lead(j, '2026-12-04')).toEqual({ status: 'followed', followed_on: '2026-12-04' });
  });

  it('moved to today: it happened, and follows the lead now, as net log would', () => {
    const j = journal();
    on(j, PLANNED_ON, 'log', 'Bob Smith', 'coffee', '--on', MEETING);
    const r = on(j, '2026-11-26', 'edit', 'i3', '--on', 'today');
    expect(r.stdout).toContain('Changed i3: on 2026-11-30 → 2026-11-26.');
    expect(r.stdout).toContain('Lead l1 from Kim is now followed, on 2026-11-26; tell them how it went (net log "Kim" ... --reported l1).');
    expect(lead(j, '2026-11-26')).toEqual({ status: 'followed', followed_on: '2026-11-26' });
  });

  it('moved back to the day it was planned on: it counts as contact that day (it was left planned for ever)', () => {
    const j = journal();
    on(j, PLANNED_ON, 'log', 'Bob Smith', 'coffee', '--on', MEETING);
    on(j, PLANNED_ON, 'edit', 'i3', '--on', PLANNED_ON);
    expect(lead(j, PLANNED_ON)).toEqual({ status: 'followed', followed_on: PLANNED_ON });
    const bob = JSON.parse(on(j, '2026-11-25', 'show', '2', '--json').stdout) as ShowJson;
    expect(bob.last_contact).toBe(PLANNED_ON);
  });

  it('an unanswered message planned ahead follows nothing, on its day either', () => {
    const j = journal();
    on(j, PLANNED_ON, 'log', 'Bob Smith', 'a note', '--kind', 'email', '--on', MEETING, '--no-reply');
    expect(lead(j, MEETING)).toEqual({ status: 'open', followed_on: null });
  });
});

describe('net edit of a logged conversation to a day ahead', () => {
  it('makes it a planned meeting; the lead it followed stays followed (net cannot tell it from one followed by hand)', () => {
    const j = journal();
    expect(on(j, PLANNED_ON, 'log', 'Bob Smith', 'coffee').stdout).toContain('Lead l1 from Kim is now followed');
    const r = on(j, PLANNED_ON, 'edit', 'i3', '--on', MEETING);
    expect(r.stdout).toBe(`Changed i3: on ${PLANNED_ON} → ${MEETING}.\nNext: net history i3\n`);
    expect(lead(j, PLANNED_ON)).toEqual({ status: 'followed', followed_on: PLANNED_ON });
  });
});

describe('net noreply of a message with a lead’s person', () => {
  it('leaves a lead followed by hand that day as it is (the review’s case), and --undo of an unanswered one follows it', () => {
    const j = journal();
    on(j, PLANNED_ON, 'lead', 'followed', 'l1');
    on(j, PLANNED_ON, 'log', 'Bob Smith', 'sent a note', '--kind', 'email');
    expect(on(j, '2026-11-25', 'noreply', 'i3').stdout).toBe(`Marked i3 (email with Bob Smith on ${PLANNED_ON}) as unanswered.\nNext: net due\n`);
    expect(lead(j, '2026-11-25')).toEqual({ status: 'followed', followed_on: PLANNED_ON });
    const k = journal();
    on(k, PLANNED_ON, 'log', 'Bob Smith', 'about Acme', '--kind', 'email', '--no-reply');
    expect(lead(k, PLANNED_ON)).toEqual({ status: 'open', followed_on: null });
    expect(on(k, '2026-11-26', 'noreply', 'i3', '--undo').stdout).toContain(`Lead l1 from Kim is now followed, on ${PLANNED_ON};`);
    expect(lead(k, '2026-11-26')).toEqual({ status: 'followed', followed_on: PLANNED_ON });
  });
});

describe('net import of a calendar with a meeting ahead with a lead’s person', () => {
  it('follows the lead on the meeting’s day, not at the import', () => {
    const j = journal();
    on(j, PLANNED_ON, 'edit', '2', '--email', 'bob@acme.example');
    const ics = path.join(j.dir, 'calendar.ics');
    fs.writeFileSync(
      ics,
      [
        'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//test//EN',
        'BEGIN:VEVENT', 'UID:coffee-1@test', 'DTSTAMP:20261120T000000Z', 'DTSTART:20261130T150000Z', 'DTEND:20261130T160000Z',
        'SUMMARY:Coffee with Bob', 'ORGANIZER:mailto:me@example.com', 'ATTENDEE;CN=Bob Smith:mailto:bob@acme.example', 'END:VEVENT',
        'END:VCALENDAR', '',
      ].join('\r\n'),
    );
    expect(on(j, PLANNED_ON, 'import', ics).stdout).toContain('Bob Smith (#2): 1 conversation (1 planned)');
    expect(lead(j, PLANNED_ON)).toEqual({ status: 'open', followed_on: null });
    expect(lead(j, '2026-11-29')).toEqual({ status: 'open', followed_on: null });
    expect(lead(j, MEETING)).toEqual({ status: 'followed', followed_on: MEETING });
  });
});

describe('net report around a planned meeting', () => {
  const j = journal();
  on(j, PLANNED_ON, 'log', 'Bob Smith', 'coffee', '--on', MEETING);
  const planningWeek = ['report', '--since', '2026-11-17', '--until', PLANNED_ON, '--format', 'json'];
  const atTheTime = on(j, PLANNED_ON, ...planningWeek).stdout;

  it('the week it was planned in still shows the lead open, as it did that day', () => {
    const later = on(j, '2026-12-02', ...planningWeek).stdout;
    expect(later).toBe(atTheTime);
    const r = JSON.parse(later) as { leads: Array<{ id: number; status: string; followed_on: string | null }>; headline: { leads_followed: number } };
    expect(r.leads.find((l) => l.id === 1)).toMatchObject({ status: 'open', followed_on: null });
    expect(r.headline.leads_followed).toBe(0);
  });

  it('the week of the meeting shows the lead followed that day', () => {
    const r = JSON.parse(on(j, '2026-12-02', 'report', '--since', '2026-11-24', '--until', MEETING, '--format', 'json').stdout) as {
      leads: Array<{ id: number; status: string; followed_on: string | null }>;
      headline: { leads_followed: number };
    };
    expect(r.leads.find((l) => l.id === 1)).toMatchObject({ status: 'followed', followed_on: MEETING });
    expect(r.headline.leads_followed).toBe(1);
  });
});
