import { describe, expect, it } from 'vitest';
import { type LedgerCounts, ledgerFrom, onlyTaking } from '../../src/core/ledger.js';
import { Journal } from '../../src/store/journal.js';

const ZERO: LedgerCounts = { leads: 0, introductions: 0, theirsKept: 0, thanked: 0, mineKept: 0, needsMet: 0, introsMade: 0 };
const ledger = (over: Partial<LedgerCounts> = {}) => ledgerFrom({ ...ZERO, ...over });
const counts = (lines: ReadonlyArray<{ count: number }>) => lines.map((l) => l.count);

describe('ledgerFrom', () => {
  it('is all zeros for someone with no history', () => {
    const l = ledger();
    expect([l.gave, l.received]).toEqual([0, 0]);
    expect(counts(l.gaveLines)).toEqual([0, 0, 0, 0]);
    expect(counts(l.receivedLines)).toEqual([0, 0, 0]);
  });

  it('puts leads, introductions, their kept promises and thanked conversations on their side; my kept promises, their needs met and my introductions on mine', () => {
    const l = ledger({ leads: 3, introductions: 2, theirsKept: 1, thanked: 4, mineKept: 5, needsMet: 6, introsMade: 7 });
    expect(counts(l.gaveLines)).toEqual([3, 2, 1, 4]);
    expect(counts(l.receivedLines)).toEqual([5, 6, 7]);
    expect([l.gave, l.received]).toEqual([10, 18]);
  });

  it('labels each line in the singular and plural', () => {
    const l = ledger();
    expect(l.gaveLines.map((x) => [x.one, x.many])).toEqual([
      ['lead', 'leads'],
      ['introduction', 'introductions'],
      ['promise kept', 'promises kept'],
      ['conversation you thanked them for', 'conversations you thanked them for'],
    ]);
    expect(l.receivedLines.map((x) => [x.one, x.many])).toEqual([
      ['promise you kept', 'promises you kept'],
      ['need you met', 'needs you met'],
      ['introduction you made', 'introductions you made'],
    ]);
  });
});

describe('onlyTaking', () => {
  it('flags a contact who gave and got nothing back', () => {
    expect(onlyTaking(ledger({ leads: 1 }))).toBe(true);
    expect(onlyTaking(ledger({ introductions: 1 }))).toBe(true);
  });

  it('does not flag a balanced relationship, one where only I gave, or an empty one', () => {
    expect(onlyTaking(ledger({ leads: 1, needsMet: 1 }))).toBe(false);
    expect(onlyTaking(ledger({ mineKept: 1 }))).toBe(false);
    expect(onlyTaking(ledger())).toBe(false);
  });
});

describe('the counts read from the journal (store/ledger.ts)', () => {
  it('count leads not dropped, introductions, kept promises by side, thanked conversations and needs met', () => {
    const j = Journal.open(':memory:');
    try {
      const { dana, other } = j.write(() => {
        const dana = j.contacts.insert({ name: 'Dana' });
        const other = j.contacts.insert({ name: 'Omar' });
        for (const status of ['open', 'followed', 'reported', 'dropped'] as const) j.leads.insert({ sourceId: dana, what: 'a lead', givenOn: '2026-10-01', status });
        j.leads.insert({ sourceId: other, what: 'not hers', givenOn: '2026-10-01' });
        j.contacts.insert({ name: 'Intro 1', introducedBy: dana, metOn: '2026-10-01' });
        j.contacts.insert({ name: 'Intro 2', introducedBy: dana, metOn: '2026-10-01' });
        const promise = (contactId: number, direction: 'mine' | 'theirs', status: 'open' | 'kept' | 'dropped') =>
          j.promises.insert({ contactId, what: 'a promise', direction, madeOn: '2026-10-01', status, closedOn: status === 'open' ? null : '2026-10-05' });
        promise(dana, 'theirs', 'kept');
        promise(dana, 'theirs', 'open');
        promise(dana, 'theirs', 'dropped');
        promise(dana, 'mine', 'kept');
        promise(dana, 'mine', 'kept');
        promise(dana, 'mine', 'dropped');
        promise(other, 'mine', 'kept');
        for (const status of ['met', 'open', 'dropped'] as const) j.needs.insert({ contactId: dana, what: 'an intro', notedOn: '2026-10-01', status, closedOn: status === 'open' ? null : '2026-10-05' });
        j.interactions.insert({ contactIds: [dana, other], on: '2026-10-01', kind: 'coffee', thanksOwed: true, thankedOn: '2026-10-02' });
        j.interactions.insert({ contactIds: [dana], on: '2026-10-03', kind: 'coffee', thanksOwed: true });
        return { dana, other };
      });
      expect(j.ledgers.of(dana, '2026-10-31')).toEqual({ ...ZERO, leads: 3, introductions: 2, theirsKept: 1, thanked: 1, mineKept: 2, needsMet: 1 });
      expect(j.ledgers.of(other, '2026-10-31')).toEqual({ ...ZERO, leads: 1, thanked: 1, mineKept: 1 });
      expect(j.ledgers.of(999, '2026-10-31')).toBeUndefined();
    } finally {
      j.close();
    }
  });
});

