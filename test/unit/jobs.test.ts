// Issue 14: the due rules of applications (kind `job` and `landed`), each on the days around
// its boundary, and how companies are told apart.
import { describe, expect, it } from 'vitest';
import { type DueInput, dueItems } from '../../src/core/due.js';
import { companyKey, type DueJob, daysInStage, JOB_ASK_DAYS } from '../../src/core/jobs.js';
import { type HelpRecords, helpersSince, helpText } from '../../src/core/landed.js';
import { headline, pipeline, replyRate, type SearchInput } from '../../src/core/search.js';
import type { ContactRef, Interaction, Job, Lead, Need, Pledge } from '../../src/core/types.js';
import { job } from './records.js';

const DANA: ContactRef = { id: 1, name: 'Dana' };
const KIM: ContactRef = { id: 2, name: 'Kim' };
const ANN: ContactRef = { id: 3, name: 'Ann' };


const input = (...jobs: DueJob[]): DueInput => ({ pledges: [], thanks: [], leads: [], activity: [], jobs });
/** The items on `today` as `id kind contact state days-overdue`. */
const on = (today: string, ...jobs: DueJob[]) =>
  dueItems(input(...jobs), today).map((i) => `${i.id} ${i.kind} ${i.contact?.name ?? '-'} ${i.state} ${i.daysOverdue}`);

describe('ask about an application with no change for 10 days (kind job)', () => {
  it.each([
    ['applied, the day before', job(), '2026-04-10', []],
    ['applied, the tenth day', job(), '2026-04-11', ['j4 job - due 0']],
    ['applied, the day after', job(), '2026-04-12', ['j4 job - due 1']],
    ['to the referrer', job({ via: DANA }), '2026-04-11', ['j4 job Dana due 0']],
    ['screen', job({ stage: 'screen' }), '2026-04-11', ['j4 job - due 0']],
    ['interview', job({ stage: 'interview' }), '2026-04-11', ['j4 job - due 0']],
    ['interested: not applied yet, nothing to ask', job({ stage: 'interested' }), '2026-05-01', []],
    ['offer: nothing to ask', job({ stage: 'offer' }), '2026-05-01', []],
    ['withdrawn', job({ stage: 'withdrawn' }), '2026-05-01', []],
    ['asked since: ten days from asking, the day before', job({ askedOn: '2026-04-11' }), '2026-04-20', []],
    ['asked since: ten days from asking', job({ askedOn: '2026-04-11' }), '2026-04-21', ['j4 job - due 0']],
    ['asked before the last move: the move counts', job({ askedOn: '2026-03-20' }), '2026-04-11', ['j4 job - due 0']],
    ['recorded late: not before the day it was recorded', job({ recordedOn: '2026-04-20' }), '2026-04-19', []],
    ['recorded late: from that day', job({ recordedOn: '2026-04-20' }), '2026-04-20', ['j4 job - due 0']],
    ['snoozed', job({ snoozedUntil: '2026-04-15' }), '2026-04-12', ['j4 job - snoozed 1']],
    ['snooze over', job({ snoozedUntil: '2026-04-15' }), '2026-04-15', ['j4 job - due 4']],
  ])('%s', (_name, j, today, want) => {
    expect(on(today, j)).toEqual(want);
  });

  it('says what to ask about, and whom', () => {
    expect(dueItems(input(job({ via: DANA })), '2026-04-11')[0]?.title).toBe('Ask Dana about your application: Data engineer at Hooli');
    expect(dueItems(input(job()), '2026-04-11')[0]?.title).toBe('Ask about your application: Data engineer at Hooli');
    expect(JOB_ASK_DAYS).toBe(10);
  });
});

