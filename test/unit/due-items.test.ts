// What each due item says and where it stands: its title (piped output, JSON, the report),
// its brief (a terminal), the day it began, the order of the list, and the records the
// rules must read without tripping. Tables, one case per wording or boundary.
import { describe, expect, it } from 'vitest';
import { type ContactActivity, compareDue, type DueInput, type DueItem, type DueKind, dueAhead, dueItems, lateness, restingUntil } from '../../src/core/due.js';
import type { ContactRef } from '../../src/core/types.js';
import { interactionBuilder, job, leadBuilder, pledgeBuilder } from './records.js';

const DANA: ContactRef = { id: 1, name: 'Dana Whitfield' };
const BOB: ContactRef = { id: 3, name: 'Bob Ortiz' };
const MARIA: ContactRef = { id: 2, name: 'Maria Lopez' };
const TODAY = '2026-10-20';

const pledge = pledgeBuilder(DANA, '2026-10-01', 'send my notes');
const interaction = interactionBuilder(DANA, '2026-10-01');
const lead = leadBuilder(MARIA, '2026-10-01');
const activity = (over: Partial<ContactActivity> = {}): ContactActivity => ({
  contact: DANA,
  cadenceDays: 30,
  snoozedUntil: null,
  archived: false,
  metOn: '2026-09-01',
  interactionCount: 1,
  lastOn: '2026-09-01',
  lastTwoNoReply: false,
  ...over,
});
const input = (parts: Partial<DueInput>): DueInput => ({ pledges: [], thanks: [], leads: [], activity: [], ...parts });

interface Words {
  case: string;
  input: DueInput;
  id: string;
  title: string;
  brief: string;
  since: string;
}

