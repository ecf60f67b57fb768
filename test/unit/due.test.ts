import { describe, expect, it } from 'vitest';
import {
  type DueInput,
  type DueItem,
  type DueState,
  dueItems,
  followupDue,
  heldBack,
  isHeldBack,
  lateness,
  restingUntil,
  visibleDue,
} from '../../src/core/due.js';
import { interactionBuilder, leadBuilder, pledgeBuilder } from './records.js';
import { activityBuilder, checkRules, due, type Expected, input, type RuleCase } from './rules.js';
import type { ContactRef } from '../../src/core/types.js';

const DANA: ContactRef = { id: 1, name: 'Dana Whitfield' };
const MARIA: ContactRef = { id: 2, name: 'Maria Lopez' };
const BOB: ContactRef = { id: 3, name: 'Bob Ortiz' };

const pledge = pledgeBuilder(DANA, '2026-10-01', 'send my notes');
const interaction = interactionBuilder(DANA, '2026-10-01');
const lead = leadBuilder(MARIA, '2026-10-01');

const activity = activityBuilder(DANA, '2026-10-01');

const held = (state: DueState, d: string, daysOverdue: number): Expected => ({ state, due: d, daysOverdue });

// Each rule on the day before, the day of and the day after its boundary (and a few more).
const RULES: RuleCase[] = [
  {
    rule: 'promise (mine) with --by 10-10 is due the day before',
    input: input({ pledges: [pledge({ by: '2026-10-10' })] }),
    id: 'p1',
    kind: 'promise',
    days: [
      ['2026-10-08', null],
      ['2026-10-09', due('2026-10-09', 0)],
      ['2026-10-10', due('2026-10-09', 1)],
      ['2026-10-12', due('2026-10-09', 3)],
    ],
  },
  {
    rule: 'promise (mine) without --by is due 7 days after it was made',
    input: input({ pledges: [pledge({ madeOn: '2026-10-01' })] }),
    id: 'p1',
    kind: 'promise',
    days: [
      ['2026-10-07', null],
      ['2026-10-08', due('2026-10-08', 0)],
      ['2026-10-09', due('2026-10-08', 1)],
    ],
  },
  {
    rule: 'a kept or dropped promise is never due',
    input: input({ pledges: [pledge({ id: 1, status: 'kept' }), pledge({ id: 1, direction: 'theirs', status: 'dropped' })] }),
    id: 'p1',
    kind: 'promise',
    days: [
      ['2026-10-08', null],
      ['2026-12-01', null],
    ],
  },
  {
    rule: 'thanks is due the day of the interaction',
    input: input({ thanks: [interaction({ id: 4, on: '2026-10-01' })] }),
    id: 'i4',
    kind: 'thanks',
    days: [
      ['2026-09-30', null],
      ['2026-10-01', due('2026-10-01', 0)],
      ['2026-10-02', due('2026-10-01', 1)],
    ],
  },
  {
    rule: 'thanks once sent is not due',
    input: input({ thanks: [interaction({ id: 4, thankedOn: '2026-10-01' })] }),
    id: 'i4',
    kind: 'thanks',
    days: [
      ['2026-10-01', null],
      ['2026-10-02', null],
    ],
  },
  {
    rule: 'no thanks when none is owed',
    input: input({ thanks: [interaction({ id: 4, kind: 'email', thanksOwed: false })] }),
    id: 'i4',
    kind: 'thanks',
    days: [
      ['2026-10-01', null],
      ['2026-10-02', null],
    ],
  },
  {
    rule: 'report is due as soon as the lead is followed',
    input: input({ leads: [lead({ id: 5, status: 'followed', givenOn: '2026-10-01', followedOn: '2026-10-05' })] }),
    id: 'l5',
    kind: 'report',
    days: [
      ['2026-10-04', null],
      ['2026-10-05', due('2026-10-05', 0)],
      ['2026-10-06', due('2026-10-05', 1)],
    ],
  },
  {
    rule: 'report without a followed date counts from when the lead was given',
    input: input({ leads: [lead({ id: 5, status: 'followed', givenOn: '2026-10-01', followedOn: null })] }),
    id: 'l5',
    kind: 'report',
    days: [
      ['2026-09-30', null],
      ['2026-10-01', due('2026-10-01', 0)],
      ['2026-10-02', due('2026-10-01', 1)],
    ],
  },
  {
    rule: 'lead is due 3 days after an open lead was given',
    input: input({ leads: [lead({ id: 5, givenOn: '2026-10-01' })] }),
    id: 'l5',
    kind: 'lead',
    days: [
      ['2026-10-01', null],
      ['2026-10-03', null],
      ['2026-10-04', due('2026-10-04', 0)],
      ['2026-10-05', due('2026-10-04', 1)],
    ],
  },
  {
    rule: 'a reported or dropped lead owes nothing',
    input: input({ leads: [lead({ id: 5, status: 'reported', followedOn: '2026-10-02', reportedOn: '2026-10-03' }), lead({ id: 5, status: 'dropped' })] }),
    id: 'l5',
    kind: 'lead',
    days: [
      ['2026-10-04', null],
      ['2026-10-10', null],
    ],
  },
  {
    rule: 'nudge for their promise with --by 10-10 is due the day after',
    input: input({ pledges: [pledge({ id: 2, direction: 'theirs', by: '2026-10-10' })] }),
    id: 'p2',
    kind: 'nudge',
    days: [
      ['2026-10-10', null],
      ['2026-10-11', due('2026-10-11', 0)],
      ['2026-10-12', due('2026-10-11', 1)],
    ],
  },
  {
    rule: 'nudge for their promise without --by is due 7 days after it was made',
    input: input({ pledges: [pledge({ id: 2, direction: 'theirs', madeOn: '2026-10-01' })] }),
    id: 'p2',
    kind: 'nudge',
    days: [
      ['2026-10-07', null],
      ['2026-10-08', due('2026-10-08', 0)],
      ['2026-10-09', due('2026-10-08', 1)],
    ],
  },
  {
    rule: 'after a nudge on 10-11 the next nudge is a week later',
    input: input({ pledges: [pledge({ id: 2, direction: 'theirs', by: '2026-10-10', nudges: 1, lastNudgedOn: '2026-10-11' })] }),
    id: 'p2',
    kind: 'nudge',
    days: [
      ['2026-10-11', null],
      ['2026-10-17', null],
      ['2026-10-18', due('2026-10-18', 0)],
      ['2026-10-19', due('2026-10-18', 1)],
    ],
  },
  {
    rule: 'after two nudges their promise rests',
    input: input({ pledges: [pledge({ id: 2, direction: 'theirs', by: '2026-10-10', nudges: 2, lastNudgedOn: '2026-10-18' })] }),
    id: 'p2',
    kind: 'nudge',
    days: [
      ['2026-10-24', held('resting', '2026-10-25', -1)],
      ['2026-10-25', held('resting', '2026-10-25', 0)],
      ['2026-10-26', held('resting', '2026-10-25', 1)],
      ['2027-03-01', held('resting', '2026-10-25', 127)],
    ],
  },
  {
    rule: 'first follow-up 7 days after the only interaction',
    input: input({ activity: [activity({ metOn: '2026-10-01', interactionCount: 1, lastOn: '2026-10-01' })] }),
    id: 'c1',
    kind: 'followup',
    days: [
      ['2026-10-07', null],
      ['2026-10-08', due('2026-10-08', 0)],
      ['2026-10-09', due('2026-10-08', 1)],
    ],
  },
  {
    rule: 'first follow-up 7 days after meeting when nothing was logged',
    input: input({ activity: [activity({ metOn: '2026-10-01', interactionCount: 0, lastOn: null })] }),
    id: 'c1',
    kind: 'followup',
    days: [
      ['2026-10-07', null],
      ['2026-10-08', due('2026-10-08', 0)],
      ['2026-10-09', due('2026-10-08', 1)],
    ],
  },
  {
    rule: 'follow-up at last interaction + cadence (10-08 + 90 days)',
    input: input({ activity: [activity({ metOn: '2026-10-01', interactionCount: 2, lastOn: '2026-10-08', cadenceDays: 90 })] }),
    id: 'c1',
    kind: 'followup',
    days: [
      ['2026-10-15', null],
      ['2027-01-05', null],
      ['2027-01-06', due('2027-01-06', 0)],
      ['2027-01-07', due('2027-01-06', 1)],
    ],
  },
  {
    rule: 'follow-up at last interaction + a 30-day cadence',
    input: input({ activity: [activity({ interactionCount: 5, lastOn: '2026-09-15', cadenceDays: 30 })] }),
    id: 'c1',
    kind: 'followup',
    days: [
      ['2026-10-14', null],
      ['2026-10-15', due('2026-10-15', 0)],
      ['2026-10-16', due('2026-10-15', 1)],
    ],
  },
  {
    rule: 'no follow-up without a cadence',
    input: input({ activity: [activity({ cadenceDays: null, interactionCount: 2, lastOn: '2026-10-08' })] }),
    id: 'c1',
    kind: 'followup',
    days: [
      ['2026-10-15', null],
      ['2027-01-06', null],
      ['2030-01-01', null],
    ],
  },
  {
    rule: 'no follow-up for someone never met and never contacted',
    input: input({ activity: [activity({ metOn: null, interactionCount: 0, lastOn: null })] }),
    id: 'c1',
    kind: 'followup',
    days: [
      ['2026-10-08', null],
      ['2030-01-01', null],
    ],
  },
  {
    rule: 'no follow-up for an archived contact',
    input: input({ activity: [activity({ archived: true, interactionCount: 3, lastOn: '2026-01-01' })] }),
    id: 'c1',
    kind: 'followup',
    days: [
      ['2026-10-01', null],
      ['2030-01-01', null],
    ],
  },
  {
    rule: 'respect: two unanswered (09-01, 09-10) on a 30-day cadence rest until 11-09',
    input: input({ activity: [activity({ cadenceDays: 30, interactionCount: 3, lastOn: '2026-09-10', lastTwoNoReply: true })] }),
    id: 'c1',
    kind: 'followup',
    days: [
      ['2026-10-10', held('resting', '2026-11-09', -30)],
      ['2026-10-15', held('resting', '2026-11-09', -25)],
      ['2026-11-08', held('resting', '2026-11-09', -1)],
      ['2026-11-09', due('2026-11-09', 0)],
      ['2026-11-10', due('2026-11-09', 1)],
    ],
  },
  {
    rule: 'respect: their promise is not nudged while the contact rests',
    input: input({
      pledges: [pledge({ id: 2, direction: 'theirs', by: '2026-10-10' })],
      activity: [activity({ cadenceDays: 30, interactionCount: 3, lastOn: '2026-09-10', lastTwoNoReply: true })],
    }),
    id: 'p2',
    kind: 'nudge',
    days: [
      ['2026-10-15', held('resting', '2026-10-11', 4)],
      ['2026-11-08', held('resting', '2026-10-11', 28)],
      ['2026-11-09', due('2026-10-11', 29)],
    ],
  },
  {
    rule: 'a snoozed lead waits until its date',
    input: input({ leads: [lead({ id: 5, givenOn: '2026-10-01', snoozedUntil: '2026-10-10' })] }),
    id: 'l5',
    kind: 'lead',
    days: [
      ['2026-10-04', held('snoozed', '2026-10-04', 0)],
      ['2026-10-09', held('snoozed', '2026-10-04', 5)],
      ['2026-10-10', due('2026-10-04', 6)],
      ['2026-10-11', due('2026-10-04', 7)],
    ],
  },
  {
    rule: 'a snoozed promise waits until its date',
    input: input({ pledges: [pledge({ by: '2026-10-10', snoozedUntil: '2026-10-15' })] }),
    id: 'p1',
    kind: 'promise',
    days: [
      ['2026-10-14', held('snoozed', '2026-10-09', 5)],
      ['2026-10-15', due('2026-10-09', 6)],
      ['2026-10-16', due('2026-10-09', 7)],
    ],
  },
  {
    rule: 'a snoozed thank-you waits until its date',
    input: input({ thanks: [interaction({ id: 4, on: '2026-10-01', snoozedUntil: '2026-10-03' })] }),
    id: 'i4',
    kind: 'thanks',
    days: [
      ['2026-10-02', held('snoozed', '2026-10-01', 1)],
      ['2026-10-03', due('2026-10-01', 2)],
      ['2026-10-04', due('2026-10-01', 3)],
    ],
  },
  {
    rule: 'a snoozed nudge waits until its date',
    input: input({ pledges: [pledge({ id: 2, direction: 'theirs', by: '2026-10-10', snoozedUntil: '2026-10-20' })] }),
    id: 'p2',
    kind: 'nudge',
    days: [
      ['2026-10-19', held('snoozed', '2026-10-11', 8)],
      ['2026-10-20', due('2026-10-11', 9)],
      ['2026-10-21', due('2026-10-11', 10)],
    ],
  },
  {
    rule: 'a snoozed contact gets no follow-up until the snooze ends',
    input: input({ activity: [activity({ snoozedUntil: '2026-10-20' })] }),
    id: 'c1',
    kind: 'followup',
    days: [
      ['2026-10-08', held('snoozed', '2026-10-08', 0)],
      ['2026-10-19', held('snoozed', '2026-10-08', 11)],
      ['2026-10-20', due('2026-10-08', 12)],
      ['2026-10-21', due('2026-10-08', 13)],
    ],
  },
];