describe('an offer or a rejection owes the referrer and the lead giver a report-back (kind job)', () => {
  const lead = { id: 7, what: 'Hooli is hiring', source: KIM };
  it.each([
    ['offer, the day before it was recorded', job({ stage: 'offer', stageOn: '2026-04-05', via: DANA, recordedOn: '2026-04-05' }), '2026-04-04', []],
    ['offer, to the referrer, the day of it', job({ stage: 'offer', stageOn: '2026-04-05', via: DANA }), '2026-04-05', ['j4c1 job Dana due 0']],
    ['offer, the day after', job({ stage: 'offer', stageOn: '2026-04-05', via: DANA }), '2026-04-06', ['j4c1 job Dana due 1']],
    ['rejected, to the referrer and the lead giver', job({ stage: 'rejected', stageOn: '2026-04-05', via: DANA, lead }), '2026-04-05', ['j4c1 job Dana due 0', 'j4c2 job Kim due 0']],
    ['referrer who also gave the lead: once', job({ stage: 'rejected', stageOn: '2026-04-05', via: KIM, lead }), '2026-04-05', ['j4c2 job Kim due 0']],
    ['nobody to tell', job({ stage: 'rejected', stageOn: '2026-04-05' }), '2026-04-05', []],
    [
      'told since the move',
      job({ stage: 'offer', stageOn: '2026-04-05', via: DANA, people: [{ contact: DANA, met: false, helped: null, toldOn: '2026-04-05' }] }),
      '2026-04-06',
      [],
    ],
    [
      'told before the move: owed again',
      job({ stage: 'rejected', stageOn: '2026-04-09', via: DANA, people: [{ contact: DANA, met: false, helped: null, toldOn: '2026-04-05' }] }),
      '2026-04-09',
      ['j4c1 job Dana due 0'],
    ],
    ['accepted: the landed items say it', job({ stage: 'accepted', stageOn: '2026-04-05', via: DANA }), '2026-04-05', []],
    [
      'the lead giver snoozed on her own: the referrer still owed',
      job({ stage: 'rejected', stageOn: '2026-04-05', via: DANA, lead, people: [{ contact: KIM, met: false, helped: null, toldOn: null, snoozedUntil: '2026-04-08' }] }),
      '2026-04-07',
      ['j4c1 job Dana due 2', 'j4c2 job Kim snoozed 2'],
    ],
    [
      'her snooze over',
      job({ stage: 'rejected', stageOn: '2026-04-05', via: DANA, lead, people: [{ contact: KIM, met: false, helped: null, toldOn: null, snoozedUntil: '2026-04-08' }] }),
      '2026-04-08',
      ['j4c1 job Dana due 3', 'j4c2 job Kim due 3'],
    ],
  ])('%s', (_name, j, today, want) => {
    expect(on(today, j)).toEqual(want);
  });

  it('names the news', () => {
    expect(dueItems(input(job({ stage: 'offer', stageOn: '2026-04-05', via: DANA })), '2026-04-05')[0]?.title).toBe('Tell Dana about the offer: Data engineer at Hooli');
    expect(dueItems(input(job({ stage: 'rejected', stageOn: '2026-04-05', via: DANA })), '2026-04-05')[0]?.title).toBe(
      'Tell Dana how your application went: Data engineer at Hooli (rejected)',
    );
  });
});

describe('after net landed, each helper is owed the news and a thank-you (kind landed)', () => {
  const helped = (c: ContactRef, toldOn: string | null = null) => ({ contact: c, met: false, helped: 'gave you a lead', toldOn });
  const landed = (over: Partial<DueJob> = {}) =>
    job({ stage: 'accepted', stageOn: '2026-05-01', landedOn: '2026-05-01', via: DANA, recordedOn: '2026-05-01', people: [helped(DANA), helped(KIM), { contact: ANN, met: true, helped: null, toldOn: null }], ...over });
  it.each([
    ['the day before', landed(), '2026-04-30', []],
    ['the day of it: every helper, not the interviewer', landed(), '2026-05-01', ['j4c1 landed Dana due 0', 'j4c2 landed Kim due 0']],
    ['the day after', landed(), '2026-05-02', ['j4c1 landed Dana due 1', 'j4c2 landed Kim due 1']],
    ['told one (net done)', landed({ people: [helped(DANA, '2026-05-01'), helped(KIM)] }), '2026-05-02', ['j4c2 landed Kim due 1']],
    ['told before landing: still owed', landed({ people: [helped(DANA, '2026-04-20')] }), '2026-05-02', ['j4c1 landed Dana due 1']],
    ['a conversation since landing tells them', landed({ talked: { '2': '2026-05-02' } }), '2026-05-02', ['j4c1 landed Dana due 1']],
    ['covers the report-back of the offer', landed({ stage: 'offer' }), '2026-05-01', ['j4c1 landed Dana due 0', 'j4c2 landed Kim due 0']],
    ['Kim snoozed on her own, the day before it ends', landed({ people: [helped(DANA), { ...helped(KIM), snoozedUntil: '2026-05-04' }] }), '2026-05-03', ['j4c1 landed Dana due 2', 'j4c2 landed Kim snoozed 2']],
    ['Kim snoozed on her own, the day it ends', landed({ people: [helped(DANA), { ...helped(KIM), snoozedUntil: '2026-05-04' }] }), '2026-05-04', ['j4c1 landed Dana due 3', 'j4c2 landed Kim due 3']],
    ["everyone's snooze, Kim's own later", landed({ snoozedUntil: '2026-05-03', people: [helped(DANA), { ...helped(KIM), snoozedUntil: '2026-05-04' }] }), '2026-05-03', ['j4c1 landed Dana due 2', 'j4c2 landed Kim snoozed 2']],
  ])('%s', (_name, j, today, want) => {
    expect(on(today, j)).toEqual(want);
  });

  it('says where you landed', () => {
    expect(dueItems(input(landed()), '2026-05-01')[0]?.title).toBe('Tell Dana you landed at Hooli and thank them');
  });
});

