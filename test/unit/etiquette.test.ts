// Issue 12: the due rules that match real etiquette, one table per item, each rule on the
// days around its boundary (in the style of due.test.ts).
import { describe, expect, it } from 'vitest';
import {
  type DueState,
  cadenceFromConversation,
  dueItems,
  followupDue,
  thanksOwedByDefault,
} from '../../src/core/due.js';
import { interactionBuilder, leadBuilder, pledgeBuilder } from './records.js';
import { activityBuilder, checkRules, due, input, type RuleCase } from './rules.js';
import type { ContactRef, InteractionKind } from '../../src/core/types.js';

const KIM: ContactRef = { id: 1, name: 'Kim' };
const XENA: ContactRef = { id: 2, name: 'Xena Y' };
const BOB: ContactRef = { id: 3, name: 'Bob Ortiz' };

const pledge = pledgeBuilder(KIM, '2026-04-14', 'send the deck');
const interaction = interactionBuilder(KIM, '2026-04-14');
const lead = leadBuilder(KIM, '2026-04-14');

const activity = activityBuilder(KIM, '2026-04-14');
const check = (rules: RuleCase[]) => checkRules('', rules);

describe('1. my promise falls due on the later of the day it was made and the day before --by', () => {
  check([
    {
      rule: 'made 04-14 --by 04-14 (today): due today, not overdue',
      input: input({ pledges: [pledge({ madeOn: '2026-04-14', by: '2026-04-14' })] }),
      id: 'p1',
      kind: 'promise',
      days: [
        ['2026-04-13', null],
        ['2026-04-14', due('2026-04-14', 0)],
        ['2026-04-15', due('2026-04-14', 1)],
      ],
    },
    {
      rule: 'made 04-14 --by 04-15 (tomorrow): due the day before, which is the day it was made',
      input: input({ pledges: [pledge({ madeOn: '2026-04-14', by: '2026-04-15' })] }),
      id: 'p1',
      kind: 'promise',
      days: [
        ['2026-04-13', null],
        ['2026-04-14', due('2026-04-14', 0)],
        ['2026-04-15', due('2026-04-14', 1)],
      ],
    },
    {
      rule: 'made 04-14 --by 04-20: due 04-19 as before',
      input: input({ pledges: [pledge({ madeOn: '2026-04-14', by: '2026-04-20' })] }),
      id: 'p1',
      kind: 'promise',
      days: [
        ['2026-04-18', null],
        ['2026-04-19', due('2026-04-19', 0)],
        ['2026-04-20', due('2026-04-19', 1)],
      ],
    },
    {
      rule: 'made 04-14 with a --by already past (04-10): due the day it was made',
      input: input({ pledges: [pledge({ madeOn: '2026-04-14', by: '2026-04-10' })] }),
      id: 'p1',
      kind: 'promise',
      days: [
        ['2026-04-13', null],
        ['2026-04-14', due('2026-04-14', 0)],
        ['2026-04-16', due('2026-04-14', 2)],
      ],
    },
  ]);
});