const WORDS: Words[] = [
  {
    case: 'my promise with --by',
    input: input({ pledges: [pledge({ by: '2026-10-10' })] }),
    id: 'p1',
    title: 'You promised by 2026-10-10: send my notes',
    brief: 'You promised by Oct 10: send my notes',
    since: '2026-10-01',
  },
  {
    case: 'my promise without --by',
    input: input({ pledges: [pledge()] }),
    id: 'p1',
    title: 'You promised: send my notes',
    brief: 'You promised: send my notes',
    since: '2026-10-01',
  },
  {
    case: 'their promise kept: thanked from the day it was kept',
    input: input({ pledges: [pledge({ direction: 'theirs', status: 'kept', closedOn: '2026-10-05', thanksOwed: true, thankedOn: null })] }),
    id: 'p1',
    title: 'Thank them for keeping their promise: send my notes',
    brief: 'Thank for keeping their promise: send my notes',
    since: '2026-10-05',
  },
  {
    case: 'their promise, never nudged',
    input: input({ pledges: [pledge({ direction: 'theirs' })] }),
    id: 'p1',
    title: 'Nudge about their promise: send my notes',
    brief: 'Nudge about their promise: send my notes',
    since: '2026-10-01',
  },
  {
    case: 'their promise, nudged once',
    input: input({ pledges: [pledge({ direction: 'theirs', nudges: 1, lastNudgedOn: '2026-10-08' })] }),
    id: 'p1',
    title: 'Nudge about their promise: send my notes (nudged 1×)',
    brief: 'Nudge about their promise: send my notes (nudged 1×)',
    since: '2026-10-01',
  },
  {
    case: 'a coffee with a summary',
    input: input({ thanks: [interaction({ summary: 'the data team' })] }),
    id: 'i1',
    title: 'Thank them for the coffee on 2026-10-01: the data team',
    brief: 'Thank for the coffee (Oct 1): the data team',
    since: '2026-10-01',
  },
  {
    case: 'a call without a summary',
    input: input({ thanks: [interaction({ kind: 'call' })] }),
    id: 'i1',
    title: 'Thank them for the call on 2026-10-01',
    brief: 'Thank for the call (Oct 1)',
    since: '2026-10-01',
  },
  {
    case: 'a conversation of kind other',
    input: input({ thanks: [interaction({ kind: 'other' })] }),
    id: 'i1',
    title: 'Thank them for the conversation on 2026-10-01',
    brief: 'Thank for the conversation (Oct 1)',
    since: '2026-10-01',
  },
  {
    case: 'a call whose summary is only its kind: the brief does not say it twice',
    input: input({ thanks: [interaction({ kind: 'call', summary: ' Call ' })] }),
    id: 'i1',
    title: 'Thank them for the call on 2026-10-01:  Call ',
    brief: 'Thank for the call (Oct 1)',
    since: '2026-10-01',
  },
  {
    case: 'a coffee with three people, under the first',
    input: input({ thanks: [interaction({ contacts: [DANA, BOB, MARIA] })] }),
    id: 'i1',
    title: 'Thank them for the coffee on 2026-10-01 (with 2 more)',
    brief: 'Thank for the coffee (Oct 1) (with 2 more)',
    since: '2026-10-01',
  },
  {
    case: 'an introducer',
    input: input({ thanks: [interaction({ kind: 'intro', introOf: BOB })] }),
    id: 'i1',
    title: 'Thank Dana Whitfield for introducing you to Bob Ortiz',
    brief: 'Thank for the intro to Bob Ortiz',
    since: '2026-10-01',
  },
  {
    case: 'a panel interview: each interviewer by name',
    input: input({ thanks: [interaction({ kind: 'interview', contacts: [DANA, BOB], summary: 'platform' })] }),
    id: 'i1c3',
    title: 'Thank Bob Ortiz for the interview on 2026-10-01: platform',
    brief: 'Thank for the interview (Oct 1): platform',
    since: '2026-10-01',
  },
  {
    case: 'an open lead',
    input: input({ leads: [lead()] }),
    id: 'l1',
    title: 'Follow their lead: Bob runs data at Acme',
    brief: 'Follow their lead: Bob runs data at Acme',
    since: '2026-10-01',
  },
  {
    case: 'an open lead naming a person',
    input: input({ leads: [lead({ person: BOB })] }),
    id: 'l1',
    title: 'Follow their lead: Bob runs data at Acme (talk to Bob Ortiz)',
    brief: 'Follow their lead: Bob runs data at Acme (talk to Bob Ortiz)',
    since: '2026-10-01',
  },
  {
    case: 'a followed lead: since the day it was followed',
    input: input({ leads: [lead({ status: 'followed', followedOn: '2026-10-04' })] }),
    id: 'l1',
    title: 'Tell them how their lead went: Bob runs data at Acme',
    brief: 'Tell them how their lead went: Bob runs data at Acme',
    since: '2026-10-04',
  },
  {
    case: 'a followed lead without the day it was followed: since it was given',
    input: input({ leads: [lead({ status: 'followed', followedOn: null })] }),
    id: 'l1',
    title: 'Tell them how their lead went: Bob runs data at Acme',
    brief: 'Tell them how their lead went: Bob runs data at Acme',
    since: '2026-10-01',
  },
  {
    case: 'a lead with news: since the news',
    input: input({ leads: [lead({ status: 'followed', followedOn: '2026-10-04', news: 'an offer', newsOn: '2026-10-09' })] }),
    id: 'l1',
    title: 'Tell them the news of their lead: Bob runs data at Acme (an offer)',
    brief: 'Tell them the news of their lead: Bob runs data at Acme (an offer)',
    since: '2026-10-09',
  },
  {
    case: 'someone met, nothing logged',
    input: input({ activity: [activity({ interactionCount: 0, lastOn: null })] }),
    id: 'c1',
    title: 'First follow-up since you met on 2026-09-01',
    brief: 'First follow-up (met Sep 1)',
    since: '2026-09-01',
  },
  {
    case: 'someone met once',
    input: input({ activity: [activity()] }),
    id: 'c1',
    title: 'First follow-up after meeting on 2026-09-01',
    brief: 'First follow-up (met Sep 1)',
    since: '2026-09-01',
  },
  {
    case: 'someone met twice',
    input: input({ activity: [activity({ interactionCount: 2, lastOn: '2026-09-15' })] }),
    id: 'c1',
    title: 'Keep in touch (last contact 2026-09-15)',
    brief: 'Keep in touch (last contact Sep 15)',
    since: '2026-09-15',
  },
  {
    case: 'someone resting after two unanswered messages',
    input: input({ activity: [activity({ interactionCount: 3, lastOn: '2026-09-10', lastTwoNoReply: true })] }),
    id: 'c1',
    title: 'Keep in touch (two unanswered; last 2026-09-10)',
    brief: 'Keep in touch (two unanswered; last Sep 10)',
    since: '2026-09-10',
  },
  {
    case: 'a meeting planned with two more people',
    input: input({ upcoming: [{ id: 7, contacts: [DANA, BOB, MARIA], on: '2026-10-25', kind: 'coffee', summary: 'lunch', recordedOn: '2026-10-02' }] }),
    id: 'i7',
    title: 'Planned coffee (with Bob Ortiz, Maria Lopez): lunch',
    brief: 'Planned coffee (with Bob Ortiz, Maria Lopez): lunch',
    since: '2026-10-02',
  },
  {
    case: 'a conversation planned alone, without a summary',
    input: input({ upcoming: [{ id: 7, contacts: [DANA], on: '2026-10-25', kind: 'other', summary: null, recordedOn: '2026-10-02' }] }),
    id: 'i7',
    title: 'Planned conversation',
    brief: 'Planned conversation',
    since: '2026-10-02',
  },
];

describe('what each item says', () => {
  it.each(WORDS)('$case', (c) => {
    const found = dueItems(c.input, TODAY).filter((d) => d.id === c.id);
    expect(found).toHaveLength(1);
    const [item] = found as [DueItem];
    expect({ title: item.title, brief: item.brief, since: item.since }).toEqual({ title: c.title, brief: c.brief, since: c.since });
  });
});

