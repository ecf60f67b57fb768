import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type DueInput, dueAhead } from '../../src/core/due.js';
import type { ContactRef } from '../../src/core/types.js';
import { escapeText, foldLine, toIcs } from '../../src/formats/ics.js';

const DANA: ContactRef = { id: 1, name: 'Dana Whitfield' };
const TODAY = '2026-10-01';

function input(over: Partial<DueInput> = {}): DueInput {
  return { pledges: [], thanks: [], leads: [], activity: [], ...over };
}

const mine = (over: Partial<DueInput['pledges'][number]> = {}) => ({
  id: 1,
  contact: DANA,
  what: 'send the deck',
  direction: 'mine' as const,
  madeOn: '2026-09-20',
  by: null,
  status: 'open' as const,
  nudges: 0,
  lastNudgedOn: null,
  snoozedUntil: null,
  ...over,
});

describe('dueAhead: the due rules evaluated for each coming day', () => {
  it.each([
    // [what, by, snoozed until, days ahead, expected first day or null]
    ['owed since before today shows today', null, null, 60, TODAY],
    ['due the day before its --by date', '2026-10-11', null, 60, '2026-10-10'],
    ['due on the last day of the window is in', '2026-10-12', null, 10, '2026-10-11'],
    ['due the day after the window is out', '2026-10-13', null, 10, null],
    ['--days 0 keeps only what is owed today', '2026-10-03', null, 0, null],
    ['a snoozed item shows the day its snooze ends', null, '2026-10-05', 60, '2026-10-05'],
    ['a snooze past the window hides it', null, '2026-12-31', 60, null],
  ] as const)('%s', (_what, by, snoozedUntil, days, expected) => {
    const ahead = dueAhead(input({ pledges: [mine({ by, snoozedUntil })] }), TODAY, days);
    expect(ahead.map((a) => a.on)).toEqual(expected === null ? [] : [expected]);
    if (expected !== null) expect(ahead[0]?.item.id).toBe('p1');
  });

  it('lists each item once, on its first day, in due order within a day', () => {
    const ahead = dueAhead(
      input({
        pledges: [mine({ id: 2, by: '2026-10-06' }), mine({ id: 3 }), mine({ id: 4, direction: 'theirs', by: '2026-10-04' })],
      }),
      TODAY,
      30,
    );
    expect(ahead.map((a) => [a.on, a.item.id, a.item.kind])).toEqual([
      [TODAY, 'p3', 'promise'],
      ['2026-10-05', 'p2', 'promise'],
      ['2026-10-05', 'p4', 'nudge'],
    ]);
  });

  it('a contact resting after two unanswered messages shows the day the rest ends', () => {
    const ahead = dueAhead(
      input({
        activity: [
          { contact: DANA, cadenceDays: 10, snoozedUntil: null, archived: false, metOn: '2026-08-01', interactionCount: 4, lastOn: '2026-09-25', lastTwoNoReply: true },
        ],
      }),
      TODAY,
      60,
    );
    expect(ahead.map((a) => [a.on, a.item.kind])).toEqual([['2026-10-15', 'followup']]);
  });
});

describe('iCalendar text', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b; c\\d', 'a\\, b\\; c\\\\d'],
    ['line\r\nbreak\rand\nmore', 'line\\nbreak\\nand\\nmore'],
    ['bell\x07 esc\x1b del\x7f c1\x85 tab\t', 'bell esc del c1 tab\t'],
    ['Dana \u202egnp.exe\u202c and \u2066isolate\u2069 \u200fmark', 'Dana gnp.exe and isolate mark'],
  ])('escapes %j', (raw, escaped) => {
    expect(escapeText(raw)).toBe(escaped);
  });

  it.each([
    ['ascii', 'S'.repeat(200)],
    ['two-byte', `SUMMARY:${'é'.repeat(100)}`],
    ['three-byte', `SUMMARY:${'€'.repeat(100)}`],
    ['four-byte', `SUMMARY:x${'😀'.repeat(60)}`],
    ['exactly 75', 'D'.repeat(75)],
  ])('folds %s lines at 75 octets without splitting a character', (_kind, line) => {
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    for (const [i, part] of parts.entries()) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      // A character cut in two would not survive the round trip through bytes.
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
    }
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    if (Buffer.byteLength(line) <= 75) expect(parts).toHaveLength(1);
  });

  it('a parser reads back every field, and hostile text stays inside its property', () => {
    const hostile = 'Eve\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil;X-ATTACK=1,2\\';
    const text = toIcs(
      [
        { uid: 'u-1-thanks@net-journal', on: '2026-10-01', summary: `Thank ${hostile}`, description: `line one\n${hostile}` },
        { uid: 'u-2-promise@net-journal', on: '2026-12-31', summary: 'Keep your promise', description: 'x'.repeat(300) },
      ],
      { name: 'net', stamp: '20261001T000000Z' },
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent');
    expect(events).toHaveLength(2);
    const [a, b] = events;
    expect(a?.getAllProperties().map((p) => p.name)).toEqual(['uid', 'dtstamp', 'dtstart', 'dtend', 'summary', 'description', 'transp']);
    expect(a?.getFirstPropertyValue('summary')).toBe(`Thank ${hostile.replace(/\r\n/g, '\n')}`);
    expect(a?.getFirstPropertyValue('description')).toBe(`line one\n${hostile.replace(/\r\n/g, '\n')}`);
    expect(a?.getFirstPropertyValue('uid')).toBe('u-1-thanks@net-journal');
    expect(String(a?.getFirstPropertyValue('dtstart'))).toBe('2026-10-01');
    expect(String(a?.getFirstPropertyValue('dtend'))).toBe('2026-10-02');
    expect(String(b?.getFirstPropertyValue('dtend'))).toBe('2027-01-01');
    expect(b?.getFirstPropertyValue('description')).toBe('x'.repeat(300));
  });
});
