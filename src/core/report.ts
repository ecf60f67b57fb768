// The report as data: which records belong to a period and what each section holds.
import type { DueItem } from './due.js';
import type { Ledger } from './ledger.js';
import { matchKey } from './names.js';
import type { Contact, ContactRef, Interaction, IsoDate, Lead, Need, Pledge } from './types.js';

/** The records a period touches; the store reads them with the period's dates. */
export interface ReportInput {
  from: IsoDate;
  to: IsoDate;
  /** Contacts met (or added) in the period. */
  met: readonly Contact[];
  /** Interactions in the period. */
  interactions: readonly Interaction[];
  /** Leads given, followed or reported in the period. */
  leads: readonly Lead[];
  /** Promises still open, and those made or closed in the period. */
  pledges: readonly Pledge[];
  /** Needs still open, and those noted or closed in the period. */
  needs: readonly Need[];
  /** Every item as of today, in `dueItems` order. */
  due: readonly DueItem[];
}

/**
 * Rows of a table as SQLite wrote them (store/report.ts), one string: cells are separated
 * by U+001F and rows by U+001E, an empty cell is one space. `rows` counts the rows the
 * query found and `written` those in `text`: a row SQLite could not write (a date that is
 * not YYYY-MM-DD) is left out, and the check in render/markdown.ts (`markedTable`) declines.
 */
export interface MarkedRows {
  rows: number;
  written: number;
  text: string;
}

export interface GiveTake {
  contact: ContactRef;
  ledger: Ledger;
}

export interface Edge {
  from: ContactRef;
  to: ContactRef;
  label: 'introduced' | 'lead';
}

export interface Report {
  from: IsoDate;
  to: IsoDate;
  owedNow: DueItem[];
  conversations: Interaction[];
  leads: Lead[];
  promises: Pledge[];
  waysToGive: Need[];
  giveAndTake: GiveTake[];
  resting: DueItem[];
  /** Who introduced whom and which leads came from whom, in the period. */
  graph: Edge[];
}

export const within = (d: IsoDate | null, from: IsoDate, to: IsoDate) => d !== null && d >= from && d <= to;

/** Everyone the period touched, by id: they talked, gave a lead, promised, needed, or were met. */
export function touched(r: ReportInput): Map<number, ContactRef> {
  const { from, to } = r;
  const people = new Map<number, ContactRef>();
  const touch = (c: ContactRef) => people.set(c.id, c);
  for (const i of r.interactions) i.contacts.forEach(touch);
  for (const l of r.leads) touch(l.source);
  for (const p of r.pledges) if (within(p.madeOn, from, to) || within(p.closedOn, from, to)) touch(p.contact);
  for (const n of r.needs) if (within(n.notedOn, from, to) || within(n.closedOn, from, to)) touch(n.contact);
  for (const c of r.met) touch({ id: c.id, name: c.name });
  return people;
}

/**
 * Everyone the period touched in `net list` order: by the name as matching sees it (no
 * case, no accents), then id. (The store reads them in this order with the ledgers.)
 */
export function touchedContacts(r: ReportInput): ContactRef[] {
  const keyed = [...touched(r).values()].map((c) => ({ c, key: matchKey(c.name) }));
  keyed.sort((a, b) => byCodePoint(a.key, b.key) || a.c.id - b.c.id);
  return keyed.map((k) => k.c);
}

/**
 * Strings in code point order, which is SQLite's order for text (UTF-8 bytes); JavaScript's
 * `<` compares UTF-16 units, which puts characters beyond U+FFFF (emoji) before U+E000–U+FFFF.
 */
function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (U+D800–DFFF) move above U+E000–FFFF, the rest keep their place.
    const rank = (u: number) => (u >= 0xe000 ? u - 0x800 : u >= 0xd800 ? u + 0x2000 : u);
    return rank(x) - rank(y);
  }
  return a.length - b.length;
}

/**
 * The report's sections; `ledgers` holds the give-and-take of every touched contact
 * (`touched`, when the caller has already listed them).
 */
export function buildReport(r: ReportInput, ledgers: ReadonlyMap<number, Ledger>, touched: readonly ContactRef[] = touchedContacts(r)): Report {
  const { from, to } = r;
  const giveAndTake = touched.flatMap((contact) => {
    const l = ledgers.get(contact.id);
    return l ? [{ contact, ledger: l }] : [];
  });
  const graph: Edge[] = [];
  for (const c of r.met) {
    if (c.introducedBy) graph.push({ from: c.introducedBy, to: { id: c.id, name: c.name }, label: 'introduced' });
  }
  for (const l of r.leads) if (l.person && within(l.givenOn, from, to)) graph.push({ from: l.source, to: l.person, label: 'lead' });
  return {
    from,
    to,
    owedNow: r.due.filter((d) => d.state === 'due'),
    conversations: r.interactions.filter((i) => within(i.on, from, to)),
    leads: r.leads.filter((l) => within(l.givenOn, from, to) || within(l.followedOn, from, to) || within(l.reportedOn, from, to)),
    promises: r.pledges.filter((p) => p.status === 'open' || within(p.madeOn, from, to) || within(p.closedOn, from, to)),
    waysToGive: r.needs.filter((n) => n.status === 'open'),
    giveAndTake,
    resting: r.due.filter((d) => d.state === 'resting'),
    graph,
  };
}
