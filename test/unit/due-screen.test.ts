// Issue 12, items 14 and 16: `net due` readable at 60, 80 and 120 columns (what is owed gets
// the space first, said once, names cut with an ellipsis) and a big backlog shown a
// screenful at a time, with the command that shows the rest.
import { describe, expect, it } from 'vitest';
import { type ContactActivity, type DueInput, type DueItem, dueItems, lateness } from '../../src/core/due.js';
import type { DueJob } from '../../src/core/jobs.js';
import { plain } from '../../src/render/colors.js';
import { dueFooter, dueTable, nameWidth } from '../../src/render/due.js';
import { type Column, table } from '../../src/render/table.js';
import { displayWidth, thousands } from '../../src/render/text.js';
import { interactionBuilder, leadBuilder, pledgeBuilder } from './records.js';
import type { ContactRef } from '../../src/core/types.js';

const TODAY = '2026-04-14';
const DANA: ContactRef = { id: 1, name: 'Dana Whitfield' };
const KIM: ContactRef = { id: 2, name: 'Kim' };
const MAX: ContactRef = { id: 3, name: 'Maximilian Alexander Schwarzenegger-Obermeier' };

const pledge = pledgeBuilder(DANA, '2026-04-01', 'send the deck');
const interaction = interactionBuilder(DANA, '2026-03-26');
const lead = leadBuilder(KIM, '2026-04-01');

function activity(over: Partial<ContactActivity> = {}): ContactActivity {
  return { contact: DANA, cadenceDays: 90, snoozedUntil: null, archived: false, metOn: '2026-01-02', interactionCount: 3, lastOn: '2026-01-02', lastTwoNoReply: false, ...over };
}

function job(over: Partial<DueJob> = {}): DueJob {
  return { id: 4, title: 'Data engineer', company: 'Hooli', via: null, lead: null, stage: 'applied', stageOn: '2026-04-01', askedOn: null, landedOn: null, snoozedUntil: null, people: [], ...over };
}

function input(parts: Partial<DueInput>): DueInput {
  return { pledges: [], thanks: [], leads: [], activity: [], ...parts };
}

