// A report is as of its period's last day (issue 12, item 10): the period decided once,
// each record as it stood at the end of that day, and the due rules run with that day as
// today. Each rule on the day before, the day of and the day after its boundary.
import { describe, expect, it } from 'vitest';
import { type DueInput, dueItems, visibleDue } from '../../src/core/due.js';
import { UsageError } from '../../src/core/errors.js';
import type { DueJob } from '../../src/core/jobs.js';
import { buildReport, interactionAsOf, jobAsOf, leadAsOf, needAsOf, pledgeAsOf, type ReportInput, reportPeriod } from '../../src/core/report.js';
import type { ContactRef, Need } from '../../src/core/types.js';
import { interactionBuilder, leadBuilder, pledgeBuilder } from './records.js';

const KIM: ContactRef = { id: 1, name: 'Kim' };
const BOB: ContactRef = { id: 2, name: 'Bob Ortiz' };
const pledge = pledgeBuilder(KIM, '2026-03-02', 'send the deck');
const interaction = interactionBuilder(KIM, '2026-03-02');
const lead = leadBuilder(KIM, '2026-03-02');
const need = (over: Partial<Need> = {}): Need => ({ id: 1, uuid: 'n-uuid', contact: KIM, what: 'a designer', notedOn: '2026-03-02', status: 'open', closedOn: null, ...over });

describe('reportPeriod: the period is decided once', () => {
  it.each([
    ['no flags: the week up to today', undefined, undefined, { from: '2026-04-08', to: '2026-04-14' }],
    ['--until only: the week up to it', undefined, '2026-03-07', { from: '2026-03-01', to: '2026-03-07' }],
    ['--since only: from it to today', '2026-04-01', undefined, { from: '2026-04-01', to: '2026-04-14' }],
    ['both', '2026-03-01', '2026-03-31', { from: '2026-03-01', to: '2026-03-31' }],
    ['one day', '2026-03-07', '2026-03-07', { from: '2026-03-07', to: '2026-03-07' }],
    ['across a year', undefined, '2026-01-03', { from: '2025-12-28', to: '2026-01-03' }],
  ])('%s', (_, since, until, period) => {
    expect(reportPeriod(since, until, '2026-04-14')).toEqual(period);
  });

  it('refuses --since after --until, naming both', () => {
    expect(() => reportPeriod('2026-03-08', '2026-03-07', '2026-04-14')).toThrow(UsageError);
    expect(() => reportPeriod('2026-03-08', '2026-03-07', '2026-04-14')).toThrow('--since 2026-03-08 is after --until 2026-03-07');
    expect(() => reportPeriod('2026-04-15', undefined, '2026-04-14')).toThrow('--since 2026-04-15 is after --until 2026-04-14');
  });
});

// Each record changed on 2026-03-10: the day before it is as it was, from that day on as it is.
const BEFORE = '2026-03-09';
const ON = '2026-03-10';
const AFTER = '2026-03-11';

describe('pledgeAsOf', () => {
  const kept = pledge({ status: 'kept', closedOn: ON });
  const theirsKept = pledge({ direction: 'theirs', status: 'kept', closedOn: ON, thanksOwed: true, thankedOn: null });
  const theirsThanked = pledge({ direction: 'theirs', status: 'kept', closedOn: '2026-03-05', thanksOwed: true, thankedOn: ON });
  const nudged = pledge({ direction: 'theirs', nudges: 2, lastNudgedOn: ON });
  it.each([
    ['kept, the day before: open, owing no thank-you', kept, BEFORE, { status: 'open', closedOn: null, thanksOwed: false, thankedOn: null }],
    ['kept, on the day: kept', kept, ON, { status: 'kept', closedOn: ON }],
    ['theirs kept, the day before: open, no thank-you yet', theirsKept, BEFORE, { status: 'open', closedOn: null, thanksOwed: false }],
    ['theirs kept, on the day: kept and the thank-you owed', theirsKept, ON, { status: 'kept', thanksOwed: true, thankedOn: null }],
    ['thanked, the day before: the thank-you still owed', theirsThanked, BEFORE, { status: 'kept', thanksOwed: true, thankedOn: null }],
    ['thanked, on the day: thanked', theirsThanked, ON, { thankedOn: ON }],
    ['nudged twice, the second time after: one nudge, its day not kept', nudged, BEFORE, { nudges: 1, lastNudgedOn: null }],
    ['nudged twice, on the day of the second: two', nudged, ON, { nudges: 2, lastNudgedOn: ON }],
    ['open and never nudged: as it is', pledge(), BEFORE, { status: 'open', nudges: 0, lastNudgedOn: null }],
  ])('%s', (_, p, day, expected) => {
    expect(pledgeAsOf(p, day)).toMatchObject(expected);
    // The day after is as it is now.
    expect(pledgeAsOf(p, AFTER)).toEqual(p);
  });
});

