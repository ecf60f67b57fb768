// Reading calendar exports: occurrences, their days in their own time zones, the people on
// them, and what is left out while reading.
import { describe, expect, it } from 'vitest';
import { judgeEvent, SKIP } from '../../src/core/conversations.js';
import { readCalendar } from '../../src/formats/icalendar.js';
import { appleCalendar, googleCalendar, HOSTILE_SUMMARY, LONG_NAME, outlookCalendar } from './calendars.js';

const window = { since: '2025-10-01', until: '2026-11-30' };
const read = (text: string | Buffer) => readCalendar(Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), 'cal.ics', window);
const me = new Set(['me@example.com']);

describe('readCalendar: Google', () => {
  const cal = read(googleCalendar());
  const byKey = new Map(cal.occurrences.map((o) => [o.key, o]));

  it('names the calendar’s owner, and places UTC times in the calendar’s zone', () => {
    expect(cal.owner).toBe('me@example.com');
    expect(byKey.get('ics g-coffee@google.com')).toMatchObject({ on: '2026-09-15', online: true, summary: 'Coffee with Dana' });
  });

  it('expands a weekly event: skipped, moved and cancelled weeks, each known by its own original day', () => {
    const weekly = cal.occurrences.filter((o) => o.key.startsWith('ics g-weekly@google.com '));
    expect(weekly.map((o) => [o.key.split(' ')[2], o.on, o.cancelled, o.summary])).toEqual([
      ['2026-08-04', '2026-08-04', false, 'Weekly with Bob'],
      ['2026-08-18', '2026-08-19', false, 'Weekly with Bob (moved)'],
      ['2026-08-25', '2026-08-25', true, 'Weekly with Bob'],
      ['2026-09-01', '2026-09-01', false, 'Weekly with Bob'],
      ['2026-09-08', '2026-09-08', false, 'Weekly with Bob'],
    ]);
  });

  it('leaves out what is before --since and starts that do not exist, and counts them', () => {
    expect(byKey.has('ics g-old@google.com')).toBe(false);
    expect(byKey.has('ics g-feb31@google.com')).toBe(false);
    expect(cal.skipped.get('events before --since')).toBe(1);
    expect(cal.skipped.get('events with a start date that does not exist')).toBe(1);
  });

  it('keeps hostile text as it is (the terminal escapes it) and very long names whole', () => {
    expect(byKey.get('ics g-strangers@google.com')?.summary).toBe(HOSTILE_SUMMARY);
    expect(byKey.get('ics g-long@google.com')?.people.find((p) => p.email === 'long@strangers.example')?.name).toBe(LONG_NAME);
  });

  it.each([
    ['ics g-coffee@google.com', { kind: 'call' }],
    ['ics g-weekly@google.com 2026-08-04', { kind: 'meeting' }],
    ['ics g-weekly@google.com 2026-08-25', { skip: SKIP.cancelled }],
    ['ics g-cancelled@google.com', { skip: SKIP.cancelled }],
    ['ics g-declined@google.com', { skip: SKIP.declined }],
    ['ics g-crowd@google.com', { skip: SKIP.crowded }],
    ['ics g-holiday@google.com', { skip: SKIP.allDay }],
    ['ics g-alone@google.com', { skip: SKIP.alone }],
    ['ics g-future@google.com', { kind: 'meeting' }],
  ])('%s is judged %j', (key, want) => {
    const o = byKey.get(key);
    expect(o).toBeDefined();
    expect(judgeEvent(o!, me)).toMatchObject(want);
  });

  it('a room is not a person, and neither is you', () => {
    const v = judgeEvent(byKey.get('ics g-weekly@google.com 2026-08-04')!, me);
    expect('others' in v && v.others.map((p) => p.email)).toEqual(['bob.personal@gmail.com']);
  });
});

describe('readCalendar: Outlook and Apple', () => {
  it('Outlook: a Windows zone defined in the file; the day is the event’s own; a moved occurrence keeps its original key', () => {
    const cal = read(outlookCalendar());
    expect(cal.owner).toBeNull();
    const series = 'ics 040000008200E00074C5B7101A82E008000000001111';
    expect(cal.occurrences.map((o) => [o.key, o.on, o.online])).toEqual([
      ['ics 040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5', '2026-09-10', true],
      [`${series} 2026-07-15`, '2026-07-15', false],
      [`${series} 2026-08-15`, '2026-08-17', false],
      [`${series} 2026-09-15`, '2026-09-15', false],
    ]);
    expect(judgeEvent(cal.occurrences[0]!, me)).toMatchObject({ kind: 'call' });
    // The organizer Dana, and me: one other person on a Teams link.
    expect(judgeEvent(cal.occurrences[1]!, me)).toMatchObject({ kind: 'meeting' });
  });

  it('Apple: an IANA zone, a calendar named for what it is, not for whom', () => {
    const cal = read(appleCalendar());
    expect(cal.owner).toBeNull();
    expect(cal.occurrences.map((o) => [o.on, o.online, o.people.length])).toEqual([
      ['2026-09-22', false, 3],
      ['2026-09-23', true, 2],
    ]);
  });
});

describe('readCalendar: bad files', () => {
  it.each([
    ['a truncated calendar', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n'],
    ['a vCard', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:x\r\nEND:VCARD\r\n'],
  ])('%s is refused with a clear input error', (_, text) => {
    expect(() => read(text)).toThrow(/cal\.ics is not a calendar.*nothing was imported/);
  });

  it.each(['garbage', '2026', '', '99999999T999999Z'])('an event starting "%s" is left out and counted; the rest is read', (start) => {
    const text = googleCalendar().replace('DTSTART:20260920T090000Z', `DTSTART:${start}`);
    const cal = read(text);
    expect(cal.occurrences.some((o) => o.key === 'ics g-strangers@google.com')).toBe(false);
    expect(cal.occurrences.some((o) => o.key === 'ics g-coffee@google.com')).toBe(true);
    expect(cal.skipped.get('events with a start date that does not exist')).toBe(2);
  });

  it('a calendar in Windows-1252 is read as such', () => {
    const text = googleCalendar().replace('Coffee with Dana', 'Caf\u00e9 with Dana');
    const cal = read(Buffer.from(text, 'latin1'));
    expect(cal.encoding).toBe('Windows-1252 (ANSI)');
    expect(cal.occurrences.find((o) => o.key === 'ics g-coffee@google.com')?.summary).toBe('Caf\u00e9 with Dana');
  });

  it('a rule repeating every minute stops at the cap and is counted', () => {
    const text = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:m\r\nDTSTART:20200101T000000Z\r\nRRULE:FREQ=MINUTELY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const cal = read(text);
    expect(cal.occurrences).toEqual([]);
    expect([...cal.skipped.keys()]).toEqual(['recurring events repeating more than 20,000 times']);
  });
});