describe('2. nothing falls due before the day it was recorded', () => {
  check([
    {
      rule: 'a thank-you for a coffee on 04-01 recorded 04-10 is due 04-10',
      input: input({ thanks: [interaction({ on: '2026-04-01', recordedOn: '2026-04-10' })] }),
      id: 'i1',
      kind: 'thanks',
      days: [
        ['2026-04-09', null],
        ['2026-04-10', due('2026-04-10', 0)],
        ['2026-04-11', due('2026-04-10', 1)],
      ],
    },
    {
      rule: 'a promise made 2015-09-01 recorded 2026-04-14 is due 2026-04-14',
      input: input({ pledges: [pledge({ madeOn: '2015-09-01', recordedOn: '2026-04-14' })] }),
      id: 'p1',
      kind: 'promise',
      days: [
        ['2026-04-13', null],
        ['2026-04-14', due('2026-04-14', 0)],
        ['2026-04-15', due('2026-04-14', 1)],
      ],
    },
    {
      rule: 'their promise made 2015 without --by, recorded 2026-04-14: the nudge waits until 04-14',
      input: input({ pledges: [pledge({ direction: 'theirs', madeOn: '2015-09-01', recordedOn: '2026-04-14' })] }),
      id: 'p1',
      kind: 'nudge',
      days: [
        ['2026-04-13', null],
        ['2026-04-14', due('2026-04-14', 0)],
      ],
    },
    {
      rule: 'a lead given 2015 recorded 2026-04-14 is due on 04-14, not 3 days after 2015',
      input: input({ leads: [lead({ givenOn: '2015-09-01', recordedOn: '2026-04-14' })] }),
      id: 'l1',
      kind: 'lead',
      days: [
        ['2026-04-13', null],
        ['2026-04-14', due('2026-04-14', 0)],
        ['2026-04-15', due('2026-04-14', 1)],
      ],
    },
    {
      rule: 'the first follow-up of someone met 2015-09-01 and added 2026-04-14 is 7 days after they were added',
      input: input({ activity: [activity({ metOn: '2015-09-01', lastOn: '2015-09-01', interactionCount: 1, recordedOn: '2026-04-14' })] }),
      id: 'c1',
      kind: 'followup',
      days: [
        ['2026-04-14', null],
        ['2026-04-20', null],
        ['2026-04-21', due('2026-04-21', 0)],
        ['2026-04-22', due('2026-04-21', 1)],
      ],
    },
    {
      rule: 'a later follow-up (cadence) of a backdated contact is not due before they were added',
      input: input({ activity: [activity({ metOn: '2015-09-01', lastOn: '2015-10-01', interactionCount: 2, recordedOn: '2026-04-14' })] }),
      id: 'c1',
      kind: 'followup',
      days: [
        ['2026-04-13', null],
        ['2026-04-14', due('2026-04-14', 0)],
        ['2026-04-15', due('2026-04-14', 1)],
      ],
    },
    {
      rule: 'a contact recorded the day they were met is followed up 7 days later as before',
      input: input({ activity: [activity({ metOn: '2026-04-14', lastOn: '2026-04-14', recordedOn: '2026-04-14' })] }),
      id: 'c1',
      kind: 'followup',
      days: [
        ['2026-04-20', null],
        ['2026-04-21', due('2026-04-21', 0)],
      ],
    },
  ]);

  it.each<[InteractionKind, string, string, boolean, boolean]>([
    ['coffee', '2026-04-14', '2026-04-14', false, true],
    ['coffee', '2026-04-01', '2026-04-14', false, true],
    ['coffee', '2026-03-31', '2026-04-14', false, false],
    ['coffee', '2015-09-01', '2026-04-14', false, false],
    ['interview', '2026-04-02', '2026-04-14', false, true],
    ['intro', '2026-03-31', '2026-04-14', false, false],
    ['email', '2026-04-14', '2026-04-14', false, false],
    ['call', '2026-04-14', '2026-04-14', true, false],
    ['meeting', '2026-04-20', '2026-04-14', false, true],
  ])('a %s on %s recorded %s (no reply: %s) owes a thank-you: %s', (kind, on, recorded, noReply, owed) => {
    expect(thanksOwedByDefault(kind, on, recorded, noReply)).toBe(owed);
  });

  it('the follow-up day takes the day recorded into account', () => {
    expect(followupDue(activity({ metOn: '2015-09-01', lastOn: '2015-09-01', recordedOn: '2026-04-14' }))).toBe('2026-04-21');
    expect(followupDue(activity({ metOn: '2015-09-01', lastOn: null, interactionCount: 0, recordedOn: '2026-04-14' }))).toBe('2026-04-21');
    expect(followupDue(activity({ metOn: '2026-04-14', lastOn: '2026-04-14', recordedOn: '2026-04-14' }))).toBe('2026-04-21');
    expect(followupDue(activity({ metOn: '2026-04-14', lastOn: '2026-04-14', recordedOn: null }))).toBe('2026-04-21');
  });
});

describe('3. the introducer is owed the thank-you for an introduction', () => {
  check([
    {
      rule: 'Kim introduced you to Xena on 04-14: Kim is owed a thank-you that day',
      input: input({ thanks: [interaction({ id: 4, contacts: [KIM], kind: 'intro', introOf: XENA, summary: 'introduced you to Xena Y' })] }),
      id: 'i4',
      kind: 'thanks',
      days: [
        ['2026-04-13', null],
        ['2026-04-14', due('2026-04-14', 0)],
        ['2026-04-15', due('2026-04-14', 1)],
      ],
    },
  ]);

  it('names the introducer and the person introduced', () => {
    const [item] = dueItems(input({ thanks: [interaction({ id: 4, contacts: [KIM], kind: 'intro', introOf: XENA })] }), '2026-04-14');
    expect(item).toMatchObject({ contact: KIM, title: 'Thank Kim for introducing you to Xena Y' });
  });

  it('an intro you logged yourself still thanks the people in it', () => {
    const [item] = dueItems(input({ thanks: [interaction({ id: 5, contacts: [BOB], kind: 'intro', introOf: null, summary: 'intro call' })] }), '2026-04-14');
    expect(item).toMatchObject({ contact: BOB, title: 'Thank them for the intro on 2026-04-14: intro call' });
  });
});