describe('a meeting planned for today', () => {
  it('is owed today, with no reason or day it shows again, and says "today"', () => {
    const [item] = dueItems(input({ upcoming: [{ id: 7, contacts: [DANA], on: TODAY, kind: 'coffee', summary: null, recordedOn: '2026-10-02' }] }), TODAY);
    expect(item).toMatchObject({ kind: 'upcoming', state: 'due', reason: null, until: null, daysOverdue: 0 });
    expect(lateness(item as DueItem, TODAY)).toBe('today');
    expect(lateness(item as DueItem, TODAY, false)).toBe('today');
  });
});

function at(over: Partial<DueItem>): DueItem {
  return { id: 'p1', kind: 'promise', contact: DANA, title: 't', brief: 't', since: '2026-10-01', due: '2026-10-10', daysOverdue: 0, state: 'due', reason: null, until: null, ...over };
}

// compareDue(first, second) < 0: `first` comes first; each pair is also checked the other way round.
const ORDER: Array<[string, DueItem, DueItem]> = [
  ['overdue before due today, whatever the kind', at({ kind: 'followup', daysOverdue: 1 }), at({ kind: 'upcoming', daysOverdue: 0 })],
  ['overdue by a day before not yet due', at({ kind: 'nudge', daysOverdue: 1 }), at({ kind: 'promise', daysOverdue: -3 })],
  ['a meeting today before a promise due today', at({ kind: 'upcoming', id: 'i9' }), at({ kind: 'promise' })],
  ['a promise before a thank-you', at({ kind: 'promise', id: 'p9' }), at({ kind: 'thanks', id: 'i1' })],
  ['a report-back before a lead', at({ kind: 'report', id: 'l9' }), at({ kind: 'lead', id: 'l1' })],
  ['a lead before a nudge', at({ kind: 'lead', id: 'l9' }), at({ kind: 'nudge', id: 'p1' })],
  ['a nudge before a follow-up', at({ kind: 'nudge', id: 'p9' }), at({ kind: 'followup', id: 'c1' })],
  ['of one kind, due earlier first', at({ id: 'p9', due: '2026-10-09' }), at({ id: 'p1', due: '2026-10-10' })],
  ['due the same day, begun earlier first', at({ id: 'p9', since: '2026-09-30' }), at({ id: 'p1', since: '2026-10-01' })],
  ['the same days, the shorter id first', at({ id: 'p9' }), at({ id: 'p10' })],
  ['the same days and length, the smaller id first', at({ id: 'p2' }), at({ id: 'p3' })],
  ['a panel: the same interview, the smaller contact first', at({ id: 'i4c2', kind: 'thanks' }), at({ id: 'i4c3', kind: 'thanks' })],
];

describe('the order of the list', () => {
  it.each(ORDER)('%s', (_, first, second) => {
    expect(Math.sign(compareDue(first, second))).toBe(-1);
    expect(Math.sign(compareDue(second, first))).toBe(1);
  });

  it('an item is equal to itself', () => {
    const kinds: DueKind[] = ['promise', 'thanks', 'lead', 'followup'];
    for (const kind of kinds) expect(compareDue(at({ kind }), at({ kind }))).toBe(0);
  });
});

describe('records the rules read without tripping', () => {
  it('someone whose last two messages went unanswered but with no day of the last one does not rest', () => {
    const odd = activity({ lastTwoNoReply: true, lastOn: null, interactionCount: 2, metOn: '2026-09-01' });
    expect(restingUntil(odd)).toBeNull();
    // Followed up on their cadence from the day they were met.
    expect(dueItems(input({ activity: [odd] }), '2026-10-01')).toMatchObject([{ id: 'c1', state: 'due', due: '2026-10-01', daysOverdue: 0 }]);
    expect(dueItems(input({ activity: [odd] }), '2026-09-30')).toEqual([]);
  });

  it('a thank-you owed for a conversation not yet held is not listed, nor a planned meeting logged on its own day', () => {
    expect(dueItems(input({ thanks: [interaction({ on: '2026-10-21' })] }), TODAY)).toEqual([]);
    expect(dueItems(input({ upcoming: [{ id: 7, contacts: [DANA], on: TODAY, kind: 'coffee', summary: null, recordedOn: TODAY }] }), TODAY)).toEqual([]);
    expect(dueItems(input({ upcoming: [{ id: 7, contacts: [], on: TODAY, kind: 'coffee', summary: null, recordedOn: '2026-10-02' }] }), TODAY)).toEqual([]);
  });

  it('a promise of theirs reopened with its thank-you flag still set is nudged, not thanked', () => {
    const reopened = pledge({ direction: 'theirs', status: 'open', thanksOwed: true, thankedOn: null });
    expect(dueItems(input({ pledges: [reopened] }), TODAY).map((d) => [d.id, d.kind])).toEqual([['p1', 'nudge']]);
  });

  it('an application with nobody to ask shows in the days ahead on the day it falls due', () => {
    const ahead = dueAhead(input({ jobs: [job()] }), '2026-04-09', 4);
    expect(ahead.map((a) => [a.on, a.item.id, a.item.contact])).toEqual([['2026-04-11', 'j4', null]]);
  });
});
