// net company and net companies (issue 14) with the real binary.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupJournals, tempJournal } from './helpers.js';

afterEach(cleanupJournals);

interface CompanyJson {
  name: string;
  people: Array<{ id: number; name: string }>;
  leads: Array<{ id: number }>;
  applications: Array<{ id: number }>;
  needs: Array<{ id: number }>;
  introducers: Array<{ contact: { id: number; name: string }; why: string }>;
}

describe('net company', () => {
  it('shows everyone and everything at a company, and who could introduce you', () => {
    const j = tempJournal();
    j.ok('add', 'Dana', '--tag', 'data');
    j.ok('add', 'Ann Lee', '--company', 'Hooli Inc.', '--via', 'Dana', '--role', 'Data lead');
    j.ok('add', 'Kim', '--tag', 'data');
    j.ok('add', 'Bo Xi', '--company', 'hooli', '--tag', 'data');
    j.ok('add', 'Zed');
    j.ok('log', 'Zed', 'meetup', '--kind', 'event', '--with', 'Ann Lee');
    j.ok('need', 'Ann Lee', 'a designer');
    j.ok('lead', 'Kim', 'Bo knows the team', '--person', 'Bo Xi');
    j.ok('job', 'add', 'Data engineer', '--company', 'HOOLI', '--via', 'Dana');
    const c = j.json<CompanyJson>('company', 'Hooli GmbH', '--json');
    expect(c.people.map((p) => p.name)).toEqual(['Ann Lee', 'Bo Xi']);
    expect(c.leads.map((l) => l.id)).toEqual([1]);
    expect(c.applications.map((x) => x.id)).toEqual([1]);
    expect(c.needs.map((n) => n.id)).toEqual([1]);
    expect(c.introducers).toEqual([
      { contact: { id: 1, name: 'Dana' }, why: 'introduced you to Ann Lee' },
      { contact: { id: 3, name: 'Kim' }, why: 'introduced you to Bo Xi' },
      { contact: { id: 5, name: 'Zed' }, why: 'was at an event with Ann Lee' },
    ]);
    const text = j.ok('company', 'hooli').stdout;
    expect(text).toContain('People you know there (2)\n  #2 Ann Lee, Data lead\n  #4 Bo Xi');
    expect(text).toContain('Who could introduce you (3)\n  #1 Dana: introduced you to Ann Lee');
    expect(text).toMatch(/Next: net show 1\n$/);
    const list = j.ok('companies').stdout.trim().split('\n');
    expect(list[0]).toMatch(/^COMPANY\s+PEOPLE\s+LEADS\s+APPLICATIONS$/);
    expect(list.slice(1).map((l) => l.split(/\s{2,}/))).toEqual([['hooli', '2', '1', '1']]);
  });

  it('a company the journal does not know: a sentence, empty lists in JSON, exit 0; an empty name is refused', () => {
    const j = tempJournal();
    j.ok('add', 'Dana', '--company', 'Acme');
    expect(j.ok('company', 'Initech').stdout).toContain('The journal knows nobody and nothing at "Initech". See the companies it knows: net companies');
    expect(j.json<CompanyJson>('company', 'Initech', '--json')).toEqual({ name: 'Initech', people: [], leads: [], applications: [], needs: [], introducers: [] });
    expect(j.net('company', ' ').code).toBe(2);
    expect(tempJournal().ok('companies').stdout).toContain('No companies yet');
  });
});