describe('4. their kept promise owes them a thank-you (kind thanks, id p<id>)', () => {
  check([
    {
      rule: 'kept on 04-14: a thank-you due that day',
      input: input({ pledges: [pledge({ id: 2, direction: 'theirs', status: 'kept', closedOn: '2026-04-14', thanksOwed: true })] }),
      id: 'p2',
      kind: 'thanks',
      days: [
        ['2026-04-13', null],
        ['2026-04-14', due('2026-04-14', 0)],
        ['2026-04-15', due('2026-04-14', 1)],
      ],
    },
    {
      rule: 'once thanked, nothing is owed',
      input: input({ pledges: [pledge({ id: 2, direction: 'theirs', status: 'kept', closedOn: '2026-04-14', thanksOwed: true, thankedOn: '2026-04-14' })] }),
      id: 'p2',
      kind: 'thanks',
      days: [
        ['2026-04-14', null],
        ['2026-04-20', null],
      ],
    },
    {
      rule: 'a promise kept before thank-yous were owed for them owes none',
      input: input({ pledges: [pledge({ id: 2, direction: 'theirs', status: 'kept', closedOn: '2026-04-14', thanksOwed: false })] }),
      id: 'p2',
      kind: 'thanks',
      days: [['2026-04-14', null]],
    },
    {
      rule: 'my own kept promise owes nobody a thank-you',
      input: input({ pledges: [pledge({ id: 2, direction: 'mine', status: 'kept', closedOn: '2026-04-14', thanksOwed: true })] }),
      id: 'p2',
      kind: 'thanks',
      days: [['2026-04-14', null]],
    },
    {
      rule: 'a snoozed thank-you for a kept promise waits',
      input: input({ pledges: [pledge({ id: 2, direction: 'theirs', status: 'kept', closedOn: '2026-04-14', thanksOwed: true, snoozedUntil: '2026-04-16' })] }),
      id: 'p2',
      kind: 'thanks',
      days: [
        ['2026-04-15', { state: 'snoozed', due: '2026-04-14', daysOverdue: 1 }],
        ['2026-04-16', due('2026-04-14', 2)],
      ],
    },
  ]);

  it('says what it thanks them for, and is no nudge any more', () => {
    const items = dueItems(input({ pledges: [pledge({ id: 2, direction: 'theirs', status: 'kept', closedOn: '2026-04-14', thanksOwed: true, what: 'intro to Harry' })] }), '2026-04-20');
    expect(items).toEqual([expect.objectContaining({ id: 'p2', kind: 'thanks', contact: KIM, title: 'Thank them for keeping their promise: intro to Harry', since: '2026-04-14' })]);
  });
});