// Each act once (issue 12, item 12), and each counted from its own day: one act per case,
// then the giver's and the other person's counts the day before it and on its day.
interface Act {
  act: string;
  /** Records the act between Kim (the first id) and Bob (the second), on 2026-10-05. */
  record: (j: Journal, kim: number, bob: number) => void;
  kim: Partial<LedgerCounts>;
  bob: Partial<LedgerCounts>;
}

const ON = '2026-10-05';
const ACTS: Act[] = [
  {
    act: 'a lead naming a person new to you (net lead --person): one lead, not also an introduction',
    record: (j, kim, bob) => {
      j.contacts.update(bob, { introducedBy: kim });
      j.leads.insert({ sourceId: kim, what: 'Bob runs data at Acme', personId: bob, givenOn: ON });
      j.interactions.insert({ contactIds: [kim], on: ON, kind: 'intro', thanksOwed: true, thankedOn: ON, introOf: bob });
    },
    kim: { leads: 1 },
    bob: {},
  },
  {
    act: 'an introduction (net add --via), thanked: one introduction, not also a thanked conversation',
    record: (j, kim, bob) => {
      j.contacts.update(bob, { introducedBy: kim, metOn: ON });
      j.interactions.insert({ contactIds: [kim], on: ON, kind: 'intro', thanksOwed: true, thankedOn: ON, introOf: bob });
    },
    kim: { introductions: 1 },
    bob: {},
  },
  {
    act: 'an introduction you made (net intro): given to each of the two',
    record: (j, kim, bob) => {
      j.interactions.insert({ contactIds: [kim, bob], on: ON, kind: 'intro', thanksOwed: false, introByMe: true });
    },
    kim: { introsMade: 1 },
    bob: { introsMade: 1 },
  },
  {
    act: 'a coffee with both, thanked: a thanked conversation for each',
    record: (j, kim, bob) => {
      j.interactions.insert({ contactIds: [kim, bob], on: '2026-10-01', kind: 'coffee', thanksOwed: true, thankedOn: ON });
    },
    kim: { thanked: 1 },
    bob: { thanked: 1 },
  },
  {
    act: 'their promise kept, made earlier',
    record: (j, kim) => {
      j.promises.insert({ contactId: kim, what: 'send the deck', direction: 'theirs', madeOn: '2026-09-01', status: 'kept', closedOn: ON });
    },
    kim: { theirsKept: 1 },
    bob: {},
  },
  {
    act: 'my promise kept and their need met, noted earlier',
    record: (j, kim) => {
      j.promises.insert({ contactId: kim, what: 'intro to Sam', direction: 'mine', madeOn: '2026-09-01', status: 'kept', closedOn: ON });
      j.needs.insert({ contactId: kim, what: 'a designer', notedOn: '2026-09-01', status: 'met', closedOn: ON });
    },
    kim: { mineKept: 1, needsMet: 1 },
    bob: {},
  },
];

describe('the ledger counts each act once, from its own day', () => {
  it.each(ACTS)('$act', ({ record, kim, bob }) => {
    const j = Journal.open(':memory:');
    try {
      const [k, b] = j.write(() => [j.contacts.insert({ name: 'Kim', metOn: '2026-01-01' }), j.contacts.insert({ name: 'Bob', metOn: '2026-01-01' })]) as [number, number];
      j.write(() => record(j, k, b));
      expect(j.ledgers.of(k, '2026-10-04'), 'Kim the day before').toEqual(ZERO);
      expect(j.ledgers.of(b, '2026-10-04'), 'Bob the day before').toEqual(ZERO);
      expect(j.ledgers.of(k, ON), 'Kim on the day').toEqual({ ...ZERO, ...kim });
      expect(j.ledgers.of(b, ON), 'Bob on the day').toEqual({ ...ZERO, ...bob });
      // The report counts as of its last day the same way as net show does today.
      const period = { from: '2026-09-01', to: ON };
      expect(j.ledgers.touched(period).find((g) => g.contact.id === k)?.counts).toEqual({ ...ZERO, ...kim });
    } finally {
      j.close();
    }
  });
});