checkRules('due rule: ', RULES);

describe('due items: contents', () => {
  it('my promise names the contact, what and since when', () => {
    const [item] = dueItems(input({ pledges: [pledge({ id: 7, by: '2026-10-10', what: 'send my notes' })] }), '2026-10-09');
    expect(item).toEqual({
      id: 'p7',
      kind: 'promise',
      contact: DANA,
      title: 'You promised by 2026-10-10: send my notes',
      brief: 'You promised by Oct 10: send my notes',
      since: '2026-10-01',
      due: '2026-10-09',
      daysOverdue: 0,
      state: 'due',
      reason: null,
      until: null,
    });
  });

  it('thanks for a shared interaction is owed once, under its first contact', () => {
    const items = dueItems(
      input({ thanks: [interaction({ id: 4, kind: 'call', contacts: [BOB, DANA], summary: 'intro call' })] }),
      '2026-10-01',
    );
    expect(items).toHaveLength(1);
    expect(items[0]?.contact).toEqual(BOB);
    expect(items[0]?.title).toBe('Thank them for the call on 2026-10-01 (with 1 more): intro call');
  });

  it('no thanks for an interaction dated in the future', () => {
    expect(dueItems(input({ thanks: [interaction({ on: '2026-10-05' })] }), '2026-10-01')).toEqual([]);
  });

  it('lead and report items belong to the source and share the lead id', () => {
    const open = dueItems(input({ leads: [lead({ id: 9, person: BOB })] }), '2026-10-04');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ id: 'l9', kind: 'lead', contact: MARIA, title: 'Follow their lead: Bob runs data at Acme (talk to Bob Ortiz)', since: '2026-10-01' });
    const followed = dueItems(input({ leads: [lead({ id: 9, person: BOB, status: 'followed', followedOn: '2026-10-05' })] }), '2026-10-05');
    expect(followed).toHaveLength(1);
    expect(followed[0]).toMatchObject({ id: 'l9', kind: 'report', contact: MARIA, since: '2026-10-05', daysOverdue: 0 });
  });

  it('a nudge counts the nudges already sent', () => {
    const [item] = dueItems(
      input({ pledges: [pledge({ id: 2, direction: 'theirs', what: 'pass my resume to Harry', nudges: 1, lastNudgedOn: '2026-10-11' })] }),
      '2026-10-18',
    );
    expect(item?.title).toBe('Nudge about their promise: pass my resume to Harry (nudged 1×)');
    expect(item?.since).toBe('2026-10-01');
  });

  it('held-back items say why', () => {
    const snoozed = dueItems(input({ leads: [lead({ snoozedUntil: '2026-10-10' })] }), '2026-10-05');
    expect(snoozed[0]?.reason).toBe('snoozed until 2026-10-10');
    const nudged = dueItems(input({ pledges: [pledge({ direction: 'theirs', nudges: 2, lastNudgedOn: '2026-10-18' })] }), '2026-10-26');
    expect(nudged[0]?.reason).toBe('nudged 2 times; resting until they answer');
    const resting = dueItems(
      input({ activity: [activity({ cadenceDays: 30, interactionCount: 3, lastOn: '2026-09-10', lastTwoNoReply: true })] }),
      '2026-10-15',
    );
    expect(resting[0]?.reason).toBe('two unanswered messages; resting until 2026-11-09');
  });

  it('the first follow-up says so; later ones give the last contact', () => {
    const [first] = dueItems(input({ activity: [activity()] }), '2026-10-08');
    expect(first?.title).toBe('First follow-up after meeting on 2026-10-01');
    expect(first?.since).toBe('2026-10-01');
    const [later] = dueItems(input({ activity: [activity({ interactionCount: 2, lastOn: '2026-10-08' })] }), '2027-01-06');
    expect(later?.title).toBe('Keep in touch (last contact 2026-10-08)');
    expect(later?.since).toBe('2026-10-08');
  });

  it('nothing is owed on an empty journal', () => {
    expect(dueItems(input({}), '2026-10-01')).toEqual([]);
  });
});

