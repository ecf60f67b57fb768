// Importing a net backup into a journal that already knows some of its people under other
// uuids (each journal gives its own uuid to the people added in it): the file's records
// go to the journal's person, and importing the same file again adds nothing. And a backup
// whose keys come in another order than net writes them (JSON objects have none).
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { backupText } from '../../src/formats/backup.js';
import { readBackup } from '../../src/formats/backupfile.js';
import { Journal } from '../../src/store/journal.js';
import { importInto, pieces } from '../formats/backup-helpers.js';

const DANA = 'da0a0000-0000-4000-8000-000000000001';
const KIT = 'da0a0000-0000-4000-8000-000000000002';
/** Dana again, as a third journal knew her: same email, another uuid. */
const DANA_AGAIN = 'da0a0000-0000-4000-8000-000000000003';
const LEAD = 'da0a0000-0000-4000-8000-0000000000b1';

/** A backup as another journal wrote it: Dana, whom Kit was introduced by, and a record of every kind pointing at her. */
function otherJournal(dana: Record<string, unknown> = { email: 'dana@dell.com' }) {
  return {
    format: 'net-journal',
    version: 3,
    exported_at: '2026-11-20T08:00:00.000Z',
    contacts: [
      { uuid: DANA, name: 'Dana Whitfield', role: 'Engineering manager', ...dana },
      { uuid: KIT, name: 'Kit Lee', introduced_by: DANA },
    ],
    interactions: [
      { uuid: 'da0a0000-0000-4000-8000-0000000000a1', contacts: [DANA, KIT], on: '2026-11-02', kind: 'coffee', summary: 'met Kit', thanked: [{ contact: DANA, on: '2026-11-03' }], intro_of: KIT },
    ],
    leads: [{ uuid: LEAD, source: DANA, person: KIT, what: 'talk to Kit about the platform team', given_on: '2026-11-02', status: 'open' }],
    promises: [{ uuid: 'da0a0000-0000-4000-8000-0000000000c1', contact: DANA, what: 'send the deck', direction: 'mine', made_on: '2026-11-02', status: 'open' }],
    needs: [{ uuid: 'da0a0000-0000-4000-8000-0000000000d1', contact: DANA, what: 'a Rust mentor', noted_on: '2026-11-02', status: 'open' }],
    notes: [{ uuid: 'da0a0000-0000-4000-8000-0000000000e1', contact: DANA, on: '2026-11-02', text: 'moving to Austin' }],
    jobs: [
      {
        uuid: 'da0a0000-0000-4000-8000-0000000000f1',
        title: 'Platform engineer',
        company: 'Dell',
        via: DANA,
        lead: LEAD,
        stage: 'applied',
        started_on: '2026-11-04',
        people: [{ contact: DANA, met: true }],
      },
    ],
  };
}

/** A journal holding Dana under its own uuid, with what it knows of her. */
function journalWithDana(fields: { email?: string; company?: string; url?: string } = { email: 'Dana@Dell.com' }): Journal {
  const j = Journal.open(':memory:');
  j.write(() => j.contacts.insert({ name: 'Dana Whitfield', ...fields }));
  return j;
}

/** Which contact (by name) each record of the journal points at. */
function pointers(j: Journal) {
  const names = (sql: string) => j.db.raw.prepare(`SELECT c.name FROM ${sql} ORDER BY 1`).pluck().all();
  return {
    contacts: j.db.raw.prepare('SELECT c.name, i.name AS introducer FROM contacts c LEFT JOIN contacts i ON i.id = c.introduced_by ORDER BY c.id').raw(true).all(),
    interactions: names('interaction_contacts x JOIN contacts c ON c.id = x.contact_id'),
    thanked: names('interaction_contacts x JOIN contacts c ON c.id = x.contact_id WHERE x.thanked_on IS NOT NULL'),
    introOf: names('interactions x JOIN contacts c ON c.id = x.intro_of'),
    leadSources: names('leads l JOIN contacts c ON c.id = l.source_id'),
    leadPeople: names('leads l JOIN contacts c ON c.id = l.person_id'),
    promises: names('promises p JOIN contacts c ON c.id = p.contact_id'),
    needs: names('needs n JOIN contacts c ON c.id = n.contact_id'),
    notes: names('notes n JOIN contacts c ON c.id = n.contact_id'),
    jobVia: names('jobs x JOIN contacts c ON c.id = x.via_id'),
    jobPeople: names('job_contacts x JOIN contacts c ON c.id = x.contact_id'),
    jobLeads: j.db.raw.prepare('SELECT l.uuid FROM jobs x JOIN leads l ON l.id = x.lead_id').pluck().all(),
  };
}

