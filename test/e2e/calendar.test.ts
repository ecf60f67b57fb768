// net calendar: the due items of today and the coming days as an iCalendar feed, read back
// with ical.js the way a calendar application would.
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupJournals, tempJournal, type TempJournal } from './helpers.js';

afterEach(cleanupJournals);

interface Event {
  uid: string;
  start: string;
  end: string;
  summary: string;
  description: string;
  properties: string[];
}

function parse(ics: string): Event[] {
  const cal = new ICAL.Component(ICAL.parse(ics));
  expect(cal.getFirstPropertyValue('version')).toBe('2.0');
  expect(cal.getFirstPropertyValue('prodid')).toBe('-//net-journal//net calendar//EN');
  return cal.getAllSubcomponents('vevent').map((e) => ({
    uid: String(e.getFirstPropertyValue('uid')),
    start: String(e.getFirstPropertyValue('dtstart')),
    end: String(e.getFirstPropertyValue('dtend')),
    summary: String(e.getFirstPropertyValue('summary')),
    description: String(e.getFirstPropertyValue('description')),
    properties: e.getAllProperties().map((p) => p.name),
  }));
}

interface Backup {
  contacts: Array<{ uuid: string; name: string }>;
  interactions: Array<{ uuid: string }>;
  leads: Array<{ uuid: string }>;
  promises: Array<{ uuid: string; what: string }>;
}

/** A journal with an item of every kind: some owed today (2026-10-01), some in the coming weeks. */
function journal(): TempJournal {
  const j = tempJournal();
  const day = (d: string, ...args: string[]) => {
    const r = j.netWith({ env: { NET_TODAY: d } }, ...args);
    if (r.code !== 0) throw new Error(r.stderr);
  };
  day('2026-09-20', 'add', 'Maria Lopez', '--met', 'meetup', '--kind', 'event', '--every', '30d');
  day('2026-09-30', 'add', 'Dana Whitfield', '--met', 'coffee at Bennu', '--kind', 'coffee', '--email', 'dana@example.com');
  day('2026-09-30', 'thank', 'Dana');
  day('2026-09-30', 'promise', 'Dana', 'send the deck', '--by', '2026-10-11');
  day('2026-09-30', 'promise', 'Dana', 'an intro to Sam', '--theirs', '--by', '2026-10-05');
  day('2026-09-30', 'lead', 'Maria', 'talk to Acme', '--person', 'Bob Ortiz');
  day('2026-09-28', 'lead', 'Dana', 'Globex is hiring');
  day('2026-10-01', 'log', 'Bob', 'call about Acme', '--kind', 'call');
  return j;
}

function calendar(j: TempJournal, ...args: string[]): Event[] {
  const r = j.ok('calendar', ...args);
  expect(r.stdout.endsWith('END:VCALENDAR\r\n')).toBe(true);
  // Every line ends CRLF and none is longer than 75 octets.
  for (const line of r.stdout.split('\r\n').slice(0, -1)) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  }
  return parse(r.stdout);
}