describe('leadAsOf', () => {
  const followed = lead({ status: 'followed', followedOn: ON });
  const reported = lead({ status: 'reported', followedOn: '2026-03-05', reportedOn: ON, outcome: 'applied' });
  const reportedAtOnce = lead({ status: 'reported', followedOn: ON, reportedOn: ON, outcome: 'applied' });
  const news = lead({ status: 'followed', followedOn: '2026-03-04', reportedOn: '2026-03-05', outcome: 'applied', news: 'an interview', newsOn: ON });
  const dropped = lead({ status: 'dropped', followedOn: ON });
  it.each([
    ['followed, the day before: open', followed, BEFORE, { status: 'open', followedOn: null }],
    ['followed, on the day: followed', followed, ON, { status: 'followed', followedOn: ON }],
    ['reported, the day before: followed, no outcome yet', reported, BEFORE, { status: 'followed', reportedOn: null, outcome: null, followedOn: '2026-03-05' }],
    ['reported the day it was followed, the day before: open', reportedAtOnce, BEFORE, { status: 'open', followedOn: null, reportedOn: null }],
    ['news, the day before: reported, no news', news, BEFORE, { status: 'reported', news: null, newsOn: null, reportedOn: '2026-03-05' }],
    ['news, on the day: followed again, with the news', news, ON, { status: 'followed', news: 'an interview' }],
    ['dropped (a drop keeps no date): dropped', dropped, BEFORE, { status: 'dropped', followedOn: null }],
  ])('%s', (_, l, day, expected) => {
    expect(leadAsOf(l, day)).toMatchObject(expected);
    expect(leadAsOf(l, AFTER)).toEqual(l);
  });
});

describe('interactionAsOf and needAsOf', () => {
  const thanked = interaction({ thankedOn: ON });
  const panel = interaction({
    kind: 'interview',
    contacts: [KIM, BOB],
    thankedOn: null,
    thankedPeople: [
      { id: 1, on: '2026-03-03' },
      { id: 2, on: ON },
    ],
  });
  it.each([
    ['thanked, the day before: owed', thanked, BEFORE, { thankedOn: null }],
    ['thanked, on the day: thanked', thanked, ON, { thankedOn: ON }],
    ['a panel, the day before the second thank-you: only the first sent', panel, BEFORE, { thankedPeople: [{ id: 1, on: '2026-03-03' }] }],
    ['a panel, on the day: both sent', panel, ON, { thankedPeople: panel.thankedPeople }],
  ])('%s', (_, i, day, expected) => {
    expect(interactionAsOf(i, day)).toMatchObject(expected);
    expect(interactionAsOf(i, AFTER)).toEqual(i);
  });

  it.each([
    ['met, the day before: open', need({ status: 'met', closedOn: ON }), BEFORE, { status: 'open', closedOn: null }],
    ['met, on the day: met', need({ status: 'met', closedOn: ON }), ON, { status: 'met', closedOn: ON }],
    ['dropped, the day before: open', need({ status: 'dropped', closedOn: ON }), BEFORE, { status: 'open' }],
    ['open: open', need(), BEFORE, { status: 'open' }],
  ])('need %s', (_, n, day, expected) => {
    expect(needAsOf(n, day)).toMatchObject(expected);
    expect(needAsOf(n, AFTER)).toEqual(n);
  });
});

