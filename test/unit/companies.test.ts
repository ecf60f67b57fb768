// Issue 14: what the journal knows at a company, and who could introduce you.
import { describe, expect, it } from 'vitest';
import { type CompanyContact, companyCounts, companyView } from '../../src/core/companies.js';
import type { ContactRef, Job, Lead, Need } from '../../src/core/types.js';

const person = (id: number, name: string, company: string | null, over: Partial<CompanyContact> = {}): CompanyContact => ({
  id,
  name,
  company,
  role: null,
  tags: [],
  introducedBy: null,
  ...over,
});
const ref = (c: CompanyContact): ContactRef => ({ id: c.id, name: c.name });

const dana = person(1, 'Dana', null, { tags: ['data'] });
const ann = person(2, 'Ann', 'Hooli Inc.', { introducedBy: ref(dana), tags: ['data', 'ml'] });
const bo = person(3, 'Bo', 'hooli');
const kim = person(4, 'Kim', 'Acme', { tags: ['ml'] });
const zed = person(5, 'Zed', null);
const eve = person(6, 'Eve', 'HOOLI GmbH', { introducedBy: ref(bo) });
const contacts = [dana, ann, bo, kim, zed, eve];

const lead = (id: number, company: string | null, personRef: ContactRef | null): Lead =>
  ({ id, uuid: `l${id}`, source: ref(dana), what: 'w', person: personRef, company, job: null, givenOn: '2026-04-01', status: 'open' }) as Lead;
const job = (id: number, company: string): Job => ({ id, company, title: 't', stage: 'applied', stageOn: '2026-04-01', people: [] }) as unknown as Job;
const need = (id: number, c: CompanyContact): Need => ({ id, uuid: `n${id}`, contact: ref(c), what: 'x', notedOn: '2026-04-01', status: 'open', closedOn: null });

describe('companyView', () => {
  const leads = [lead(1, 'Hooli', null), lead(2, null, ref(bo)), lead(3, 'Acme', null), lead(4, null, ref(zed))];
  const view = companyView('hooli ltd', contacts, leads, [job(1, 'Hooli, Inc'), job(2, 'Acme')], [need(1, ann), need(2, kim)], [[5, 2], [5, 4]]);

  it('finds people, leads (by company or by their person), applications and needs there, suffixes and case aside', () => {
    expect(view?.people.map((p) => p.name)).toEqual(['Ann', 'Bo', 'Eve']);
    expect(view?.leads.map((l) => l.id)).toEqual([1, 2]);
    expect(view?.applications.map((j) => j.id)).toEqual([1]);
    expect(view?.needs.map((n) => n.id)).toEqual([1]);
  });

  it('offers introducers: first who introduced you to someone there, then shared tags, then events; never someone there, each once', () => {
    expect(view?.introducers).toEqual([
      { contact: { id: 1, name: 'Dana' }, why: 'introduced you to Ann' },
      { contact: { id: 4, name: 'Kim' }, why: 'shares the tag ml with Ann' },
      { contact: { id: 5, name: 'Zed' }, why: 'was at an event with Ann' },
    ]);
  });

  it('names the company as the journal spells it most', () => {
    expect(view?.name).toBe('hooli');
    expect(companyView('acme', contacts, [], [job(1, 'ACME'), job(2, 'ACME')], [], [])?.name).toBe('ACME');
    expect(companyView('acme', contacts, [], [job(1, 'ACME')], [], [])?.name).toBe('Acme');
  });

  it('knows nothing of a company nobody is at', () => {
    expect(companyView('Initech', contacts, leads, [], [], [])).toBeNull();
    expect(companyView('Inc', contacts, leads, [], [], [])).toBeNull();
  });
});

describe('companyCounts', () => {
  it('counts people, leads and applications per company, most known first', () => {
    expect(companyCounts(contacts, [lead(1, 'Hooli', null), lead(2, null, ref(kim))], [job(1, 'Initech')])).toEqual([
      { name: 'Hooli Inc.', people: 3, leads: 1, applications: 0 },
      { name: 'Acme', people: 1, leads: 1, applications: 0 },
      { name: 'Initech', people: 0, leads: 0, applications: 1 },
    ]);
  });
});
