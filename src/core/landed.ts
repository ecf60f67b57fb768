// `net landed`: who helped your search, and what each did. Pure: records in, helpers out.
import type { Contact, ContactRef, Interaction, IsoDate, Job, Lead, Pledge } from './types.js';

/** One person who helped, with each thing they did. */
export interface Helper {
  contact: ContactRef;
  /** What they did, one phrase each: "gave you a lead: Hooli is hiring". */
  help: string[];
  /** Leads, introductions, referrals and kept promises: the acts besides conversations. */
  acts: number;
  conversations: number;
}

export interface HelpRecords {
  /** Contacts, for who introduced whom and when they were met. */
  contacts: readonly Pick<Contact, 'id' | 'name' | 'introducedBy' | 'metOn' | 'recordedOn' | 'createdAt'>[];
  leads: readonly Lead[];
  jobs: readonly Job[];
  pledges: readonly Pledge[];
  interactions: readonly Interaction[];
}

const within = (d: IsoDate | null | undefined, since: IsoDate, until: IsoDate) => d !== null && d !== undefined && d >= since && d <= until;

/**
 * Everyone who helped from `since` to `until`, most help first: by their leads,
 * introductions, referrals and kept promises, then by conversations, then by name. Leads
 * still open count whenever they were given (the search closes them). Conversations are
 * those that got an answer, happened, and were neither an interview (the hiring process,
 * not help) nor an introduction you made or a thank-you for one (counted as introductions).
 */
export function helpersSince(r: HelpRecords, since: IsoDate, until: IsoDate, openLeads: ReadonlySet<number> = new Set()): Helper[] {
  const by = new Map<number, { contact: ContactRef; help: string[]; acts: number; conversations: number }>();
  const of = (c: ContactRef) => {
    let h = by.get(c.id);
    if (!h) {
      h = { contact: { id: c.id, name: c.name }, help: [], acts: 0, conversations: 0 };
      by.set(c.id, h);
    }
    return h;
  };
  const act = (c: ContactRef, what: string) => {
    const h = of(c);
    h.help.push(what);
    h.acts++;
  };
  for (const l of r.leads) {
    if (within(l.givenOn, since, until) || openLeads.has(l.id)) act(l.source, `gave you a lead: ${l.what}`);
  }
  for (const c of r.contacts) {
    const met = c.metOn ?? c.recordedOn ?? c.createdAt.slice(0, 10);
    if (c.introducedBy && within(met, since, until)) act(c.introducedBy, `introduced you to ${c.name}`);
  }
  for (const j of r.jobs) {
    if (j.via && within(j.startedOn, since, until)) act(j.via, `referred you for ${j.title} at ${j.company}`);
  }
  for (const p of r.pledges) {
    if (p.direction === 'theirs' && p.status === 'kept' && within(p.closedOn, since, until)) act(p.contact, `kept their promise: ${p.what}`);
  }
  for (const i of r.interactions) {
    if (!within(i.on, since, until) || i.noReply || i.kind === 'interview' || i.introByMe || i.introOf) continue;
    for (const c of i.contacts) of(c).conversations++;
  }
  return [...by.values()]
    .map((h) => ({ ...h, help: h.conversations > 0 ? [...h.help, `${h.conversations} conversation${h.conversations === 1 ? '' : 's'}`] : h.help }))
    .sort((a, b) => b.acts - a.acts || b.conversations - a.conversations || a.contact.name.localeCompare(b.contact.name, 'en') || a.contact.id - b.contact.id);
}

/** What a helper did, as one line kept on the application (`helped`). */
export function helpText(h: Helper): string {
  return h.help.join('; ');
}
