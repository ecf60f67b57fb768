// The weekly report as data: which records belong to a period and what each section holds.
import type { DueItem } from './due.js';
import { ledger, type Ledger } from './ledger.js';
import type { Contact, ContactRef, Interaction, IsoDate, Lead, Need, Pledge } from './types.js';

export interface ReportInput {
  from: IsoDate;
  to: IsoDate;
  contacts: readonly Contact[];
  interactions: readonly Interaction[];
  leads: readonly Lead[];
  pledges: readonly Pledge[];
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

const within = (d: IsoDate | null, from: IsoDate, to: IsoDate) => d !== null && d >= from && d <= to;

export function buildReport(r: ReportInput): Report {
  const { from, to } = r;
  const conversations = r.interactions.filter((i) => within(i.on, from, to));
  const leads = r.leads.filter((l) => within(l.givenOn, from, to) || within(l.followedOn, from, to) || within(l.reportedOn, from, to));
  // Promises made or closed in the period, and every one still open: they are all still owed.
  const promises = r.pledges.filter((p) => p.status === 'open' || within(p.madeOn, from, to) || within(p.closedOn, from, to));
  const metInPeriod = r.contacts.filter((c) => within(c.metOn ?? c.createdAt.slice(0, 10), from, to));

  // Give and take for everyone the period touched.
  const touched = new Map<number, ContactRef>();
  const touch = (c: ContactRef | null) => {
    if (c) touched.set(c.id, c);
  };
  conversations.forEach((i) => i.contacts.forEach(touch));
  leads.forEach((l) => touch(l.source));
  r.pledges.filter((p) => within(p.madeOn, from, to) || within(p.closedOn, from, to)).forEach((p) => touch(p.contact));
  r.needs.filter((n) => within(n.notedOn, from, to) || within(n.closedOn, from, to)).forEach((n) => touch(n.contact));
  metInPeriod.forEach((c) => touch({ id: c.id, name: c.name }));
  const introductions = new Map<number, number>();
  for (const c of r.contacts) if (c.introducedBy) introductions.set(c.introducedBy.id, (introductions.get(c.introducedBy.id) ?? 0) + 1);
  const giveAndTake = [...touched.values()]
    .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id)
    .map((contact) => ({
      contact,
      ledger: ledger({
        contactId: contact.id,
        leadsGiven: r.leads.filter((l) => l.source.id === contact.id),
        introductions: introductions.get(contact.id) ?? 0,
        promises: r.pledges.filter((p) => p.contact.id === contact.id),
        needs: r.needs.filter((n) => n.contact.id === contact.id),
        interactions: r.interactions.filter((i) => i.contacts.some((c) => c.id === contact.id)),
      }),
    }));

  const graph: Edge[] = [];
  for (const c of metInPeriod) {
    if (c.introducedBy) graph.push({ from: c.introducedBy, to: { id: c.id, name: c.name }, label: 'introduced' });
  }
  for (const l of r.leads) if (l.person && within(l.givenOn, from, to)) graph.push({ from: l.source, to: l.person, label: 'lead' });

  return {
    from,
    to,
    owedNow: r.due.filter((d) => d.state === 'due'),
    conversations,
    leads,
    promises,
    waysToGive: r.needs.filter((n) => n.status === 'open'),
    giveAndTake,
    resting: r.due.filter((d) => d.state === 'resting'),
    graph,
  };
}