describe('days in stage', () => {
  it.each([
    ['2026-04-01', 0],
    ['2026-04-02', 1],
    ['2026-05-01', 30],
    ['2026-03-31', 0],
  ])('on %s: %d', (today, want) => {
    expect(daysInStage({ stageOn: '2026-04-01' }, today)).toBe(want);
  });
});

describe('company keys', () => {
  it.each([
    ['Hooli', 'hooli'],
    ['Hooli Inc.', 'hooli'],
    ['HOOLI, Inc', 'hooli'],
    ['Hooli Ltd', 'hooli'],
    ['Siemens AG', 'siemens'],
    ['Zalando SE', 'zalando'],
    ['Müller GmbH', 'muller'],
    ['Acme Corp', 'acme'],
    ['The Company', 'the'],
    ['Inc', 'inc'],
    ['Procter & Gamble Co', 'procter and gamble'],
    ['  Sell   Computers ', 'sell computers'],
  ])('%s → %s', (name, key) => {
    expect(companyKey(name)).toBe(key);
  });
});

describe('who helped the search (net landed)', () => {
  const contact = (id: number, name: string, over: Record<string, unknown> = {}) => ({ id, name, introducedBy: null, metOn: null, recordedOn: '2026-04-01', createdAt: '2026-04-01T00:00:00Z', ...over });
  const base = {
    contacts: [contact(1, 'Dana'), contact(2, 'Kim'), contact(3, 'Ann', { introducedBy: KIM, metOn: '2026-04-10' }), contact(4, 'Old', { introducedBy: ANN, metOn: '2026-01-01' })],
    leads: [
      { id: 1, source: DANA, what: 'Hooli is hiring', givenOn: '2026-04-05', status: 'reported' },
      { id: 2, source: ANN, what: 'old lead', givenOn: '2026-01-05', status: 'reported' },
      { id: 3, source: ANN, what: 'still open', givenOn: '2026-01-06', status: 'open' },
    ],
    jobs: [{ id: 1, via: DANA, title: 'Data engineer', company: 'Hooli', startedOn: '2026-04-06' }],
    pledges: [
      { id: 1, contact: KIM, what: 'an intro', direction: 'theirs', status: 'kept', closedOn: '2026-04-08' },
      { id: 2, contact: KIM, what: 'a call', direction: 'theirs', status: 'dropped', closedOn: '2026-04-08' },
      { id: 3, contact: DANA, what: 'my notes', direction: 'mine', status: 'kept', closedOn: '2026-04-08' },
    ],
    interactions: [
      { id: 1, contacts: [DANA, KIM], on: '2026-04-02', kind: 'coffee', noReply: false },
      { id: 2, contacts: [DANA], on: '2026-04-03', kind: 'email', noReply: true },
      { id: 3, contacts: [ANN], on: '2026-04-20', kind: 'interview', noReply: false },
      { id: 4, contacts: [KIM], on: '2026-04-10', kind: 'intro', noReply: false, introOf: ANN },
      { id: 5, contacts: [DANA, ANN], on: '2026-04-11', kind: 'intro', noReply: false, introByMe: true },
    ],
  } as unknown as HelpRecords;

  it('lists each helper with what they did, most help first; open leads count whenever given', () => {
    expect(helpersSince(base, '2026-04-01', '2026-04-30', new Set([3])).map((h) => [h.contact.name, h.help, h.acts, h.conversations])).toEqual([
      ['Dana', ['gave you a lead: Hooli is hiring', 'referred you for Data engineer at Hooli', '1 conversation'], 2, 1],
      ['Kim', ['introduced you to Ann', 'kept their promise: an intro', '1 conversation'], 2, 1],
      ['Ann', ['gave you a lead: still open'], 1, 0],
    ]);
  });

  it.each([
    ['the day after the lead: no lead, so Kim has done more', '2026-04-06', ['Kim', 'Dana']],
    ['the day of the lead', '2026-04-05', ['Dana', 'Kim']],
    ['after the kept promise and the introduction: introductions you made are no help to you', '2026-04-11', []],
    ['nothing after the search', '2026-05-01', []],
  ])('since %s', (_name, since, names) => {
    expect(helpersSince(base, since, '2026-04-30').map((h) => h.contact.name)).toEqual(names);
  });

  it('leaves out what came after the landing day', () => {
    expect(helpersSince(base, '2026-04-01', '2026-04-04').map((h) => [h.contact.name, h.acts, h.conversations])).toEqual([
      ['Dana', 0, 1],
      ['Kim', 0, 1],
    ]);
  });

  it('writes the help as one line', () => {
    expect(helpText({ contact: DANA, help: ['gave you a lead: x', '2 conversations'], acts: 1, conversations: 2 })).toBe('gave you a lead: x; 2 conversations');
  });
});