describe('the issue scenarios', () => {
  it('coffee with Dana on 10-01: thanks that day, first follow-up on 10-08 not 10-07', () => {
    const data = input({
      thanks: [interaction({ id: 1, on: '2026-10-01' })],
      activity: [activity({ metOn: '2026-10-01', interactionCount: 1, lastOn: '2026-10-01' })],
    });
    expect(dueItems(data, '2026-10-01').map((i) => i.id)).toEqual(['i1']);
    expect(dueItems(data, '2026-10-07').map((i) => i.id)).toEqual(['i1']);
    const thankedData = { ...data, thanks: [] };
    expect(dueItems(thankedData, '2026-10-07')).toEqual([]);
    expect(dueItems(thankedData, '2026-10-08').map((i) => `${i.id} ${i.kind} ${i.due}`)).toEqual(['c1 followup 2026-10-08']);
  });

  it('an overdue promise sorts before today\'s thanks', () => {
    const items = dueItems(
      input({ thanks: [interaction({ id: 3, on: '2026-10-12' })], pledges: [pledge({ id: 8, by: '2026-10-10' })] }),
      '2026-10-12',
    );
    expect(items.map((i) => [i.id, i.daysOverdue])).toEqual([
      ['p8', 3],
      ['i3', 0],
    ]);
  });
});

