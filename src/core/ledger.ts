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

/** What they gave, in the order shown: leads, introductions, their kept promises, thanked conversations. */
export const GAVE_LINES: ReadonlyArray<Omit<LedgerLine, 'count'>> = [
  { one: 'lead', many: 'leads' },
  { one: 'introduction', many: 'introductions' },
  { one: 'promise kept', many: 'promises kept' },
  { one: 'conversation you thanked them for', many: 'conversations you thanked them for' },
];

/** What the user gave them, in the order shown: the user's kept promises, their needs met. */
export const RECEIVED_LINES: ReadonlyArray<Omit<LedgerLine, 'count'>> = [
  { one: 'promise you kept', many: 'promises you kept' },
  { one: 'need you met', many: 'needs you met' },
];

const lines = (labels: ReadonlyArray<Omit<LedgerLine, 'count'>>, counts: readonly number[]): LedgerLine[] =>
  labels.map((l, i) => ({ one: l.one, many: l.many, count: counts[i] ?? 0 }));

/**
 * They gave: leads (not dropped), introductions, promises of theirs they kept, and
 * conversations the user thanked them for. They received: promises the user kept to them
 * and needs of theirs the user met.
 */
export function ledger(input: LedgerInput): Ledger {
  // Plain loops: the report as JSON computes this for everyone a week touched.
  let leads = 0;
  for (const l of input.leadsGiven) if (l.status !== 'dropped') leads++;
  let theirsKept = 0;
  let mineKept = 0;
  for (const p of input.promises) {
    if (p.status !== 'kept') continue;
    if (p.direction === 'theirs') theirsKept++;
    else if (p.direction === 'mine') mineKept++;
  }
  let needsMet = 0;
  for (const n of input.needs) if (n.status === 'met') needsMet++;
  const gaveLines = lines(GAVE_LINES, [leads, input.introductions, theirsKept, input.thanked]);
  const receivedLines = lines(RECEIVED_LINES, [mineKept, needsMet]);
  return { gave: leads + input.introductions + theirsKept + input.thanked, received: mineKept + needsMet, gaveLines, receivedLines };
}

/** A contact who has given and received nothing back deserves a look at their needs. */
export function onlyTaking(l: Ledger): boolean {
  return l.gave > 0 && l.received === 0;
}
