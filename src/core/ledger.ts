// Give and take with one contact: reciprocity made visible.
import type { Lead, Need, Pledge } from './types.js';

export interface LedgerInput {
  contactId: number;
  /** Leads this contact gave the user. */
  leadsGiven: ReadonlyArray<Pick<Lead, 'status'>>;
  /** How many contacts this contact introduced the user to. */
  introductions: number;
  promises: ReadonlyArray<Pick<Pledge, 'direction' | 'status'>>;
  needs: ReadonlyArray<Pick<Need, 'status'>>;
  /** How many conversations with them the user sent a thank-you for. */
  thanked: number;
}

export interface LedgerLine {
  /** The thing counted, singular and plural. */
  one: string;
  many: string;
  count: number;
}

export interface Ledger {
  /** What they gave the user. */
  gave: number;
  /** What the user gave them. */
  received: number;
  gaveLines: LedgerLine[];
  receivedLines: LedgerLine[];
}

/**
 * They gave: leads (not dropped), introductions, promises of theirs they kept, and
 * conversations the user thanked them for. They received: promises the user kept to them
 * and needs of theirs the user met.
 */
export function ledger(input: LedgerInput): Ledger {
  const gaveLines: LedgerLine[] = [
    { one: 'lead', many: 'leads', count: input.leadsGiven.filter((l) => l.status !== 'dropped').length },
    { one: 'introduction', many: 'introductions', count: input.introductions },
    { one: 'promise kept', many: 'promises kept', count: input.promises.filter((p) => p.direction === 'theirs' && p.status === 'kept').length },
    {
      one: 'conversation you thanked them for',
      many: 'conversations you thanked them for',
      count: input.thanked,
    },
  ];
  const receivedLines: LedgerLine[] = [
    { one: 'promise you kept', many: 'promises you kept', count: input.promises.filter((p) => p.direction === 'mine' && p.status === 'kept').length },
    { one: 'need you met', many: 'needs you met', count: input.needs.filter((n) => n.status === 'met').length },
  ];
  const sum = (lines: LedgerLine[]) => lines.reduce((a, l) => a + l.count, 0);
  return { gave: sum(gaveLines), received: sum(receivedLines), gaveLines, receivedLines };
}

/** A contact who has given and received nothing back deserves a look at their needs. */
export function onlyTaking(l: Ledger): boolean {
  return l.gave > 0 && l.received === 0;
}