describe('the report: headline and pipeline (core/search.ts)', () => {
  const FROM = '2026-04-01';
  const TO = '2026-04-07';
  const x = (on: string, kind: string, noReply = false) => ({ on, kind, noReply }) as unknown as Interaction;
  const base: SearchInput = { from: FROM, to: TO, met: [], interactions: [], leads: [], pledges: [], needsClosed: [], jobs: [] };

  it.each([
    ['the day before the period', '2026-03-31', 0],
    ['its first day', FROM, 1],
    ['its last day', TO, 1],
    ['the day after', '2026-04-08', 0],
  ])('counts what happened on %s', (_name, day, n) => {
    const h = headline({
      ...base,
      interactions: [x(day, 'email'), x(day, 'coffee')],
      leads: [{ followedOn: day, reportedOn: day }] as unknown as Lead[],
      pledges: [{ status: 'kept', closedOn: day }, { status: 'dropped', closedOn: day }] as unknown as Pledge[],
      needsClosed: [{ status: 'met', closedOn: day }, { status: 'dropped', closedOn: day }] as unknown as Need[],
    });
    expect(h).toEqual({ peopleMet: 0, conversations: 2 * n, messages: n, replies: n, leadsFollowed: n, leadsReported: n, needsMet: n, promisesKept: n });
  });

  it.each([
    [[], null],
    [[x(FROM, 'email', true)], 0],
    [[x(FROM, 'email'), x(FROM, 'message', true), x(FROM, 'message')], 67],
    [[x(FROM, 'email'), x(FROM, 'call', true)], 100],
  ])('reply rate of messages: %#', (interactions, rate) => {
    expect(replyRate(headline({ ...base, interactions }))).toBe(rate);
  });

  it('lists the applications under way by stage, with days in stage at the end of the period', () => {
    const j = (id: number, stage: string, stageOn: string) => ({ id, stage, stageOn }) as unknown as Job;
    const rows = pipeline([j(1, 'offer', '2026-04-07'), j(2, 'applied', '2026-04-01'), j(3, 'rejected', '2026-04-02'), j(4, 'applied', '2026-03-20'), j(5, 'interested', '2026-04-05')], TO);
    expect(rows.map((r) => [r.job.id, r.daysInStage])).toEqual([
      [5, 2],
      [4, 18],
      [2, 6],
      [1, 0],
    ]);
  });
});
