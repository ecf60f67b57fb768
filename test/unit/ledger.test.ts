import { describe, expect, it } from 'vitest';
import { type LedgerCounts, ledgerFrom, onlyTaking } from '../../src/core/ledger.js';
import { Journal } from '../../src/store/journal.js';

const ZERO: LedgerCounts = { leads: 0, introductions: 0, theirsKept: 0, thanked: 0, mineKept: 0, needsMet: 0 };
const ledger = (over: Partial<LedgerCounts> = {}) => ledgerFrom({ ...ZERO, ...over });
const counts = (lines: ReadonlyArray<{ count: number }>) => lines.map((l) => l.count);

describe('ledgerFrom', () => {
  it('is all zeros for someone with no history', () => {
    const l = ledger();
    expect([l.gave, l.received]).toEqual([0, 0]);
    expect(counts(l.gaveLines)).toEqual([0, 0, 0, 0]);
    expect(counts(l.receivedLines)).toEqual([0, 0]);
  });

  it('puts leads, introductions, their kept promises and thanked conversations on their side; my kept promises and their needs met on mine', () => {
    const l = ledger({ leads: 3, introductions: 2, theirsKept: 1, thanked: 4, mineKept: 5, needsMet: 6 });
    expect(counts(l.gaveLines)).toEqual([3, 2, 1, 4]);
    expect(counts(l.receivedLines)).toEqual([5, 6]);
    expect([l.gave, l.received]).toEqual([10, 11]);
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
        j.contacts.insert({ name: 'Intro 1', introducedBy: dana });
        j.contacts.insert({ name: 'Intro 2', introducedBy: dana });
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
      expect(j.ledgers.of(dana)).toEqual({ leads: 3, introductions: 2, theirsKept: 1, thanked: 1, mineKept: 2, needsMet: 1 });
      expect(j.ledgers.of(other)).toEqual({ ...ZERO, leads: 1, thanked: 1, mineKept: 1 });
      expect(j.ledgers.of(999)).toBeUndefined();
    } finally {
      j.close();
    }
  });
});