describe('ordering', () => {
  const TODAY = '2026-10-11';
  // One item of every kind, each due exactly today.
  const allToday = input({
    activity: [activity({ contact: BOB, metOn: '2026-10-04', interactionCount: 1, lastOn: '2026-10-04' })],
    pledges: [pledge({ id: 2, direction: 'theirs', by: '2026-10-10' }), pledge({ id: 1, by: '2026-10-12' })],
    leads: [lead({ id: 6, givenOn: '2026-10-08' }), lead({ id: 5, status: 'followed', followedOn: '2026-10-11' })],
    thanks: [interaction({ id: 4, on: '2026-10-11' })],
  });

  it('by kind: promise, thanks, report, lead, nudge, followup', () => {
    const items = dueItems(allToday, TODAY);
    expect(items.every((i) => i.daysOverdue === 0 && i.state === 'due')).toBe(true);
    expect(items.map((i) => i.kind)).toEqual(['promise', 'thanks', 'report', 'lead', 'nudge', 'followup']);
  });

  it('overdue first: yesterday\'s follow-up before everything due today', () => {
    const items = dueItems({ ...allToday, activity: [activity({ contact: BOB, metOn: '2026-10-03', interactionCount: 1, lastOn: '2026-10-03' })] }, TODAY);
    expect(items.map((i) => i.kind)).toEqual(['followup', 'promise', 'thanks', 'report', 'lead', 'nudge']);
    expect(items[0]?.daysOverdue).toBe(1);
  });

  it('among overdue items kind comes before age', () => {
    const items = dueItems(
      input({
        thanks: [interaction({ id: 4, on: '2026-10-01' })],
        pledges: [pledge({ id: 1, by: '2026-10-11' })],
      }),
      '2026-10-12',
    );
    expect(items.map((i) => [i.id, i.daysOverdue])).toEqual([
      ['p1', 2],
      ['i4', 11],
    ]);
  });

  it('oldest first within a kind', () => {
    const items = dueItems(
      input({
        pledges: [pledge({ id: 1, by: '2026-10-06' }), pledge({ id: 2, by: '2026-10-04' }), pledge({ id: 3, by: '2026-10-10' })],
        leads: [lead({ id: 7, givenOn: '2026-10-05' }), lead({ id: 8, givenOn: '2026-10-02' })],
      }),
      '2026-10-09',
    );
    expect(items.map((i) => `${i.id}:${i.due}`)).toEqual([
      'p2:2026-10-03',
      'p1:2026-10-05',
      'l8:2026-10-05',
      'l7:2026-10-08',
      'p3:2026-10-09',
    ]);
  });

  it('the same due day: the older item first, then the lower id', () => {
    const items = dueItems(
      input({
        leads: [
          lead({ id: 3, status: 'followed', givenOn: '2026-10-02', followedOn: '2026-10-05' }),
          lead({ id: 2, status: 'followed', givenOn: '2026-10-01', followedOn: '2026-10-05' }),
          lead({ id: 1, status: 'followed', givenOn: '2026-10-03', followedOn: '2026-10-05' }),
        ],
        thanks: [interaction({ id: 12, on: '2026-10-05' }), interaction({ id: 9, on: '2026-10-05' })],
      }),
      '2026-10-05',
    );
    expect(items.map((i) => i.id)).toEqual(['i9', 'i12', 'l1', 'l2', 'l3']);
  });
});

