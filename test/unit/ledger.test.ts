import { describe, expect, it } from 'vitest';
import { type LedgerInput, ledger, onlyTaking } from '../../src/core/ledger.js';
import type { ContactRef, Interaction, Lead, LeadStatus, Need, NeedStatus, Pledge, PromiseStatus } from '../../src/core/types.js';

const DANA: ContactRef = { id: 1, name: 'Dana Whitfield' };
let seq = 0;

function lead(status: LeadStatus): Lead {
  seq += 1;
  return {
    id: seq,
    uuid: `l${seq}`,
    source: DANA,
    what: 'a lead',
    person: null,
    company: null,
    job: null,
    givenOn: '2026-10-01',
    status,
    followedOn: null,
    reportedOn: null,
    outcome: null,
    snoozedUntil: null,
  };
}

function pledge(direction: 'mine' | 'theirs', status: PromiseStatus): Pledge {
  seq += 1;
  return {
    id: seq,
    uuid: `p${seq}`,
    contact: DANA,
    what: 'a promise',
    direction,
    madeOn: '2026-10-01',
    by: null,
    status,
    closedOn: status === 'open' ? null : '2026-10-05',
    nudges: 0,
    lastNudgedOn: null,
    snoozedUntil: null,
  };
}

function need(status: NeedStatus): Need {
  seq += 1;
  return { id: seq, uuid: `n${seq}`, contact: DANA, what: 'an intro at Dell', notedOn: '2026-10-01', status, closedOn: status === 'open' ? null : '2026-10-05' };
}

function interaction(thankedOn: string | null, thanksOwed = true): Interaction {
  seq += 1;
  return {
    id: seq,
    uuid: `i${seq}`,
    contacts: [DANA],
    on: '2026-10-01',
    kind: 'coffee',
    summary: null,
    thanksOwed,
    thankedOn,
    noReply: false,
    snoozedUntil: null,
  };
}

function input(over: Partial<LedgerInput> = {}): LedgerInput {
  return { contactId: DANA.id, leadsGiven: [], introductions: 0, promises: [], needs: [], thanked: 0, ...over };
}

const counts = (lines: ReadonlyArray<{ count: number }>) => lines.map((l) => l.count);

describe('ledger', () => {
  it('is all zeros for someone with no history', () => {
    const l = ledger(input());
    expect(l.gave).toBe(0);
    expect(l.received).toBe(0);
    expect(counts(l.gaveLines)).toEqual([0, 0, 0, 0]);
    expect(counts(l.receivedLines)).toEqual([0, 0]);
  });

  it('counts what they gave: leads not dropped, introductions, their kept promises, thanked conversations', () => {
    const l = ledger(
      input({
        leadsGiven: [lead('open'), lead('followed'), lead('reported'), lead('dropped')],
        introductions: 2,
        promises: [pledge('theirs', 'kept'), pledge('theirs', 'open'), pledge('theirs', 'dropped'), pledge('mine', 'kept')],
        thanked: [interaction('2026-10-02'), interaction(null), interaction(null, false)].filter((i) => i.thankedOn !== null).length,
      }),
    );
    expect(counts(l.gaveLines)).toEqual([3, 2, 1, 1]);
    expect(l.gave).toBe(7);
  });

  it('counts what they received: my kept promises and their needs I met', () => {
    const l = ledger(
      input({
        promises: [pledge('mine', 'kept'), pledge('mine', 'kept'), pledge('mine', 'open'), pledge('mine', 'dropped'), pledge('theirs', 'kept')],
        needs: [need('met'), need('open'), need('dropped')],
      }),
    );
    expect(counts(l.receivedLines)).toEqual([2, 1]);
    expect(l.received).toBe(3);
    // their kept promise is on the other side
    expect(l.gave).toBe(1);
  });

  it('labels each line in the singular and plural', () => {
    const l = ledger(input());
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
    expect(onlyTaking(ledger(input({ leadsGiven: [lead('open')] })))).toBe(true);
    expect(onlyTaking(ledger(input({ introductions: 1 })))).toBe(true);
  });

  it('does not flag a balanced relationship, one where only I gave, or an empty one', () => {
    expect(onlyTaking(ledger(input({ leadsGiven: [lead('open')], needs: [need('met')] })))).toBe(false);
    expect(onlyTaking(ledger(input({ promises: [pledge('mine', 'kept')] })))).toBe(false);
    expect(onlyTaking(ledger(input()))).toBe(false);
  });

  it('a dropped lead alone is not taking', () => {
    expect(onlyTaking(ledger(input({ leadsGiven: [lead('dropped')] })))).toBe(false);
  });
});