describe('net calendar', () => {
  it('has one event per item owed today and per item falling due, every field as net due says', () => {
    const j = journal();
    const backup = j.json<Backup>('export');
    const uuid = (list: Array<{ uuid: string }>, i: number) => list[i]?.uuid;
    const events = calendar(j);
    expect(events.map((e) => [e.start, e.summary])).toEqual([
      // Overdue first (Maria is owed a thank-you for introducing Bob through her lead, since
      // 09-30), as in net due.
      ['2026-10-01', 'Thank Maria Lopez for the introduction'],
      ['2026-10-01', 'Thank Bob Ortiz for the call'],
      ['2026-10-01', "Tell Maria Lopez how their lead went: talk to Acme"],
      ['2026-10-01', "Follow Dana Whitfield's lead: Globex is hiring"],
      ['2026-10-06', 'Nudge Dana Whitfield about their promise: an intro to Sam'],
      ['2026-10-07', 'Keep in touch with Dana Whitfield'],
      ['2026-10-08', 'Keep in touch with Bob Ortiz'],
      ['2026-10-10', 'Keep your promise to Dana Whitfield: send the deck'],
      // The introduction was contact with Maria: her follow-up is her 30 days after it.
      ['2026-10-30', 'Keep in touch with Maria Lopez'],
    ]);
    // Each event's day is the first day net due itself shows the item.
    for (const e of events) {
      const id = /net done ([a-z]\d+)/.exec(e.description)?.[1];
      const shown = (d: string) => (JSON.parse(j.netWith({ env: { NET_TODAY: d } }, 'due', '--json').stdout) as Array<{ id: string }>).some((i) => i.id === id);
      expect(shown(e.start)).toBe(true);
      if (e.start > j.today) expect(shown(new Date(Date.parse(e.start) - 86_400_000).toISOString().slice(0, 10))).toBe(false);
      expect(e.properties).toEqual(['uid', 'dtstamp', 'dtstart', 'dtend', 'summary', 'description', 'transp']);
      // The description's commands work.
      expect(e.description).toContain(`\nDraft a message: net draft ${id}\n`);
      expect(j.net('draft', id ?? '').code).toBe(0);
      expect(Date.parse(e.end) - Date.parse(e.start)).toBe(86_400_000);
    }
    const byStart = (summary: string) => events.find((e) => e.summary.startsWith(summary));
    const bob = backup.contacts.find((c) => c.name === 'Bob Ortiz')?.uuid;
    const dana = backup.contacts.find((c) => c.name === 'Dana Whitfield')?.uuid;
    expect(byStart('Thank Bob')?.uid).toBe(`${uuid(backup.interactions, 3)}-thanks@net-journal`);
    expect(byStart('Tell Maria')?.uid).toBe(`${uuid(backup.leads, 0)}-report@net-journal`);
    expect(byStart('Follow Dana')?.uid).toBe(`${uuid(backup.leads, 1)}-lead@net-journal`);
    expect(byStart('Nudge Dana')?.uid).toBe(`${backup.promises.find((p) => p.what === 'an intro to Sam')?.uuid}-nudge@net-journal`);
    expect(byStart('Keep your promise')?.uid).toBe(`${backup.promises.find((p) => p.what === 'send the deck')?.uuid}-promise@net-journal`);
    expect(byStart('Keep in touch with Bob')?.uid).toBe(`${bob}-followup@net-journal`);
    expect(byStart('Keep in touch with Dana')?.uid).toBe(`${dana}-followup@net-journal`);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);

    expect(byStart('Thank Bob')?.description).toMatch(/^Thank them for the call on 2026-10-01: call about Acme\nWith: Bob Ortiz \(c\d+\)\nDue today\.\nDraft a message: net draft i\d+\nResolve it: net done i\d+$/);
    expect(byStart('Follow Dana')?.description).toMatch(/^Follow their lead: Globex is hiring\nWith: Dana Whitfield \(c\d+\)\nDue today\.\nDraft a message: net draft l\d+\nResolve it: net done l\d+$/);
    expect(byStart('Keep in touch with Maria')?.description).toMatch(
      /^Keep in touch \(last contact 2026-09-30\)\nWith: Maria Lopez \(c\d+\)\nFalls due on 2026-10-30\.\nDraft a message: net draft c\d+\nResolve it: net done c\d+$/,
    );
    expect(byStart('Thank Maria')?.description).toMatch(/^Thank Maria Lopez for introducing you to Bob Ortiz\nWith: Maria Lopez \(c\d+\)\nOwed since 2026-09-30\.\nDraft a message: net draft i\d+\nResolve it: net done i\d+$/);
    expect(byStart('Keep your promise')?.description).toMatch(
      /^You promised by 2026-10-11: send the deck\nWith: Dana Whitfield \(c\d+\)\nFalls due on 2026-10-10\.\nDraft a message: net draft p\d+\nResolve it: net done p\d+$/,
    );
  });

  it('--days bounds the window; re-exporting after resolving one item removes just its event', () => {
    const j = journal();
    expect(calendar(j, '--days', '0').map((e) => e.start)).toEqual(['2026-10-01', '2026-10-01', '2026-10-01', '2026-10-01']);
    expect(calendar(j, '--days', '6').map((e) => e.start).at(-1)).toBe('2026-10-07');
    const before = calendar(j);
    j.ok('thank', 'Bob');
    const after = calendar(j);
    expect(after).toEqual(before.filter((e) => !e.summary.startsWith('Thank Bob')));
    expect(after).toHaveLength(before.length - 1);
  });

  it('a hostile name cannot add a property or an event', () => {
    const j = tempJournal();
    const hostile = 'Eve\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:x;ATTENDEE=mailto:a@b,c\\\r\n SUMMARY:owned';
    j.ok('add', hostile, '--met', 'call', '--kind', 'call');
    const events = calendar(j);
    const name = (j.json<Array<{ name: string }>>('list', '--json')[0]?.name ?? '').replace(/\r\n?/g, '\n');
    expect(name).toContain('\nEND:VEVENT\n');
    // The thank-you today and the first follow-up a week later: two events, no more.
    expect(events.map((e) => [e.start, e.summary])).toEqual([
      ['2026-10-01', `Thank ${name} for the call`],
      ['2026-10-08', `Keep in touch with ${name}`],
    ]);
    for (const e of events) {
      expect(e.properties).toEqual(['uid', 'dtstamp', 'dtstart', 'dtend', 'summary', 'description', 'transp']);
      expect(e.uid).toMatch(/^[0-9a-f-]{36}-(thanks|followup)@net-journal$/);
      expect(e.description).toContain(`With: ${name} (c1)`);
    }
  });

  it('-o writes the file privately and whole; a bad --days is a usage error', () => {
    const j = journal();
    const file = path.join(j.dir, 'net.ics');
    fs.writeFileSync(file, 'old', { mode: 0o644 });
    const r = j.ok('calendar', '-o', file);
    expect(r.stdout).toBe(`Wrote 9 events to ${file}: 4 owed today, 5 falling due in the next 60 days.\n`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe(j.ok('calendar').stdout);
    expect(fs.readdirSync(j.dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    for (const bad of ['-1', 'ten', '367', '1.5']) {
      const b = j.net('calendar', '--days', bad);
      expect(b.code).toBe(2);
      expect(b.stderr).toContain('--days');
    }
    const missing = j.net('calendar', '-o', path.join(j.dir, 'no', 'such', 'net.ics'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('folder does not exist');
  });
});
