// Give and take with one contact: reciprocity made visible.
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
 * What each side of a ledger counts (store/ledger.ts counts them from the records), each act
 * once. They gave: leads (not dropped), introductions (not those that came with a lead),
 * promises of theirs they kept, and conversations the user thanked them for. They
 * received: promises the user kept to them, needs of theirs the user met, and introductions
 * the user made (`net intro`: each of the two people received one).
 */
export interface LedgerCounts {
  leads: number;
  introductions: number;
  theirsKept: number;
  thanked: number;
  mineKept: number;
  needsMet: number;
  introsMade: number;
}

/** A line of a ledger before it is counted: which count, singular and plural. */
export interface LedgerLabel {
  key: keyof LedgerCounts;
  one: string;
  many: string;
}

/** What they gave, in the order shown: leads, introductions, their kept promises, thanked conversations. */
const GAVE_LINES: readonly LedgerLabel[] = [
  { key: 'leads', one: 'lead', many: 'leads' },
  { key: 'introductions', one: 'introduction', many: 'introductions' },
  { key: 'theirsKept', one: 'promise kept', many: 'promises kept' },
  { key: 'thanked', one: 'conversation you thanked them for', many: 'conversations you thanked them for' },
];

/** What the user gave them, in the order shown: the user's kept promises, their needs met, introductions made. */
const RECEIVED_LINES: readonly LedgerLabel[] = [
  { key: 'mineKept', one: 'promise you kept', many: 'promises you kept' },
  { key: 'needsMet', one: 'need you met', many: 'needs you met' },
  { key: 'introsMade', one: 'introduction you made', many: 'introductions you made' },
];

/** The ledger in lines and totals, from its counts. */
export function ledgerFrom(counts: LedgerCounts): Ledger {
  const lines = (labels: readonly LedgerLabel[]): LedgerLine[] => labels.map((l) => ({ one: l.one, many: l.many, count: counts[l.key] }));
  const sum = (ls: LedgerLine[]) => ls.reduce((a, l) => a + l.count, 0);
  const gaveLines = lines(GAVE_LINES);
  const receivedLines = lines(RECEIVED_LINES);
  return { gave: sum(gaveLines), received: sum(receivedLines), gaveLines, receivedLines };
}

/** A contact who has given and received nothing back deserves a look at their needs. */
export function onlyTaking(l: Ledger): boolean {
  return l.gave > 0 && l.received === 0;
}
