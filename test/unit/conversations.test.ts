// Which calendar events are conversations, and with whom (core/conversations.ts), and who
// you are when the calendar does not say.
import { describe, expect, it } from 'vitest';
import { judgeEvent, MAX_ATTENDEES, SKIP, type EventOccurrence, type EventPerson } from '../../src/core/conversations.js';
import { guessMe, meOption } from '../../src/commands/import-conversations.js';

const person = (email: string | null, more: Partial<EventPerson> = {}): EventPerson => ({ email, name: null, organizer: false, declined: false, resource: false, ...more });
const event = (people: EventPerson[], more: Partial<EventOccurrence> = {}): EventOccurrence => ({
  key: 'ics x',
  on: '2026-09-01',
  summary: 's',
  cancelled: false,
  allDay: false,
  online: false,
  people,
  ...more,
});
const me = new Set(['me@x.com']);
const ME = person('me@x.com');
const DANA = person('dana@x.com');
const crowd = (n: number) => Array.from({ length: n }, (_, i) => person(`p${i}@x.com`));

describe('judgeEvent', () => {
  it.each<[string, EventOccurrence, ReadonlySet<string>, unknown]>([
    ['a meeting with one other', event([ME, DANA]), me, { kind: 'meeting' }],
    ['a video call with one other', event([ME, DANA], { online: true }), me, { kind: 'call' }],
    ['a video call with two others is a meeting', event([ME, DANA, person('bob@x.com')], { online: true }), me, { kind: 'meeting' }],
    ['cancelled', event([ME, DANA], { cancelled: true }), me, { skip: SKIP.cancelled }],
    ['declined by me', event([person('me@x.com', { declined: true }), DANA]), me, { skip: SKIP.declined }],
    ['exactly the most attendees', event([ME, ...crowd(MAX_ATTENDEES - 1)]), me, { kind: 'meeting' }],
    ['one attendee more than the most', event([ME, ...crowd(MAX_ATTENDEES)]), me, { skip: SKIP.crowded }],
    ['all day without attendees', event([person('me@x.com', { organizer: true })], { allDay: true }), me, { skip: SKIP.allDay }],
    ['all day with an attendee', event([ME, DANA], { allDay: true }), me, { kind: 'meeting' }],
    ['only me', event([person('me@x.com', { organizer: true }), ME]), me, { skip: SKIP.alone }],
    ['one person and no address of mine known', event([DANA]), new Set<string>(), { skip: SKIP.alone }],
    ['everyone else declined', event([ME, person('dana@x.com', { declined: true })]), me, { skip: SKIP.othersDeclined }],
    ['a room is nobody', event([ME, person('room@x.com', { resource: true })]), me, { skip: SKIP.alone }],
  ])('%s', (_, e, mine, want) => {
    expect(judgeEvent(e, mine)).toMatchObject(want as object);
  });

  it('the organizer listed again as an attendee is one person, with the attendee’s answer', () => {
    const v = judgeEvent(event([person('dana@x.com', { organizer: true }), ME, person('dana@x.com', { declined: true })]), me);
    expect(v).toEqual({ skip: SKIP.othersDeclined });
  });

  it('people without an address are told apart by name', () => {
    const v = judgeEvent(event([ME, person(null, { name: 'Ann' }), person(null, { name: 'ann' }), person(null, { name: 'Bo' })]), me);
    expect('others' in v && v.others.map((p) => p.name)).toEqual(['Ann', 'Bo']);
  });
});

describe('guessMe', () => {
  it.each<[string, EventOccurrence[], string | null]>([
    ['the address on every shared event', [event([ME, DANA]), event([ME, person('bob@x.com')])], 'me@x.com'],
    ['half of them is enough', [event([ME, DANA]), event([person('a@x.com'), person('b@x.com')])], 'me@x.com'],
    ['one shared event says nothing', [event([ME, DANA])], null],
    ['events of one person say nothing', [event([ME]), event([ME])], null],
  ])('%s', (_, events, want) => {
    expect(guessMe(events)).toBe(want);
  });
});

describe('meOption', () => {
  it.each([
    ['me@x.com', ['me@x.com']],
    [' Me@X.com , mailto:work@y.org,me@x.com ', ['me@x.com', 'work@y.org']],
  ])('%s', (text, want) => expect(meOption(text)).toEqual(want));
  it.each(['', ',', 'not-an-address', 'me@x.com,bad'])('"%s" is refused', (text) => expect(() => meOption(text)).toThrow(/--me/));
});