describe('6. an interview with several people owes a thank-you to each', () => {
  const panel = interaction({ id: 7, kind: 'interview', contacts: [KIM, XENA, BOB], summary: 'panel' });
  check([
    ...[KIM, XENA, BOB].map(
      (p): RuleCase => ({
        rule: `a panel on 04-14 owes ${p.name} their own thank-you`,
        input: input({ thanks: [panel] }),
        id: `i7c${p.id}`,
        kind: 'thanks',
        days: [
          ['2026-04-13', null],
          ['2026-04-14', due('2026-04-14', 0)],
          ['2026-04-15', due('2026-04-14', 1)],
        ],
      }),
    ),
    {
      rule: 'Xena thanked on her own: nothing more is owed to her',
      input: input({ thanks: [{ ...panel, thankedPeople: [{ id: XENA.id, on: '2026-04-14' }] }] }),
      id: 'i7c2',
      kind: 'thanks',
      days: [['2026-04-15', null]],
    },
    {
      rule: 'a coffee with three people is still one thank-you',
      input: input({ thanks: [interaction({ id: 8, kind: 'coffee', contacts: [KIM, XENA, BOB] })] }),
      id: 'i8',
      kind: 'thanks',
      days: [['2026-04-14', due('2026-04-14', 0)]],
    },
    {
      rule: 'an interview with one person is one thank-you under the usual id',
      input: input({ thanks: [interaction({ id: 9, kind: 'interview', contacts: [KIM] })] }),
      id: 'i9',
      kind: 'thanks',
      days: [['2026-04-14', due('2026-04-14', 0)]],
    },
  ]);

  it.each([
    // Xena's own snooze to 04-17; the panel's own snooze (everyone's) to 04-16.
    ['the day before her snooze ends: hers alone is held back', {}, '2026-04-16', ['i7c1 due', 'i7c2 snoozed 2026-04-17', 'i7c3 due']],
    ['the day it ends: owed again', {}, '2026-04-17', ['i7c1 due', 'i7c2 due', 'i7c3 due']],
    ['the day after', {}, '2026-04-18', ['i7c1 due', 'i7c2 due', 'i7c3 due']],
    ["with everyone's snooze: the others follow it, hers is her own", { snoozedUntil: '2026-04-16' }, '2026-04-15', ['i7c1 snoozed 2026-04-16', 'i7c2 snoozed 2026-04-17', 'i7c3 snoozed 2026-04-16']],
    ["everyone's snooze over, hers not yet", { snoozedUntil: '2026-04-16' }, '2026-04-16', ['i7c1 due', 'i7c2 snoozed 2026-04-17', 'i7c3 due']],
  ])('one interviewer snoozed on her own: %s', (_name, over, today, want) => {
    const snoozed = { ...panel, ...over, snoozedPeople: [{ id: XENA.id, until: '2026-04-17' }] };
    const items = dueItems(input({ thanks: [snoozed] }), today).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(items.map((i) => [i.id, i.state, i.until].filter((x) => x !== null).join(' '))).toEqual(want);
  });

  it('each item is the person\'s, and the others stay owed', () => {
    const items = dueItems(input({ thanks: [{ ...panel, thankedPeople: [{ id: KIM.id, on: '2026-04-14' }] }] }), '2026-04-14');
    expect(items.map((i) => [i.id, i.contact?.name, i.title])).toEqual([
      ['i7c2', 'Xena Y', 'Thank Xena Y for the interview on 2026-04-14: panel'],
      ['i7c3', 'Bob Ortiz', 'Thank Bob Ortiz for the interview on 2026-04-14: panel'],
    ]);
  });
});

describe('8. news of a reported lead owes its giver another report-back', () => {
  check([
    {
      rule: 'reported 04-05, news on 04-14: a report-back due 04-14',
      input: input({ leads: [lead({ id: 3, status: 'followed', givenOn: '2026-04-01', followedOn: '2026-04-02', reportedOn: '2026-04-05', news: 'offer', newsOn: '2026-04-14' })] }),
      id: 'l3',
      kind: 'report',
      days: [
        ['2026-04-13', null],
        ['2026-04-14', due('2026-04-14', 0)],
        ['2026-04-16', due('2026-04-14', 2)],
      ],
    },
    {
      rule: 'reported after the news: nothing owed',
      input: input({ leads: [lead({ id: 3, status: 'reported', followedOn: '2026-04-02', reportedOn: '2026-04-15', news: 'offer', newsOn: '2026-04-14' })] }),
      id: 'l3',
      kind: 'report',
      days: [['2026-04-16', null]],
    },
  ]);

  it('the report-back names the news', () => {
    const [item] = dueItems(input({ leads: [lead({ id: 3, status: 'followed', followedOn: '2026-04-02', news: 'offer from Acme', newsOn: '2026-04-14' })] }), '2026-04-14');
    expect(item).toMatchObject({ id: 'l3', kind: 'report', contact: KIM, since: '2026-04-14', title: 'Tell them the news of their lead: Bob runs data at Acme (offer from Acme)' });
  });
});

describe('9. the first conversation gives a contact without a cadence the default one', () => {
  it.each<[string, { cadenceDays: number | null; cadencePending?: boolean }, boolean, number | null]>([
    ['imported, answered', { cadenceDays: null, cadencePending: true }, false, 90],
    ['imported, --no-reply', { cadenceDays: null, cadencePending: true }, true, null],
    ['--every never chosen', { cadenceDays: null, cadencePending: false }, false, null],
    ['a cadence already', { cadenceDays: 30, cadencePending: false }, false, null],
    ['a cadence already, flag left over', { cadenceDays: 30, cadencePending: true }, false, null],
  ])('%s', (_case, contact, noReply, expected) => {
    expect(cadenceFromConversation(contact, noReply)).toBe(expected);
  });

  check([
    {
      rule: 'with the default cadence given at the first conversation on 04-14, the first follow-up is a week later',
      input: input({ activity: [activity({ metOn: null, lastOn: '2026-04-14', interactionCount: 1, cadenceDays: 90, recordedOn: '2026-01-01' })] }),
      id: 'c1',
      kind: 'followup',
      days: [
        ['2026-04-20', null],
        ['2026-04-21', due('2026-04-21', 0)],
      ],
    },
  ]);
});

