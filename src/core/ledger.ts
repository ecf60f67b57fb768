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

/** What each side of a ledger counts; the journal keeps these on each contact (schema 7). */
export interface LedgerCounts {
  leads: number;
  introductions: number;
  theirsKept: number;
  thanked: number;
  mineKept: number;
  needsMet: number;
}

/** A line of a ledger before it is counted: which count, singular and plural. */
export interface LedgerLabel {
  key: keyof LedgerCounts;
  one: string;
  many: string;
}

/** What they gave, in the order shown: leads, introductions, their kept promises, thanked conversations. */
export const GAVE_LINES: readonly LedgerLabel[] = [
  { key: 'leads', one: 'lead', many: 'leads' },
  { key: 'introductions', one: 'introduction', many: 'introductions' },
  { key: 'theirsKept', one: 'promise kept', many: 'promises kept' },
  { key: 'thanked', one: 'conversation you thanked them for', many: 'conversations you thanked them for' },
];

/** What the user gave them, in the order shown: the user's kept promises, their needs met. */
export const RECEIVED_LINES: readonly LedgerLabel[] = [
  { key: 'mineKept', one: 'promise you kept', many: 'promises you kept' },
  { key: 'needsMet', one: 'need you met', many: 'needs you met' },
];

/**
 * They gave: leads (not dropped), introductions, promises of theirs they kept, and
 * conversations the user thanked them for. They received: promises the user kept to them
 * and needs of theirs the user met. (The triggers of schema 7 count the same in SQL; a
 * property test holds them to this.)
 */
export function countLedger(input: LedgerInput): LedgerCounts {
  const kept = (direction: Pledge['direction']) => input.promises.filter((p) => p.direction === direction && p.status === 'kept').length;
  return {
    leads: input.leadsGiven.filter((l) => l.status !== 'dropped').length,
    introductions: input.introductions,
    theirsKept: kept('theirs'),
    thanked: input.thanked,
    mineKept: kept('mine'),
    needsMet: input.needs.filter((n) => n.status === 'met').length,
  };
}

/** The ledger in lines and totals, from its counts. */
export function ledgerFrom(counts: LedgerCounts): Ledger {
  const lines = (labels: readonly LedgerLabel[]): LedgerLine[] => labels.map((l) => ({ one: l.one, many: l.many, count: counts[l.key] }));
  const sum = (ls: LedgerLine[]) => ls.reduce((a, l) => a + l.count, 0);
  const gaveLines = lines(GAVE_LINES);
  const receivedLines = lines(RECEIVED_LINES);
  return { gave: sum(gaveLines), received: sum(receivedLines), gaveLines, receivedLines };
}

/** The ledger of one contact's records. */
export function ledger(input: LedgerInput): Ledger {
  return ledgerFrom(countLedger(input));
}

/** A contact who has given and received nothing back deserves a look at their needs. */
export function onlyTaking(l: Ledger): boolean {
  return l.gave > 0 && l.received === 0;
}