describe('brief: what is owed, said once beside the contact and how late', () => {
  it.each<[string, DueInput, string, string]>([
    [
      'a coffee: the contact and the kind column are not repeated, the date is short',
      input({ thanks: [interaction({ summary: 'talked about Acme' })] }),
      'Thank them for the coffee on 2026-03-26: talked about Acme',
      'Thank for the coffee (Mar 26): talked about Acme',
    ],
    [
      'a conversation of last year, with two more people',
      input({ thanks: [interaction({ kind: 'other', on: '2025-12-30', contacts: [DANA, KIM, MAX], thanksOwed: true })] }),
      'Thank them for the conversation on 2025-12-30 (with 2 more)',
      'Thank for the conversation (Dec 30, 2025) (with 2 more)',
    ],
    [
      'an introduction',
      input({ thanks: [interaction({ kind: 'intro', contacts: [KIM], introOf: MAX })] }),
      'Thank Kim for introducing you to Maximilian Alexander Schwarzenegger-Obermeier',
      'Thank for the intro to Maximilian Alexander Schwarzenegger-Obermeier',
    ],
    [
      'their kept promise',
      input({ pledges: [pledge({ direction: 'theirs', status: 'kept', closedOn: '2026-04-10', thanksOwed: true, what: 'intro to Harry' })] }),
      'Thank them for keeping their promise: intro to Harry',
      'Thank for keeping their promise: intro to Harry',
    ],
    [
      'a call whose summary is only its kind says it once',
      input({ thanks: [interaction({ kind: 'call', summary: 'Call ', on: '2026-04-05' })] }),
      'Thank them for the call on 2026-04-05: Call ',
      'Thank for the call (Apr 5)',
    ],
    [
      'a summary that says more than the kind is kept',
      input({ thanks: [interaction({ kind: 'coffee', summary: 'coffee at Bennu' })] }),
      'Thank them for the coffee on 2026-03-26: coffee at Bennu',
      'Thank for the coffee (Mar 26): coffee at Bennu',
    ],
    ['my promise with a date', input({ pledges: [pledge({ by: '2026-04-12' })] }), 'You promised by 2026-04-12: send the deck', 'You promised by Apr 12: send the deck'],
    ['my promise without one', input({ pledges: [pledge()] }), 'You promised: send the deck', 'You promised: send the deck'],
    [
      'a nudge says no date: as its title',
      input({ pledges: [pledge({ direction: 'theirs', nudges: 1, lastNudgedOn: '2026-04-02' })] }),
      'Nudge about their promise: send the deck (nudged 1×)',
      'Nudge about their promise: send the deck (nudged 1×)',
    ],
    ['a lead: as its title', input({ leads: [lead()] }), 'Follow their lead: Bob runs data at Acme', 'Follow their lead: Bob runs data at Acme'],
    [
      'a report-back: as its title',
      input({ leads: [lead({ status: 'followed', followedOn: '2026-04-03' })] }),
      'Tell them how their lead went: Bob runs data at Acme',
      'Tell them how their lead went: Bob runs data at Acme',
    ],
    ['a follow-up', input({ activity: [activity()] }), 'Keep in touch (last contact 2026-01-02)', 'Keep in touch (last contact Jan 2)'],
    [
      'a first follow-up after the meeting',
      input({ activity: [activity({ interactionCount: 1, lastOn: '2026-04-01', metOn: '2026-04-01' })] }),
      'First follow-up after meeting on 2026-04-01',
      'First follow-up (met Apr 1)',
    ],
    [
      'a first follow-up with nothing logged',
      input({ activity: [activity({ interactionCount: 0, lastOn: null, metOn: '2026-04-01' })] }),
      'First follow-up since you met on 2026-04-01',
      'First follow-up (met Apr 1)',
    ],
    [
      'a contact resting after two unanswered messages',
      input({ activity: [activity({ lastTwoNoReply: true, lastOn: '2026-04-01' })] }),
      'Keep in touch (two unanswered; last 2026-04-01)',
      'Keep in touch (two unanswered; last Apr 1)',
    ],
    [
      'asking the referrer about an application',
      input({ jobs: [job({ via: KIM })] }),
      'Ask Kim about your application: Data engineer at Hooli',
      'Ask about your application: Data engineer at Hooli',
    ],
    [
      'telling the referrer about an offer',
      input({ jobs: [job({ via: KIM, stage: 'offer', stageOn: '2026-04-10' })] }),
      'Tell Kim about the offer: Data engineer at Hooli',
      'Tell them about the offer: Data engineer at Hooli',
    ],
    [
      'telling the referrer about a rejection',
      input({ jobs: [job({ via: KIM, stage: 'rejected', stageOn: '2026-04-10' })] }),
      'Tell Kim how your application went: Data engineer at Hooli (rejected)',
      'Tell them how your application went: Data engineer at Hooli (rejected)',
    ],
    [
      'telling a helper you landed',
      input({ jobs: [job({ landedOn: '2026-04-10', people: [{ contact: KIM, met: false, helped: 'referral', toldOn: null }] })] }),
      'Tell Kim you landed at Hooli and thank them',
      'Tell them you landed at Hooli and thank them',
    ],
    [
      'a meeting planned for today: as its title',
      input({ upcoming: [{ id: 9, contacts: [DANA, KIM], on: TODAY, kind: 'coffee', summary: 'at Bennu', recordedOn: '2026-04-01' }] }),
      'Planned coffee (with Kim): at Bennu',
      'Planned coffee (with Kim): at Bennu',
    ],
  ])('%s', (_, data, title, brief) => {
    const items = dueItems(data, TODAY);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title, brief });
  });

  it('a panel: each interviewer gets a brief without their name', () => {
    const panel = interaction({ kind: 'interview', on: '2026-04-10', contacts: [DANA, KIM], summary: 'platform team' });
    expect(dueItems(input({ thanks: [panel] }), TODAY).map((i) => [i.contact?.name, i.title, i.brief])).toEqual([
      ['Dana Whitfield', 'Thank Dana Whitfield for the interview on 2026-04-10: platform team', 'Thank for the interview (Apr 10): platform team'],
      ['Kim', 'Thank Kim for the interview on 2026-04-10: platform team', 'Thank for the interview (Apr 10): platform team'],
    ]);
  });
});

function item(over: Partial<DueItem>): DueItem {
  return { id: 'p1', kind: 'promise', contact: DANA, title: 't', brief: 't', since: '2026-04-01', due: '2026-04-13', daysOverdue: 1, state: 'due', reason: null, until: null, ...over };
}