const attachedToDana = {
  contacts: [
    ['Dana Whitfield', null],
    ['Kit Lee', 'Dana Whitfield'],
  ],
  interactions: ['Dana Whitfield', 'Kit Lee'],
  thanked: ['Dana Whitfield'],
  introOf: ['Kit Lee'],
  leadSources: ['Dana Whitfield'],
  leadPeople: ['Kit Lee'],
  promises: ['Dana Whitfield'],
  needs: ['Dana Whitfield'],
  notes: ['Dana Whitfield'],
  jobVia: ['Dana Whitfield'],
  jobPeople: ['Dana Whitfield'],
  jobLeads: [LEAD],
};

const uuids = (j: Journal) => j.db.raw.prepare('SELECT uuid FROM contacts ORDER BY id').pluck().all();

describe('a backup whose people the journal knows under other uuids', () => {
  it.each([
    ['the same email', { email: 'Dana@Dell.com' }, { email: 'dana@dell.com' }],
    ['the same profile URL', { url: 'https://www.linkedin.com/in/danaw' }, { url: 'linkedin.com/in/danaw/' }],
    ['the same name and company', { company: 'Dell' }, { company: 'dell' }],
  ])('matched by %s, gets every record pointing at her, and a second import adds nothing', (_, journal, file) => {
    const j = journalWithDana(journal);
    const [own] = uuids(j);
    const text = JSON.stringify(otherJournal(file));
    const r = importInto(j, text, 'b.json');
    expect(r).toMatchObject({ added: 1, updated: 1, updatedNames: ['Dana Whitfield'], records: { interactions: 1, leads: 1, promises: 1, needs: 1, notes: 1, jobs: 1 } });
    // Dana keeps the journal's uuid; only Kit is new.
    expect(uuids(j)).toEqual([own, KIT]);
    expect(pointers(j)).toEqual(attachedToDana);

    const again = importInto(j, text, 'b.json');
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 2, records: { interactions: 0, leads: 0, promises: 0, needs: 0, notes: 0, jobs: 0 } });
    expect(pointers(j)).toEqual(attachedToDana);
    expect(j.contacts.count()).toBe(2);
  });

  it('dry run: says the same as the import, and changes nothing', () => {
    const j = journalWithDana();
    const text = JSON.stringify(otherJournal());
    const before = j.db.raw.prepare('SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM interactions), (SELECT count(*) FROM jobs)').raw(true).get();
    const dry = importInto(j, text, 'b.json', true);
    expect(j.db.raw.prepare('SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM interactions), (SELECT count(*) FROM jobs)').raw(true).get()).toEqual(before);
    expect(importInto(j, text, 'b.json')).toEqual(dry);
    expect(dry.records.jobs).toBe(1);
  });

  it('two contacts of the file who are one person of the journal: one person, one link per record, no one introduced by themselves', () => {
    const j = journalWithDana();
    const doc = otherJournal();
    doc.contacts.push({ uuid: DANA_AGAIN, name: 'Dana Whitfield', email: 'DANA@dell.com', introduced_by: DANA } as (typeof doc.contacts)[number]);
    doc.interactions[0]!.contacts = [DANA, DANA_AGAIN, KIT];
    doc.jobs[0]!.people.push({ contact: DANA_AGAIN, met: false });
    const r = importInto(j, JSON.stringify(doc), 'b.json');
    expect(r.added).toBe(1);
    expect(pointers(j)).toEqual(attachedToDana);
  });

  it('a uuid that is no contact of the file or the journal is refused, naming the record and the uuid', () => {
    const j = journalWithDana();
    const doc = otherJournal();
    doc.needs[0]!.contact = 'deadbeef-0000-4000-8000-000000000000';
    let err: unknown;
    try {
      importInto(j, JSON.stringify(doc), 'b.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toBe(
      'b.json: needs[0] has "contact" deadbeef-0000-4000-8000-000000000000, which is no contact in the file or the journal. Fix the file and import again; nothing was imported.',
    );
    expect(j.contacts.count()).toBe(1);
  });
});