describe('visibleDue', () => {
  const data = input({
    pledges: [pledge({ id: 1, by: '2026-10-10' }), pledge({ id: 2, direction: 'theirs', nudges: 2, lastNudgedOn: '2026-10-01' })],
    leads: [lead({ id: 5, snoozedUntil: '2026-10-20' })],
  });
  const items = dueItems(data, '2026-10-12');

  it('has a due, a resting and a snoozed item to filter', () => {
    expect(items.map((i) => `${i.id}:${i.state}`).sort()).toEqual(['l5:snoozed', 'p1:due', 'p2:resting']);
  });

  it('shows only due items by default', () => {
    expect(visibleDue(items, false).map((i) => i.id)).toEqual(['p1']);
  });

  it('shows everything with --all, as a copy', () => {
    const all = visibleDue(items, true);
    expect(all).toEqual(items);
    expect(all).not.toBe(items);
  });
});

describe('restingUntil / followupDue', () => {
  it('rest lasts twice the cadence from the last interaction', () => {
    expect(restingUntil(activity({ cadenceDays: 30, lastOn: '2026-09-10', lastTwoNoReply: true }))).toBe('2026-11-09');
    expect(restingUntil(activity({ cadenceDays: null, lastOn: '2026-09-10', lastTwoNoReply: true }))).toBe('2027-03-09');
    expect(restingUntil(activity({ cadenceDays: 30, lastOn: '2026-09-10', lastTwoNoReply: false }))).toBeNull();
  });

  it('follow-up day from the activity', () => {
    expect(followupDue(activity())).toBe('2026-10-08');
    expect(followupDue(activity({ interactionCount: 2, lastOn: '2026-10-08' }))).toBe('2027-01-06');
    expect(followupDue(activity({ cadenceDays: null }))).toBeNull();
    expect(followupDue(activity({ metOn: null, lastOn: null, interactionCount: 0 }))).toBeNull();
  });
});