describe('jobAsOf', () => {
  const job = (over: Partial<DueJob> = {}): DueJob => ({
    id: 4,
    title: 'Data engineer',
    company: 'Hooli',
    via: KIM,
    lead: null,
    stage: 'offer',
    stageOn: '2026-03-05',
    askedOn: null,
    landedOn: null,
    snoozedUntil: null,
    people: [{ contact: KIM, met: false, helped: null, toldOn: ON }],
    recordedOn: '2026-03-01',
    ...over,
  });
  it.each([
    ['moved to its stage after the day: not known then, left out', job({ stageOn: ON }), BEFORE, null],
    ['moved to its stage on the day: as it is', job({ stageOn: ON, people: [] }), ON, job({ stageOn: ON, people: [] })],
    ['its referrer told after the day: not told yet', job(), BEFORE, job({ people: [{ contact: KIM, met: false, helped: null, toldOn: null }] })],
    ['asked about after the day: not asked yet', job({ stage: 'applied', askedOn: ON, people: [] }), BEFORE, job({ stage: 'applied', askedOn: null, people: [] })],
    ['landed after the day: not landed yet', job({ stage: 'interview', landedOn: ON, people: [] }), BEFORE, job({ stage: 'interview', landedOn: null, people: [] })],
  ])('%s', (_, j, day, expected) => {
    expect(jobAsOf(j, day)).toEqual(expected);
    expect(jobAsOf(j, AFTER)).toEqual(j);
  });

  it('a report owes the news of an offer to the referrer not told by its last day', () => {
    const r = buildReport(
      { period: { from: '2026-03-03', to: BEFORE }, met: [], interactions: [], leads: [], pledges: [], needs: [], due: { pledges: [], thanks: [], leads: [], activity: [], jobs: [job()] } },
      [],
    );
    expect(r.owedNow.map((d) => [d.id, d.kind, d.contact?.name])).toEqual([['j4c1', 'job', 'Kim']]);
  });
});

describe('buildReport: as of its last day', () => {
  const period = { from: '2026-03-01', to: '2026-03-07' };
  const records = {
    pledges: [pledge({ id: 1, by: '2026-03-05', status: 'kept', closedOn: ON }), pledge({ id: 2, direction: 'theirs', by: '2026-03-03', nudges: 2, lastNudgedOn: '2026-03-06' })],
    thanks: [interaction({ id: 1, thankedOn: ON, snoozedUntil: '2026-03-08' })],
    leads: [lead({ id: 1, givenOn: '2026-03-03', status: 'reported', followedOn: ON, reportedOn: ON })],
    activity: [],
  } satisfies DueInput;
  const input: ReportInput = { period, met: [], interactions: records.thanks, leads: records.leads, pledges: records.pledges, needs: [need({ status: 'met', closedOn: ON })], due: records };
  const r = buildReport(input, []);

  it('owes what the due rules owed that day, the records as they stood then', () => {
    expect(r.owedNow.map((d) => [d.id, d.kind, d.daysOverdue])).toEqual([
      ['p1', 'promise', 3],
      ['l1', 'lead', 1],
    ]);
    // Not what the records owe today (nothing: all kept, reported, thanked).
    expect(visibleDue(dueItems(records, period.to), false).map((d) => d.id)).toEqual([]);
  });

  it('holds back what net due --all added that day, and nothing else', () => {
    expect(r.heldBack.map((d) => [d.id, d.state, d.until])).toEqual([
      ['i1', 'snoozed', '2026-03-08'],
      ['p2', 'resting', null],
    ]);
    const all = dueItems({ ...records, pledges: records.pledges.map((p) => pledgeAsOf(p, period.to)), leads: records.leads.map((l) => leadAsOf(l, period.to)), thanks: records.thanks.map((i) => interactionAsOf(i, period.to)) }, period.to);
    expect([...r.owedNow, ...r.heldBack].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...all].sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('shows every section as it stood: promises open, the lead open, the need open, the thank-you owed', () => {
    expect(r.promises.map((p) => p.status)).toEqual(['open', 'open']);
    expect(r.leads.map((l) => [l.status, l.followedOn, l.reportedOn])).toEqual([['open', null, null]]);
    expect(r.waysToGive.map((n) => n.status)).toEqual(['open']);
    expect(r.conversations.map((i) => i.thankedOn)).toEqual([null]);
    expect([r.from, r.to]).toEqual([period.from, period.to]);
  });

  it('the graph draws the leads of the report that name a person, and introductions of people met', () => {
    const withPerson = buildReport({ ...input, leads: [lead({ id: 3, person: BOB })] }, []);
    expect(withPerson.graph).toEqual([{ from: KIM, to: BOB, label: 'lead' }]);
  });
});