/** The journal's backup, as net export writes it. */
function exported(j: Journal): string {
  const { contacts, interactions, leads, promises, needs, notes, jobs } = j;
  return [
    ...backupText(
      { uuids: contacts.uuids(), contacts: contacts.each(), interactions: interactions.each(), leads: leads.each(), promises: promises.each(), needs: needs.each(), notes: notes.each(), jobs: jobs.each() },
      '2026-11-23T00:00:00.000Z',
    ),
  ].join('');
}

/** The same backup with its keys in another order, at the top and in every record. */
function reordered(doc: object, order: (keys: string[]) => string[]): string {
  const walk = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(walk) : v !== null && typeof v === 'object' ? Object.fromEntries(order(Object.keys(v)).map((k) => [k, walk((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(walk(doc));
}

describe('a backup whose keys come in any order', () => {
  const original = exported((() => {
    const j = Journal.open(':memory:');
    importInto(j, JSON.stringify(otherJournal()), 'b.json');
    return j;
  })());
  const doc = JSON.parse(original) as object;

  it.each([
    ['as net writes them', (k: string[]) => k, 1],
    ['sorted (jq -S, Python sort_keys): the header last, the applications before the leads', (k: string[]) => [...k].sort(), 2],
    ['reversed: the contacts last, the applications first', (k: string[]) => [...k].reverse(), 3],
  ])('%s: imports the same records, reading the file once more for each list that came too early', (_, order, readings) => {
    const text = reordered(doc, order);
    let read = 0;
    const lists: string[] = [];
    readBackup(
      () => {
        read++;
        return pieces(text);
      },
      'b.json',
      (r) => void (lists.at(-1) !== r.list && lists.push(r.list)),
    );
    expect(read).toBe(readings);
    expect(lists.indexOf('contacts')).toBe(0);
    expect(lists.indexOf('jobs')).toBeGreaterThan(lists.indexOf('leads'));
    const j = Journal.open(':memory:');
    const r = importInto(j, text, 'b.json');
    expect(r).toMatchObject({ added: 2, records: { interactions: 1, leads: 1, promises: 1, needs: 1, notes: 1, jobs: 1 } });
    expect(exported(j)).toBe(original);
    expect(importInto(j, text, 'b.json')).toMatchObject({ added: 0, updated: 0, records: { interactions: 0, leads: 0, promises: 0, needs: 0, notes: 0, jobs: 0 } });
  });

  it('imports a version 1 file with its needs before its contacts', () => {
    const v1 = { format: 'net-journal', version: 1, exported_at: '2026-01-01T00:00:00Z', needs: otherJournal().needs, interactions: [], leads: [], promises: [], contacts: otherJournal().contacts };
    const j = Journal.open(':memory:');
    expect(importInto(j, JSON.stringify(v1), 'v1.json')).toMatchObject({ added: 2, records: { needs: 1 } });
    expect(j.db.raw.prepare('SELECT c.uuid FROM needs n JOIN contacts c ON c.id = n.contact_id').pluck().all()).toEqual([DANA]);
  });
});