// Held back (issue 12, item 11): one rule decides what net due leaves out, --all adds and
// the report's Held back section lists, with why (the words of net due --all) and the day
// it shows again. Each case on the day before it shows, and the day it does.
interface HeldCase {
  rule: string;
  input: DueInput;
  id: string;
  /** today → [state, reason, until], or 'due' once it shows. */
  days: Array<[string, [DueState, string, string | null] | 'due']>;
}

const RESTING = activity({ cadenceDays: 30, interactionCount: 3, lastOn: '2026-09-10', lastTwoNoReply: true });
const HELD: HeldCase[] = [
  {
    rule: 'snoozed: until its snooze ends',
    input: input({ leads: [lead({ id: 5, snoozedUntil: '2026-10-10' })] }),
    id: 'l5',
    days: [
      ['2026-10-09', ['snoozed', 'snoozed until 2026-10-10', '2026-10-10']],
      ['2026-10-10', 'due'],
    ],
  },
  {
    rule: 'their promise nudged twice: until they answer, whatever the nudge rule\'s date',
    input: input({ pledges: [pledge({ id: 2, direction: 'theirs', by: '2026-10-03', nudges: 2, lastNudgedOn: '2026-10-10' })] }),
    id: 'p2',
    days: [
      ['2026-10-16', ['resting', 'nudged 2 times; resting until they answer', null]],
      ['2026-10-17', ['resting', 'nudged 2 times; resting until they answer', null]],
      ['2030-01-01', ['resting', 'nudged 2 times; resting until they answer', null]],
    ],
  },
  {
    rule: 'their promise while the contact rests: until the rest ends',
    input: input({ pledges: [pledge({ id: 2, direction: 'theirs', by: '2026-10-10' })], activity: [RESTING] }),
    id: 'p2',
    days: [
      ['2026-11-08', ['resting', 'two unanswered messages; resting until 2026-11-09', '2026-11-09']],
      ['2026-11-09', 'due'],
    ],
  },
  {
    rule: 'their promise while the contact rests, its nudge due after the rest: until the nudge is due',
    input: input({ pledges: [pledge({ id: 2, direction: 'theirs', by: '2026-11-20' })], activity: [RESTING] }),
    id: 'p2',
    days: [
      ['2026-11-08', ['resting', 'two unanswered messages; resting until 2026-11-09', '2026-11-21']],
      ['2026-11-21', 'due'],
    ],
  },
  {
    rule: 'a resting contact\'s follow-up: until the rest ends',
    input: input({ activity: [RESTING] }),
    id: 'c1',
    days: [
      ['2026-11-08', ['resting', 'two unanswered messages; resting until 2026-11-09', '2026-11-09']],
      ['2026-11-09', 'due'],
    ],
  },
  {
    rule: 'snoozed past the rest: until the snooze ends',
    input: input({ activity: [{ ...RESTING, snoozedUntil: '2026-11-20' }] }),
    id: 'c1',
    days: [
      ['2026-11-08', ['snoozed', 'snoozed until 2026-11-20', '2026-11-20']],
      ['2026-11-19', ['snoozed', 'snoozed until 2026-11-20', '2026-11-20']],
      ['2026-11-20', 'due'],
    ],
  },
  {
    rule: 'snoozed while the rest goes on longer: until the rest ends',
    input: input({ activity: [{ ...RESTING, snoozedUntil: '2026-10-20' }] }),
    id: 'c1',
    days: [
      ['2026-10-19', ['snoozed', 'snoozed until 2026-10-20', '2026-11-09']],
      ['2026-10-20', ['resting', 'two unanswered messages; resting until 2026-11-09', '2026-11-09']],
      ['2026-11-09', 'due'],
    ],
  },
  {
    rule: 'snoozed, their promise nudged twice: until they answer',
    input: input({ pledges: [pledge({ id: 2, direction: 'theirs', by: '2026-10-03', nudges: 2, lastNudgedOn: '2026-10-10', snoozedUntil: '2026-10-20' })] }),
    id: 'p2',
    days: [
      ['2026-10-19', ['snoozed', 'snoozed until 2026-10-20', null]],
      ['2026-10-20', ['resting', 'nudged 2 times; resting until they answer', null]],
    ],
  },
  {
    rule: 'a planned meeting: until its day',
    input: input({ upcoming: [{ id: 9, contacts: [DANA], on: '2026-10-20', kind: 'coffee', summary: null, recordedOn: '2026-10-01' }] }),
    id: 'i9',
    days: [
      ['2026-10-19', ['planned', 'planned for 2026-10-20', '2026-10-20']],
      ['2026-10-20', 'due'],
    ],
  },
];

