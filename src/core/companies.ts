// Companies: not records of their own, but what the journal knows at each, by the company
// field of contacts, leads and applications (compared by `companyKey`). Pure.
import { companyKey } from './jobs.js';
import type { ContactRef, Job, Lead, Need } from './types.js';

/** What the store reads of a contact for companies: who, where, and what they share with others. */
export interface CompanyContact {
  id: number;
  name: string;
  company: string | null;
  role: string | null;
  tags: string[];
  introducedBy: ContactRef | null;
}

export interface Introducer {
  contact: ContactRef;
  /** Why they could: "introduced you to Ann Lee", "shares the tag data with Ann Lee". */
  why: string;
}

export interface Company {
  /** The spelling the journal uses most (the first one met on a tie). */
  name: string;
  people: CompanyContact[];
  leads: Lead[];
  applications: Job[];
  needs: Need[];
  introducers: Introducer[];
}

export interface CompanyCount {
  name: string;
  people: number;
  leads: number;
  applications: number;
}

/** The most used of several spellings of one company, the first met on a tie. */
function spelling(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best = names[0] ?? '';
  for (const [n, k] of counts) if (k > (counts.get(best) ?? 0)) best = n;
  return best;
}

/** A lead points at a company by its company field, or by the company of its person. */
function leadCompany(l: Lead, companyOf: ReadonlyMap<number, string | null>): string | null {
  return l.company ?? (l.person ? (companyOf.get(l.person.id) ?? null) : null);
}

/** Every company the journal knows, with counts, most known first, then by name. */
export function companyCounts(contacts: readonly CompanyContact[], leads: readonly Lead[], jobs: readonly Job[]): CompanyCount[] {
  const companyOf = new Map(contacts.map((c) => [c.id, c.company]));
  const by = new Map<string, { names: string[]; people: number; leads: number; applications: number }>();
  const add = (name: string | null, what: 'people' | 'leads' | 'applications') => {
    if (name === null) return;
    const key = companyKey(name);
    if (key === '') return;
    const entry = by.get(key) ?? { names: [], people: 0, leads: 0, applications: 0 };
    entry.names.push(name);
    entry[what]++;
    by.set(key, entry);
  };
  for (const c of contacts) add(c.company, 'people');
  for (const l of leads) add(leadCompany(l, companyOf), 'leads');
  for (const j of jobs) add(j.company, 'applications');
  return [...by.values()]
    .map((e) => ({ name: spelling(e.names), people: e.people, leads: e.leads, applications: e.applications }))
    .sort((a, b) => b.people + b.leads + b.applications - (a.people + a.leads + a.applications) || a.name.localeCompare(b.name, 'en'));
}

/** What shared events link people: each event's people by contact id. */
export type EventPeople = ReadonlyArray<readonly number[]>;

/**
 * Everything the journal knows at one company: the people there, leads pointing there,
 * applications, the open needs of the people there, and who could introduce you: first
 * those who introduced you to someone there, then those sharing a tag or an event with
 * someone there (people there themselves left out, each introducer once, with the first
 * reason found).
 */
export function companyView(
  name: string,
  contacts: readonly CompanyContact[],
  leads: readonly Lead[],
  jobs: readonly Job[],
  openNeeds: readonly Need[],
  events: EventPeople,
): Company | null {
  const key = companyKey(name);
  if (key === '') return null;
  const at = (company: string | null) => company !== null && companyKey(company) === key;
  const people = contacts.filter((c) => at(c.company));
  const companyOf = new Map(contacts.map((c) => [c.id, c.company]));
  const there = new Set(people.map((c) => c.id));
  const companyLeads = leads.filter((l) => at(leadCompany(l, companyOf)));
  const applications = jobs.filter((j) => at(j.company));
  if (people.length === 0 && companyLeads.length === 0 && applications.length === 0) return null;
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const introducers: Introducer[] = [];
  const listed = new Set<number>();
  const offer = (c: ContactRef | undefined | null, why: string) => {
    if (!c || there.has(c.id) || listed.has(c.id)) return;
    listed.add(c.id);
    introducers.push({ contact: { id: c.id, name: c.name }, why });
  };
  for (const p of people) offer(p.introducedBy, `introduced you to ${p.name}`);
  for (const p of people) {
    for (const tag of p.tags) {
      for (const c of contacts) if (c.tags.includes(tag)) offer(c, `shares the tag ${tag} with ${p.name}`);
    }
  }
  for (const event of events) {
    const inside = event.filter((id) => there.has(id));
    const first = byId.get(inside[0] ?? -1);
    if (!first) continue;
    for (const id of event) offer(byId.get(id), `was at an event with ${first.name}`);
  }
  const names = [...people.map((c) => c.company), ...companyLeads.map((l) => leadCompany(l, companyOf)), ...applications.map((j) => j.company)].filter(
    (n): n is string => n !== null,
  );
  return {
    name: spelling(names),
    people,
    leads: companyLeads,
    applications,
    needs: openNeeds.filter((n) => there.has(n.contact.id)),
    introducers,
  };
}
