// Issue 12 through the store on a :memory: journal: notes kept by `net done` (item 5) and
// messages marked unanswered afterwards (item 7).
import { describe, expect, it } from 'vitest';
import { dueItems } from '../../src/core/due.js';
import { Journal } from '../../src/store/journal.js';

function journal(): Journal {
  const j = Journal.open(':memory:');
  j.db.today = '2026-04-14';
  return j;
}

describe('5. the note of net done is kept on the record it closed', () => {
  type Kind = 'interaction' | 'promise' | 'lead';
  const cases: Array<[Kind, string[], string]> = [
    ['interaction', ['never met, only an intro'], 'never met, only an intro'],
    ['promise', ['sent it by mail'], 'sent it by mail'],
    ['lead', ['interview booked'], 'interview booked'],
    ['interaction', ['first', 'second'], 'first; second'],
    ['lead', ['  ', 'kept'], 'kept'],
    ['promise', [], ''],
  ];
  it.each(cases)('%s with notes %j keeps %j', (kind, notes, kept) => {
    const j = journal();
    const id = j.write(() => {
      const c = j.contacts.insert({ name: 'Kim' });
      const id =
        kind === 'interaction'
          ? j.interactions.insert({ contactIds: [c], on: '2026-04-14', kind: 'coffee', thanksOwed: true })
          : kind === 'promise'
            ? j.promises.insert({ contactId: c, what: 'send the deck', direction: 'mine', madeOn: '2026-04-14' })
            : j.leads.insert({ sourceId: c, what: 'Acme', givenOn: '2026-04-14' });
      for (const n of notes) {
        if (kind === 'interaction') j.interactions.setNote(id, n);
        else if (kind === 'promise') j.promises.setNote(id, n);
        else j.leads.setNote(id, n);
      }
      return id;
    });
    const got = kind === 'interaction' ? j.interactions.get(id) : kind === 'promise' ? j.promises.get(id) : j.leads.get(id);
    expect(got?.note ?? '').toBe(kept);
  });

  it('closing a promise with a note keeps it', () => {
    const j = journal();
    const p = j.write(() => {
      const c = j.contacts.insert({ name: 'Kim' });
      const p = j.promises.insert({ contactId: c, what: 'send the deck', direction: 'mine', madeOn: '2026-04-14' });
      j.promises.close(p, 'kept', '2026-04-15', 'sent the long version');
      return p;
    });
    expect(j.promises.get(p)).toMatchObject({ status: 'kept', note: 'sent the long version', thanksOwed: false });
  });
});

describe('7. net noreply marks a logged message unanswered afterwards; the respect rule counts it', () => {
  // Messages to Kim (cadence 30) on 03-01 and 03-10; which ones are then marked unanswered.
  const cases: Array<[string, boolean[], 'resting' | 'due']> = [
    ['both marked', [true, true], 'resting'],
    ['only the last', [false, true], 'due'],
    ['only the first', [true, false], 'due'],
    ['none', [false, false], 'due'],
  ];
  it.each(cases)('%s → the follow-up on 04-14 is %s', (_name, marks, state) => {
    const j = journal();
    const c = j.write(() => {
      const c = j.contacts.insert({ name: 'Kim', cadenceDays: 30 });
      const ids = [
        j.interactions.insert({ contactIds: [c], on: '2026-03-01', kind: 'message', thanksOwed: false }),
        j.interactions.insert({ contactIds: [c], on: '2026-03-10', kind: 'message', thanksOwed: false }),
      ];
      ids.forEach((id, n) => {
        if (marks[n]) j.interactions.setNoReply(id, true);
      });
      return c;
    });
    const items = dueItems(j.due.input('2026-04-14'), '2026-04-14').filter((d) => d.id === `c${c}`);
    expect(items).toHaveLength(1);
    expect(items[0]?.state).toBe(state);
  });

  it('--undo lifts the rest', () => {
    const j = journal();
    const a = j.write(() => {
      const c = j.contacts.insert({ name: 'Kim', cadenceDays: 30 });
      const a = j.interactions.insert({ contactIds: [c], on: '2026-03-01', kind: 'message', thanksOwed: false, noReply: true });
      j.interactions.insert({ contactIds: [c], on: '2026-03-10', kind: 'message', thanksOwed: false, noReply: true });
      return a;
    });
    expect(dueItems(j.due.input('2026-04-14'), '2026-04-14').map((d) => d.state)).toEqual(['resting']);
    j.write(() => j.interactions.setNoReply(a, false));
    expect(dueItems(j.due.input('2026-04-14'), '2026-04-14').map((d) => d.state)).toEqual(['due']);
  });
});