describe('lateness without the day it fell due', () => {
  it.each<[Partial<DueItem>, string, string]>([
    [{ daysOverdue: 0, due: TODAY }, 'due today', 'due today'],
    [{ daysOverdue: 1, due: '2026-04-13' }, '1 day overdue (since Apr 13)', '1 day overdue'],
    [{ daysOverdue: 19, due: '2026-03-26' }, '19 days overdue (since Mar 26)', '19 days overdue'],
    [{ daysOverdue: 400, due: '2025-03-10' }, '400 days overdue (since Mar 10, 2025)', '400 days overdue'],
    [{ kind: 'upcoming', daysOverdue: 0, due: TODAY }, 'today', 'today'],
    [{ state: 'snoozed', reason: 'snoozed until 2026-05-01' }, 'snoozed until 2026-05-01', 'snoozed until 2026-05-01'],
  ])('%j: %s, on a terminal %s', (over, piped, terminal) => {
    expect(lateness(item(over), TODAY)).toBe(piped);
    expect(lateness(item(over), TODAY, false)).toBe(terminal);
  });
});

// A morning's list: a long name, a long promise, a coffee three weeks old, a lead given today.
const MORNING: DueItem[] = [
  item({ id: 'p12', contact: MAX, title: 'You promised by 2026-04-12: send the deck about the migration plan we discussed', brief: 'You promised by Apr 12: send the deck about the migration plan we discussed', daysOverdue: 3, due: '2026-04-11' }),
  item({ id: 'i3', kind: 'thanks', title: 'Thank them for the coffee on 2026-03-26: platform team', brief: 'Thank for the coffee (Mar 26): platform team', daysOverdue: 19, due: '2026-03-26' }),
  item({ id: 'l7', kind: 'lead', contact: KIM, title: 'Follow their lead: Acme', brief: 'Follow their lead: Acme', daysOverdue: 0, due: TODAY }),
];

describe('the net due table', () => {
  it.each<[number, string[]]>([
    // 3 + 10 + 26 + 15 columns and three gaps of 2: the name gives way to a sixth of the width.
    [
      60,
      [
        'ID   CONTACT     OWED                        WHEN',
        'p12  Maximilia…  You promised by Apr 12: s…  3 days overdue',
        'i3   Dana Whit…  Thank for the coffee (Mar…  19 days overdue',
        'l7   Kim         Follow their lead: Acme     due today',
      ],
    ],
    // 3 + 13 + 43 + 15.
    [
      80,
      [
        'ID   CONTACT        OWED                                         WHEN',
        'p12  Maximilian A…  You promised by Apr 12: send the deck abou…  3 days overdue',
        'i3   Dana Whitfie…  Thank for the coffee (Mar 26): platform te…  19 days overdue',
        'l7   Kim            Follow their lead: Acme                      due today',
      ],
    ],
    // OWED whole (75); the name takes what is left (21).
    [
      120,
      [
        'ID   CONTACT                OWED                                                                         WHEN',
        'p12  Maximilian Alexander…  You promised by Apr 12: send the deck about the migration plan we discussed  3 days overdue',
        'i3   Dana Whitfield         Thank for the coffee (Mar 26): platform team                                 19 days overdue',
        'l7   Kim                    Follow their lead: Acme                                                      due today',
      ],
    ],
  ])('at %i columns: OWED gets the space first, names shorten, no line is wider', (width, lines) => {
    const out = dueTable(MORNING, plain, width, TODAY).split('\n');
    expect(out).toEqual(lines);
    for (const line of out) expect(displayWidth(line)).toBeLessThanOrEqual(width);
  });

  it('with --all, keeps why an item is held back whole up to 24 columns', () => {
    const held = [
      ...MORNING,
      item({ id: 'c4', kind: 'followup', contact: KIM, brief: 'Keep in touch (last contact Jan 2)', state: 'snoozed', reason: 'snoozed until 2026-05-01' }),
      item({ id: 'p5', kind: 'nudge', contact: KIM, brief: 'Nudge about their promise: intro', state: 'resting', reason: 'nudged 2 times; resting until they answer' }),
    ];
    const out = dueTable(held, plain, 80, TODAY).split('\n');
    for (const line of out) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(out[4]).toMatch(/^c4 +Kim +Keep in touch \(last contact Jan 2\) +snoozed until 2026-05-01$/);
    expect(out[5]).toMatch(/^p5 +Kim +Nudge about their promise: intro +nudged 2 times; resting…$/);
  });

  it('gives a wide terminal\'s spare columns back to names', () => {
    const out = dueTable(MORNING, plain, 200, TODAY).split('\n');
    expect(out[1]).toBe('p12  Maximilian Alexander Schwarzenegger-Obermeier  You promised by Apr 12: send the deck about the migration plan we discussed  3 days overdue');
  });

  it('piped: every column whole, with the kind, the full title and the day it fell due', () => {
    expect(dueTable(MORNING, plain, null, TODAY).split('\n')).toEqual([
      'ID   KIND     CONTACT                                        OWED                                                                             WHEN',
      'p12  promise  Maximilian Alexander Schwarzenegger-Obermeier  You promised by 2026-04-12: send the deck about the migration plan we discussed  3 days overdue (since Apr 11)',
      'i3   thanks   Dana Whitfield                                 Thank them for the coffee on 2026-03-26: platform team                           19 days overdue (since Mar 26)',
      'l7   lead     Kim                                            Follow their lead: Acme                                                          due today',
    ]);
  });

  it.each([
    [40, 8],
    [60, 10],
    [80, 13],
    [120, 20],
  ])('at %i columns a name keeps at least %i columns', (width, min) => {
    expect(nameWidth(width)).toBe(min);
  });
});