describe('held back: why, and the day it shows again', () => {
  for (const c of HELD) {
    it.each(c.days)(`${c.rule} (on %s)`, (today, expected) => {
      const items = dueItems(c.input, today).filter((i) => i.id === c.id);
      expect(items).toHaveLength(1);
      const [one] = items as [DueItem];
      if (expected === 'due') {
        expect([one.state, one.reason, one.until, isHeldBack(one)]).toEqual(['due', null, null, false]);
      } else {
        expect([one.state, one.reason, one.until, isHeldBack(one)]).toEqual([...expected, true]);
        // net due --all and the report say the same words.
        expect(lateness(one, today)).toBe(expected[1]);
      }
      // What net due leaves out is exactly what heldBack lists.
      const all = dueItems(c.input, today);
      expect(heldBack(all)).toEqual(all.filter((i) => !visibleDue(all, false).includes(i)));
      expect([...visibleDue(all, false), ...heldBack(all)]).toHaveLength(visibleDue(all, true).length);
    });
  }
});

function item(over: Partial<DueItem>): DueItem {
  return {
    id: 'p1',
    kind: 'promise',
    contact: DANA,
    title: 't',
    brief: 't',
    since: '2026-10-01',
    due: '2026-10-09',
    daysOverdue: 0,
    state: 'due',
    reason: null,
    until: null,
    ...over,
  };
}

