// The report as data: which records belong to a period and what each section holds.
import type { DueItem } from './due.js';
import type { Ledger } from './ledger.js';
import type { Contact, ContactRef, Interaction, IsoDate, Lead, Need, Pledge } from './types.js';

/** The records a period touches; the store reads them with the period's dates. */
export interface ReportInput {
  from: IsoDate;
  to: IsoDate;
  /** Contacts met (or added) in the period: the diagram's introductions. */
  met: readonly Contact[];
  /** Interactions in the period. */
  interactions: readonly Interaction[];
  /** Leads given, followed, reported or with news in the period. */
  leads: readonly Lead[];
  /** Promises still open, and those made or closed in the period. */
  pledges: readonly Pledge[];
  /** Needs still open, oldest first. */
  needs: readonly Need[];
  /** Every item as of today, in `dueItems` order. */
  due: readonly DueItem[];
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

/**
 * The report's sections; `giveAndTake` is everyone the period touched with their ledger,
 * in `net list` order, as the store reads them.
 */
export function buildReport(r: ReportInput, giveAndTake: GiveTake[]): Report {
  const { from, to } = r;
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
    leads: r.leads.filter(
      (l) => within(l.givenOn, from, to) || within(l.followedOn, from, to) || within(l.reportedOn, from, to) || within(l.newsOn ?? null, from, to),
    ),
    promises: r.pledges.filter((p) => p.status === 'open' || within(p.madeOn, from, to) || within(p.closedOn, from, to)),
    waysToGive: [...r.needs],
    giveAndTake,
    resting: r.due.filter((d) => d.state === 'resting'),
    graph,
  };
}