describe('15. a meeting logged ahead of its day is planned: upcoming on its day, nothing owed before', () => {
  const planned = { id: 6, contacts: [KIM], on: '2026-04-20', kind: 'coffee' as const, summary: 'at Bennu', recordedOn: '2026-04-14' };
  it.each<[string, { state: DueState; daysOverdue: number } | null]>([
    ['2026-04-14', { state: 'planned', daysOverdue: -6 }],
    ['2026-04-19', { state: 'planned', daysOverdue: -1 }],
    ['2026-04-20', { state: 'due', daysOverdue: 0 }],
    ['2026-04-21', null],
  ])('on %s', (today, expected) => {
    const items = dueItems(input({ upcoming: [planned] }), today).filter((i) => i.kind === 'upcoming');
    if (expected === null) {
      expect(items).toEqual([]);
      return;
    }
    expect(items).toEqual([expect.objectContaining({ id: 'i6', kind: 'upcoming', contact: KIM, due: '2026-04-20', title: 'Planned coffee: at Bennu', ...expected })]);
  });

  it('a meeting logged on or after its day is no plan', () => {
    expect(dueItems(input({ upcoming: [{ ...planned, recordedOn: '2026-04-20' }] }), '2026-04-20')).toEqual([]);
  });

  check([
    {
      rule: 'its thank-you is owed from its day, as for any coffee',
      input: input({ thanks: [interaction({ id: 6, on: '2026-04-20', recordedOn: '2026-04-14' })] }),
      id: 'i6',
      kind: 'thanks',
      days: [
        ['2026-04-19', null],
        ['2026-04-20', due('2026-04-20', 0)],
        ['2026-04-21', due('2026-04-20', 1)],
      ],
    },
  ]);

  // The same meeting as a planned one and as a conversation owing its thank-you, as the store reads them.
  const owing = { ...planned, thanksOwed: true, thankedOn: null };
  const thanks = interaction({ id: 6, on: '2026-04-20', recordedOn: '2026-04-14', summary: 'at Bennu' });
  it.each<[string, string, object, string[]]>([
    ['the day before: planned (--all), nothing owed', '2026-04-19', {}, ['i6 upcoming planned']],
    ['its day: one line, upcoming, that stands for its thank-you', '2026-04-20', {}, ['i6 upcoming due']],
    ['the day after: its thank-you, owed since its day', '2026-04-21', {}, ['i6 thanks due 1']],
    ['its day, thank-you sent that day: behind you, nothing listed', '2026-04-20', { thankedOn: '2026-04-20' }, []],
    ['its day, as a report of that day saw it: a thank-you sent the next day was not sent yet', '2026-04-20', { thankedOn: '2026-04-21' }, ['i6 upcoming due']],
    ['its day, a meeting that owes no thank-you: upcoming all day', '2026-04-20', { thanksOwed: false }, ['i6 upcoming due']],
  ])('%s', (_name, today, over, want) => {
    const sent = 'thankedOn' in over && (over as { thankedOn: string }).thankedOn <= today;
    const owed = (over as { thanksOwed?: boolean }).thanksOwed === false || sent ? [] : [thanks];
    const items = dueItems(input({ upcoming: [{ ...owing, ...over }], thanks: owed }), today);
    expect(items.map((i) => [i.id, i.kind, i.state, i.kind === 'thanks' ? i.daysOverdue : null].filter((x) => x !== null).join(' '))).toEqual(want);
  });

  it('a panel planned for today: one upcoming line; each interviewer is owed from the next day', () => {
    const panel = { ...owing, kind: 'interview' as const, contacts: [KIM, XENA] };
    const each = interaction({ id: 6, kind: 'interview', on: '2026-04-20', recordedOn: '2026-04-14', contacts: [KIM, XENA] });
    expect(dueItems(input({ upcoming: [panel], thanks: [each] }), '2026-04-20').map((i) => i.id)).toEqual(['i6']);
    expect(dueItems(input({ upcoming: [panel], thanks: [each] }), '2026-04-21').map((i) => i.id)).toEqual(['i6c1', 'i6c2']);
  });

  it('comes first among what is due today', () => {
    const items = dueItems(input({ upcoming: [planned], thanks: [interaction({ id: 1, on: '2026-04-20' })] }), '2026-04-20');
    expect(items.map((i) => i.kind)).toEqual(['upcoming', 'thanks']);
  });
});