describe('lateness', () => {
  it.each([
    [item({ daysOverdue: 0 }), '2026-10-09', 'due today'],
    [item({ daysOverdue: 1, due: '2026-10-11' }), '2026-10-12', '1 day overdue (since Oct 11)'],
    [item({ daysOverdue: 3, due: '2026-10-09' }), '2026-10-12', '3 days overdue (since Oct 9)'],
    [item({ daysOverdue: 3, due: '2026-12-30' }), '2027-01-02', '3 days overdue (since Dec 30, 2026)'],
    [item({ state: 'snoozed', reason: 'snoozed until 2026-10-20', daysOverdue: 5 }), '2026-10-14', 'snoozed until 2026-10-20'],
    [item({ state: 'resting', reason: null, daysOverdue: 5 }), '2026-10-14', 'resting'],
  ])('%#: %j on %s', (it_, today, expected) => {
    expect(lateness(it_, today)).toBe(expected);
  });

  it('describes my promise --by 10-10 on 10-12 as 3 days overdue', () => {
    const [p] = dueItems(input({ pledges: [pledge({ by: '2026-10-10' })] }), '2026-10-12');
    expect(p).toBeDefined();
    if (p) expect(lateness(p, '2026-10-12')).toBe('3 days overdue (since Oct 9)');
  });
});
