// The rule of following a lead (Leads.followedBy) at the settle step (Journal.asOf): a
// meeting planned on 2026-11-23 for 2026-11-30 with Bob, the person of Kim's lead, on a
// :memory: journal, with today moved as NET_TODAY moves it.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/types.js';
import { Journal } from '../../src/store/journal.js';

const PLANNED_ON = '2026-11-23';
const MEETING = '2026-11-30';

interface Setup {
  j: Journal;
  bob: number;
  lead: number;
}

function planned(opts: { noReply?: boolean; givenOn?: IsoDate } = {}): Setup {
  const j = Journal.open(':memory:');
  j.asOf(PLANNED_ON);
  return j.write(() => {
    const kim = j.contacts.insert({ name: 'Kim' });
    const bob = j.contacts.insert({ name: 'Bob' });
    const lead = j.leads.insert({ sourceId: kim, what: 'a job at Acme', personId: bob, givenOn: opts.givenOn ?? PLANNED_ON });
    j.interactions.insert({ contactIds: [bob], on: MEETING, kind: 'coffee', thanksOwed: true, noReply: opts.noReply ?? false });
    return { j, bob, lead };
  });
}

describe('a planned meeting with a lead’s person, as the days come', () => {
  const cases: Array<[string, IsoDate, string, IsoDate | null]> = [
    ['the day it is planned', PLANNED_ON, 'open', null],
    ['the day before the meeting', '2026-11-29', 'open', null],
    ['the meeting’s day', MEETING, 'followed', MEETING],
    ['a week later, the first run since', '2026-12-07', 'followed', MEETING],
  ];
  it.each(cases)('%s (%s): the lead is %s', (_, today, status, followedOn) => {
    const { j, lead } = planned();
    j.asOf(today);
    expect(j.leads.get(lead)).toMatchObject({ status, followedOn });
  });

  it('writes the following in the history, once', () => {
    const { j, lead } = planned();
    j.asOf(MEETING);
    j.asOf('2026-12-01');
    const uuid = j.leads.get(lead)?.uuid;
    const changes = j.history.commands(0).flatMap((c) => j.history.changes(c.id)).filter((c) => c.record === uuid && c.field === 'status');
    expect(changes.map((c) => c.new)).toEqual(['followed']);
  });
});

describe('what a planned meeting follows on its day', () => {
  it('an unanswered message follows nothing', () => {
    const { j, lead } = planned({ noReply: true });
    j.asOf(MEETING);
    expect(j.leads.get(lead)).toMatchObject({ status: 'open', followedOn: null });
  });

  it('a lead given after the meeting was planned, before its day, is followed by it', () => {
    const { j, lead } = planned({ givenOn: '2026-11-26' });
    j.asOf(MEETING);
    expect(j.leads.get(lead)).toMatchObject({ status: 'followed', followedOn: MEETING });
  });

  it('a lead given after the meeting’s day is not', () => {
    const { j, lead } = planned({ givenOn: '2026-12-02' });
    j.asOf('2026-12-03');
    expect(j.leads.get(lead)).toMatchObject({ status: 'open', followedOn: null });
  });

  it('of two planned meetings whose days came, the earlier one follows, whatever the order they were logged in', () => {
    const { j, bob, lead } = planned();
    j.write(() => j.interactions.insert({ contactIds: [bob], on: '2026-11-25', kind: 'call', thanksOwed: true }));
    j.asOf('2026-12-03');
    expect(j.leads.get(lead)).toMatchObject({ status: 'followed', followedOn: '2026-11-25' });
  });

  it('NET_TODAY moved back before the day makes the meeting planned again, and leaves the lead as it was', () => {
    const { j, bob, lead } = planned();
    j.asOf(MEETING);
    expect(j.contacts.get(bob)?.lastContact).toBe(MEETING);
    j.asOf('2026-11-29');
    expect(j.contacts.get(bob)?.lastContact).toBeNull();
    expect(j.leads.get(lead)).toMatchObject({ status: 'followed', followedOn: MEETING });
  });
});