describe('columns that shrink before the flexible one', () => {
  interface Row {
    a: string;
    b: string;
    c: string;
  }
  const columns: Array<Column<Row>> = [
    { header: 'A', value: (r) => r.a, shrinkTo: 5 },
    { header: 'B', value: (r) => r.b, flexible: true },
    { header: 'CCC', value: (r) => r.c, shrinkTo: 2 },
  ];
  const row: Row = { a: 'aaaaaaaaaa', b: 'bbbbbbbbbbbbbbbbbbbb', c: 'cccccc' };
  it.each([
    // Natural: 10 + 20 + 6 + 4 of gaps = 40.
    [40, 'aaaaaaaaaa  bbbbbbbbbbbbbbbbbbbb  cccccc'],
    // A gives up 5 first, to its 5 ...
    [35, 'aaaa…  bbbbbbbbbbbbbbbbbbbb  cccccc'],
    // ... then C, to its header's 3 (not 2) ...
    [32, 'aaaa…  bbbbbbbbbbbbbbbbbbbb  cc…'],
    // ... then B, to no less than 10; beyond that the line is wider than asked.
    [25, 'aaaa…  bbbbbbbbbbbb…  cc…'],
    [10, 'aaaa…  bbbbbbbbb…  cc…'],
  ])('at %i columns', (width, line) => {
    expect(table([row], columns, plain, width).split('\n')[1]).toBe(line);
  });
});

describe('the lines under the table', () => {
  const many = (n: number, overdue: number) => Array.from({ length: n }, (_, i) => item({ id: `p${i + 1}`, daysOverdue: i < overdue ? 2 : 0 }));
  it.each<[number, number, number, string, number | null, string | null, string]>([
    [5194, 5000, 30, 'net due --limit 0', 80, '… and 5,164 more: net due --limit 0', '5,194 items, 5,000 overdue. Resolve: net done <id>. Postpone: net snooze <id> <date>.'.replace('. Resolve', '.\nResolve')],
    [5194, 5000, 30, 'net due --limit 0', 120, '… and 5,164 more: net due --limit 0', '5,194 items, 5,000 overdue. Resolve: net done <id>. Postpone: net snooze <id> <date>.'],
    [31, 0, 30, 'net due --all --limit 0', 80, '… and 1 more: net due --all --limit 0', '31 items. Resolve: net done <id>. Postpone: net snooze <id> <date>.'],
    [30, 1, 30, 'net due --limit 0', 60, null, '30 items, 1 overdue.\nResolve: net done <id>. Postpone: net snooze <id> <date>.'],
    [1, 0, 1, 'net due --limit 0', null, null, '1 item. Resolve: net done <id>. Postpone: net snooze <id> <date>.'],
  ])('%i items (%i overdue), %i shown', (n, overdue, shown, showAll, width, more, summary) => {
    expect(dueFooter(many(n, overdue), shown, showAll, width)).toEqual({ more, summary });
  });

  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [5164, '5,164'],
    [1234567, '1,234,567'],
  ])('%i is written %s', (n, text) => {
    expect(thousands(n)).toBe(text);
  });
});
