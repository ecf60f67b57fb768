// The file formats on their own: the parsers against the hand-made fixtures in
// test/fixtures (every quirk of LinkedIn, Google, Apple and vCard 4.0 exports), the
// errors they raise, CSV injection defences, and vCard out → in.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import type { Contact } from '../../src/core/types.js';
import { backupText, toBackup } from '../../src/formats/backup.js';
import { readBackup } from '../../src/formats/backupfile.js';
import { importBackup, pieces, readRecords } from './backup-helpers.js';
import { csvCell, toCsv } from '../../src/formats/csv.js';
import { parseContactsCsv } from '../../src/formats/csvfile.js';
import { linkedinDate } from '../../src/formats/linkedin.js';
import type { ImportContact } from '../../src/formats/types.js';
import { parseVcards, toVcards } from '../../src/formats/vcard.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** The mapped fields of a parsed contact, absent ones as null, without the `where` locator. */
function fields(c: ImportContact | undefined) {
  if (!c) throw new Error('no such contact');
  return {
    name: c.name,
    email: c.email ?? null,
    phone: c.phone ?? null,
    company: c.company ?? null,
    role: c.role ?? null,
    url: c.url ?? null,
    notes: c.notes ?? null,
    tags: c.tags ?? [],
    metOn: c.metOn ?? null,
    metWhere: c.metWhere ?? null,
  };
}

const blank = { email: null, phone: null, company: null, role: null, url: null, notes: null, tags: [], metOn: null, metWhere: null };

/** Runs fn, expects a UsageError, and returns its message. */
function usageError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).exitCode).toBe(2);
    return (err as Error).message;
  }
  throw new Error('expected a UsageError, nothing was thrown');
}

describe('the fixtures have the quirks they claim', () => {
  it('linkedin-connections.csv: BOM, CRLF, a Notes: preamble', () => {
    const raw = fs.readFileSync(path.join(FIXTURES, 'linkedin-connections.csv'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8');
    expect(text.split('\r\n').length).toBeGreaterThan(5);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(text.slice(1).startsWith('Notes:\r\n"When exporting')).toBe(true);
  });

  it('linkedin-old.csv: no BOM, LF only, header first, no URL column', () => {
    const text = read('linkedin-old.csv');
    expect(text).not.toMatch(/\r/);
    expect(text.split('\n')[0]).toBe('First Name,Last Name,Email Address,Company,Position,Connected On');
  });

  it('google.vcf and apple.vcf fold a long NOTE and a base64 PHOTO across lines', () => {
    for (const f of ['google.vcf', 'apple.vcf']) {
      const lines = read(f).split('\r\n');
      expect(lines.some((l) => l.startsWith('PHOTO'))).toBe(true);
      expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(2);
    }
    const g = read('google.vcf').split('\r\n');
    expect(g[g.findIndex((l) => l.startsWith('NOTE:')) + 1]).toMatch(/^ /);
  });
});

describe('LinkedIn Connections.csv', () => {
  it('reads the current export (BOM, CRLF, Notes: preamble, quoted commas, unicode, empty email)', () => {
    const set = parseContactsCsv(read('linkedin-connections.csv'), 'linkedin-connections.csv');
    expect(set.format).toBe('linkedin');
    expect(set.contacts.map(fields)).toEqual([
      {
        ...blank,
        name: 'José Núñez',
        url: 'https://www.linkedin.com/in/josenunez',
        email: 'jose.nunez@example.com',
        company: 'Acme, Inc.',
        role: 'Director, Data Platform',
        metOn: '2024-03-12',
        metWhere: 'LinkedIn',
      },
      {
        ...blank,
        name: "Zoë O'Brien",
        url: 'https://www.linkedin.com/in/zoe-obrien-1a2b3c',
        company: 'Globex',
        role: 'Staff Engineer',
        metOn: '2023-01-05',
        metWhere: 'LinkedIn',
      },
      {
        ...blank,
        name: 'Priya Raman',
        url: 'https://www.linkedin.com/in/priyaraman',
        email: 'priya@example.org',
        company: 'Initech',
        role: 'VP, "Special" Projects',
        metOn: '2022-02-28',
        metWhere: 'LinkedIn',
      },
      { ...blank, name: 'Li Wei', url: 'https://www.linkedin.com/in/liwei', metOn: '2021-12-01', metWhere: 'LinkedIn' },
    ]);
    // The header is line 4 of the file, so José is line 5.
    expect(set.contacts[0]?.where).toMatch(/\bline 5\b/);
    expect(set.contacts[3]?.where).toMatch(/\bline 8\b/);
    expect(set.interactions).toEqual([]);
  });

  it('reads an older export without the URL column or preamble (LF)', () => {
    const set = parseContactsCsv(read('linkedin-old.csv'), 'linkedin-old.csv');
    expect(set.contacts.map(fields)).toEqual([
      {
        ...blank,
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        company: 'Analytical Engines',
        role: 'Programmer, first of her kind',
        metOn: '2015-12-10',
        metWhere: 'LinkedIn',
      },
      { ...blank, name: 'Grace Hopper', company: 'US Navy', role: 'Rear Admiral', metOn: '2017-09-09', metWhere: 'LinkedIn' },
    ]);
  });

  it('recognises the LinkedIn files by their header, and nothing else', () => {
    expect(parseContactsCsv(read('linkedin-connections.csv'), 'a.csv').format).toBe('linkedin');
    expect(parseContactsCsv(read('linkedin-old.csv'), 'b.csv').format).toBe('linkedin');
    usageError(() => parseContactsCsv(read('unknown.csv'), 'unknown.csv'));
    usageError(() => parseContactsCsv(read('google.vcf'), 'google.vcf'));
  });

  it.each([
    ['12 Mar 2024', '2024-03-12'],
    ['05 Jan 2023', '2023-01-05'],
    ['1 Feb 2020', '2020-02-01'],
    ['29 Feb 2024', '2024-02-29'],
    ['31 Dec 1999', '1999-12-31'],
    // 2016–2018 exports: month first, with a time.
    ['1/8/18, 6:14 PM', '2018-01-08'],
    ['12/31/17, 11:59 AM', '2017-12-31'],
    // Excel re-saves.
    ['12-Mar-24', '2024-03-12'],
    ['2024-03-12', '2024-03-12'],
    ['25/12/2019', '2019-12-25'],
  ])('Connected On %j is %s', (text, iso) => {
    expect(linkedinDate(text)).toBe(iso);
  });

  it.each(['30 Feb 2024', '29 Feb 2023', '12 Foo 2024', 'yesterday', '', '2024-13-01'])('%j is not a date', (text) => {
    expect(linkedinDate(text)).toBeNull();
  });

  it.each(['01 Jan 0001', '1/1/0001, 12:00 AM', '01 Jan 1800'])('%j is a date LinkedIn did not know: no date, not 2001 (B9)', (text) => {
    expect(linkedinDate(text)).toBeUndefined();
  });

  it('refuses a CSV it cannot tell apart (never "0 imported"), naming the columns it saw', () => {
    const msg = usageError(() => parseContactsCsv(read('unknown.csv'), 'unknown.csv'));
    expect(msg).toContain('unknown.csv');
    expect(msg).toContain(`"${read('unknown.csv').split(/\r?\n/)[0]?.split(',')[0]}"`);
    expect(msg).toMatch(/LinkedIn.*Google.*Outlook/);
    expect(msg).not.toMatch(/--format/);
  });

  it('refuses a row with a bad Connected On date, naming the file and line', () => {
    const text = '\uFEFFNotes:\r\n"x"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAna,Ruiz,,,,,12 Mar 2024\r\nBo,Berg,,,,,31 Feb 2024\r\n';
    const msg = usageError(() => parseContactsCsv(text, 'Connections.csv'));
    expect(msg).toContain('Connections.csv');
    expect(msg).toMatch(/\bline 6\b/);
    expect(msg).toContain('31 Feb 2024');
  });

  it('skips rows with no name and counts them', () => {
    const text = 'First Name,Last Name,Email Address,Company,Position,Connected On\nAna,Ruiz,,,,12 Mar 2024\n,,x@example.com,Acme,,12 Mar 2024\n,,,,,02 Jun 2022\n';
    const set = parseContactsCsv(text, 'old.csv');
    expect(set.contacts.map((c) => c.name)).toEqual(['Ana Ruiz']);
    expect([...set.skipped]).toEqual([['rows without a name', 2]]);
  });
});

describe('vCard', () => {
  it('reads Google Contacts 3.0: itemN. groups, X-ABLabel, escapes, folded NOTE, CATEGORIES, PHOTO skipped', () => {
    const set = parseVcards(read('google.vcf'), 'google.vcf');
    expect(set.format).toBe('vcard');
    expect(set.contacts.map(fields)).toEqual([
      {
        name: 'Dana Whitfield',
        email: 'dana@sellcomputers.example',
        phone: '+1 512-555-0142',
        company: 'Sell Computers',
        role: 'Data lead',
        url: 'https://dana.example.com/',
        notes:
          'Met over coffee at Bennu, East Austin.\nNeeds: an intro at Dell; also Austin data meetups.\n' +
          'Shared folder: C:\\Users\\dana\\notes — follow up in two weeks.',
        tags: ['friends', 'work'],
        metOn: null,
        metWhere: null,
      },
      { ...blank, name: "Zoë O'Brien", email: 'zoe@globex.example', phone: '+44 20 7946 0958', company: 'Globex', role: 'Staff Engineer' },
    ]);
    expect(set.contacts[0]?.where).toMatch(/card 1 \(line 1\)/);
    expect(set.contacts[1]?.where).toMatch(/card 2 \(line \d+\)/);
  });

  it('reads Apple Contacts 3.0: repeated lowercase type=, type=pref, N without FN, \\: in URL, X-ABUID', () => {
    const set = parseVcards(read('apple.vcf'), 'apple.vcf');
    expect(set.contacts.map(fields)).toEqual([
      {
        ...blank,
        name: 'Bob Ortiz',
        email: 'bob.ortiz@home.example',
        phone: '+1 (512) 555-0123',
        company: 'Acme',
        role: 'Head of Data',
        url: 'https://bob.example.com/about',
        notes: 'Runs the data team. Ask about the Q3 hiring plan; he owes me a call.',
      },
      {
        ...blank,
        name: 'Dr. Åsa Ångström',
        email: 'asa.angstrom@example.se',
        phone: '+46 18 471 00 00',
        company: 'Uppsala Universitet',
      },
    ]);
    // X-ABUID is not a urn:uuid UID: no uuid is taken from it.
    expect(set.contacts.every((c) => c.uuid === undefined)).toBe(true);
  });

  it('reads vCard 4.0: PREF=1, tel: URIs, quoted TYPE lists, UID, repeated CATEGORIES', () => {
    const set = parseVcards(read('v4.vcf'), 'v4.vcf');
    expect(set.contacts.map(fields)).toEqual([
      {
        ...blank,
        name: 'Sam Lee',
        email: 'sam@personal.example',
        phone: '+1-555-0100',
        company: 'Lee & Co',
        role: 'Technical Recruiter',
        url: 'https://leeandco.example/sam',
        notes: 'Prefers texts, not calls.',
        tags: ['recruiter', 'austin'],
      },
      {
        ...blank,
        name: 'Maria Schmidt',
        email: 'maria.schmidt@home.example',
        phone: '+49-170-7654321',
        company: 'Müller GmbH',
        tags: ['mentor', 'berlin'],
      },
    ]);
    expect(set.contacts[0]?.uuid).toBe('0b7d2f6c-6a52-4c2e-9d8b-3b7e1f2a9c10');
    expect(set.contacts[1]?.uuid).toBeUndefined();
  });

  it('picks PREF=1 over PREF=2 whatever their order (RFC 6350: lower is preferred)', () => {
    const text = ['BEGIN:VCARD', 'VERSION:4.0', 'FN:Kim Park', 'EMAIL;PREF=2:second@example.com', 'EMAIL;PREF=1:first@example.com', 'END:VCARD', ''].join('\r\n');
    expect(parseVcards(text, 'k.vcf').contacts[0]?.email).toBe('first@example.com');
  });

  it('is not confused by a bare-CR or LF file, blank lines between cards, or a BOM', () => {
    const card = (n: string) => ['BEGIN:VCARD', 'VERSION:3.0', `FN:${n}`, 'END:VCARD'];
    const text = `\uFEFF${card('One').join('\n')}\n\n\n${card('Two').join('\r')}\r`;
    expect(parseVcards(text, 'x.vcf').contacts.map((c) => c.name)).toEqual(['One', 'Two']);
  });

  it('refuses a truncated file, naming the file and the line the open card starts on', () => {
    const msg = usageError(() => parseVcards(read('truncated.vcf'), 'truncated.vcf'));
    expect(msg).toContain('truncated.vcf');
    expect(msg).toMatch(/\bline 6\b/);
    expect(msg).toMatch(/END:VCARD/);
  });

  it('refuses a card that begins before the last one ended, naming the lines', () => {
    const text = ['BEGIN:VCARD', 'FN:A', 'BEGIN:VCARD', 'FN:B', 'END:VCARD', ''].join('\r\n');
    const msg = usageError(() => parseVcards(text, 'nested.vcf'));
    expect(msg).toContain('nested.vcf');
    expect(msg).toMatch(/line 1\b/);
    expect(msg).toMatch(/line 3\b/);
  });

  it('names a card without FN, N or ORG by its email, and skips and counts a card with none of these', () => {
    const text = ['BEGIN:VCARD', 'FN:Fine', 'END:VCARD', 'BEGIN:VCARD', 'VERSION:3.0', 'EMAIL:x@example.com', 'END:VCARD', 'BEGIN:VCARD', 'URL:https://example.com/', 'END:VCARD', ''].join('\n');
    const set = parseVcards(text, 'noname.vcf');
    expect(set.contacts.map((c) => [c.name, c.email])).toEqual([
      ['Fine', null],
      ['x@example.com', 'x@example.com'],
    ]);
    expect([...set.skipped]).toEqual([['cards without a name, company or email', 1]]);
  });

  it('refuses a file with no cards, and a garbage line inside a card', () => {
    expect(usageError(() => parseVcards(read('unknown.csv'), 'unknown.csv'))).toContain('unknown.csv');
    const bad = ['BEGIN:VCARD', 'FN:A', 'this is not a property', 'END:VCARD', ''].join('\n');
    const msg = usageError(() => parseVcards(bad, 'bad.vcf'));
    expect(msg).toContain('bad.vcf');
    expect(msg).toMatch(/\bline 3\b/);
  });
});

function contact(over: Partial<Contact> & { id: number; name: string }): Contact {
  return {
    uuid: `00000000-0000-4000-8000-${String(over.id).padStart(12, '0')}`,
    givenName: null,
    familyName: null,
    phoneType: null,
    company: null,
    role: null,
    email: null,
    phone: null,
    url: null,
    metWhere: null,
    metOn: null,
    introducedBy: null,
    tags: [],
    notes: null,
    cadenceDays: null,
    archived: false,
    snoozedUntil: null,
    createdAt: '2026-09-01T10:00:00.000Z',
    lastContact: null,
    ...over,
  };
}

describe('vCard out and back in', () => {
  const longUnicode = `${'Grüße aus Zürich — '.repeat(6)}😀🇸🇪👩‍💻${'日本語のメモ'.repeat(12)}`;
  const tricky: Contact[] = [
    contact({
      id: 1,
      name: 'Renée "Ré" Dupont-Łukasiewicz',
      company: 'Smith, Jones; Partners',
      role: 'Lead\\Manager, Data; Platform',
      email: 'renee@example.com',
      phone: '+33 1 23 45 67 89',
      url: 'https://example.com/a;b,c?x=1&y=2',
      notes: 'Line one, with a comma; and a semicolon\\ and a backslash\nline two\n\nline four: colons: too\\n (literal)',
      tags: ['a,b', 'c;d', 'ünï', 'back\\slash'],
    }),
    contact({ id: 2, name: 'Cher' }),
    contact({ id: 3, name: `${'Zoë '.repeat(30)}Ångström`, notes: longUnicode, company: longUnicode.slice(0, 60) }),
  ];
  const text = toVcards(tricky);

  it('gives back every field exactly', () => {
    const back = parseVcards(text, 'out.vcf').contacts;
    expect(back.map(fields)).toEqual(
      tricky.map((c) => ({
        name: c.name,
        email: c.email,
        phone: c.phone,
        company: c.company,
        role: c.role,
        url: c.url,
        notes: c.notes,
        tags: c.tags,
        metOn: null,
        metWhere: null,
      })),
    );
    expect(back.map((c) => c.uuid)).toEqual(tricky.map((c) => c.uuid));
  });

  it('writes vCard 3.0 with CRLF and folds every line to at most 75 octets without splitting a character', () => {
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    const long = lines.filter((l) => Buffer.byteLength(l, 'utf8') > 75);
    expect(long).toEqual([]);
    // Some lines were folded (continuations begin with one space)…
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(5);
    // …and no fold fell inside a character: each physical line is valid UTF-8 on its own
    // and holds no lone surrogate.
    for (const l of lines) {
      expect(Buffer.from(l, 'utf8').toString('utf8'), JSON.stringify(l)).toBe(l);
      expect(l).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
  });

  it('keeps CR LF inside notes as a line break', () => {
    const back = parseVcards(toVcards([contact({ id: 9, name: 'Al', notes: 'one\r\ntwo\rthree' })]), 'x.vcf').contacts[0];
    expect(back?.notes).toBe('one\ntwo\nthree');
  });
});

describe('net JSON backups', () => {
  it('refuses a lead pointing at a contact that is in neither the file nor the journal', () => {
    const msg = usageError(() => importBackup(read('dangling.json'), 'dangling.json'));
    expect(msg).toContain('dangling.json');
    expect(msg).toContain('leads[0]');
    expect(msg).toContain('deadbeef-0000-4000-8000-000000000000');
  });

  it('accepts the same reference when the journal already holds that contact', () => {
    const j = importBackup(read('dangling.json'), 'dangling.json', ['deadbeef-0000-4000-8000-000000000000']);
    expect(j.db.raw.prepare('SELECT c.uuid FROM leads l JOIN contacts c ON c.id = l.person_id').pluck().all()).toEqual(['deadbeef-0000-4000-8000-000000000000']);
  });

  it('refuses a newer version, saying which', () => {
    const msg = usageError(() => readRecords(read('newer.json'), 'newer.json'));
    expect(msg).toContain('newer.json');
    expect(msg).toMatch(/version 99/);
  });

  it('refuses a contact without "name", naming the record', () => {
    const msg = usageError(() => readRecords(read('missing-key.json'), 'missing-key.json'));
    expect(msg).toContain('missing-key.json');
    expect(msg).toContain('contacts[1]');
    expect(msg).toContain('"name"');
  });

  it.each([
    ['not JSON', '{"format": "net-journal", "version": 1,'],
    ['another format', '{"format": "something-else", "version": 1}'],
    ['a list', '[]'],
    ['no contacts list', '{"format": "net-journal", "version": 1}'],
  ])('refuses %s', (_, text) => {
    expect(usageError(() => readRecords(text, 'b.json'))).toContain('b.json');
  });

  it.each([
    ['a bad date', (d: BackupDoc) => void ((d.interactions[0] as Record<string, unknown>).on = '2026-02-30'), 'interactions[0]'],
    ['an unknown kind', (d: BackupDoc) => void ((d.interactions[0] as Record<string, unknown>).kind = 'lunch'), 'interactions[0]'],
    ['an unknown status', (d: BackupDoc) => void ((d.leads[0] as Record<string, unknown>).status = 'won'), 'leads[0]'],
    ['a promise without "what"', (d: BackupDoc) => void delete (d.promises[0] as Record<string, unknown>).what, 'promises[0]'],
  ])('refuses %s, naming the record', (_, spoil, where) => {
    const d = goodDoc();
    spoil(d);
    const msg = usageError(() => readRecords(JSON.stringify(d), 'b.json'));
    expect(msg).toContain('b.json');
    expect(msg).toContain(where);
  });

  it.each([
    ['contact', (d: BackupDoc) => void d.contacts.push({ ...(d.contacts[0] as object), name: 'Someone Else' }), 'contacts[2]'],
    ['interaction', (d: BackupDoc) => void d.interactions.push({ ...(d.interactions[0] as object) }), 'interactions[1]'],
    ['lead', (d: BackupDoc) => void d.leads.push({ ...(d.leads[0] as object) }), 'leads[1]'],
  ])('refuses a repeated %s uuid, naming the record, and imports nothing', (_, spoil, where) => {
    const d = goodDoc();
    spoil(d);
    const msg = usageError(() => importBackup(JSON.stringify(d), 'b.json'));
    expect(msg).toContain('b.json');
    expect(msg).toContain(where);
    expect(msg).toContain('repeats uuid');
  });

  it('hands over every contact before the lists that point at them, whatever comes first in the file', () => {
    const { contacts, ...rest } = goodDoc();
    const order: string[] = [];
    readBackup(() => pieces(JSON.stringify({ ...rest, contacts })), 'b.json', (r) => void (order.at(-1) !== r.list && order.push(r.list)));
    expect(order).toEqual(['contacts', 'interactions', 'leads', 'promises']);
  });

  it('refuses a list given twice', () => {
    const d = goodDoc();
    expect(usageError(() => readRecords(JSON.stringify(d).replace('"needs": []', '"needs": [], "needs": []').replace('"needs":[]', '"needs":[],"needs":[]'), 'b.json'))).toMatch(/"needs" appears twice/);
  });

  it('reads a backup whose keys were sorted (the header last): contacts still come before what refers to them', () => {
    const d = goodDoc() as unknown as Record<string, unknown>;
    const sorted = Object.fromEntries(Object.keys(d).sort().map((k) => [k, d[k]]));
    const j = importBackup(JSON.stringify(sorted), 'b.json');
    expect(j.contacts.count()).toBe(2);
    expect(usageError(() => readRecords(JSON.stringify({ ...sorted, version: 99 }), 'b.json'))).toMatch(/version 99/);
  });

  it('sets an introducer who comes later in the file than the person introduced, and refuses one who is nowhere', () => {
    const d = goodDoc();
    d.contacts.reverse();
    const j = importBackup(JSON.stringify(d), 'b.json');
    const introduced = j.db.raw.prepare('SELECT c.name, i.name FROM contacts c JOIN contacts i ON i.id = c.introduced_by').raw(true).all();
    expect(introduced).toEqual([['Omar Haddad', 'Hannah Ito']]);
    (d.contacts[0] as Record<string, unknown>).introduced_by = 'deadbeef-0000-4000-8000-00000000beef';
    const msg = usageError(() => importBackup(JSON.stringify(d), 'b.json'));
    expect(msg).toMatch(/contacts\[0\] \(Omar Haddad\) has "introduced_by" deadbeef-0000-4000-8000-00000000beef, which is no contact/);
  });

  it('hands over each record as soon as it has been read, never the file whole', () => {
    const d = goodDoc();
    const many = Array.from({ length: 300 }, (_, i) => ({ ...(d.contacts[0] as object), uuid: `0000${String(i).padStart(4, '0')}-0000-4000-8000-000000000000`, introduced_by: null }));
    const chunks = pieces(JSON.stringify({ ...d, contacts: many, interactions: [], leads: [], promises: [] }));
    let taken = 0;
    const counted = (function* () {
      for (const c of chunks) {
        taken++;
        yield c;
      }
    })();
    const seenAt: number[] = [];
    readBackup(() => counted, 'b.json', (r) => void (r.list === 'contacts' && seenAt.push(taken)));
    expect(seenAt).toHaveLength(300);
    // The first contact arrives while most of the file is still unread, and each one a
    // little further on.
    expect(seenAt[0]).toBeLessThan(chunks.length / 50);
    expect(seenAt[299]).toBeGreaterThan(chunks.length * 0.9);
  });

  it('lets what the reader of the records throws out as it was, never as a JSON error', () => {
    const failure = new Error('the importer failed');
    let thrown: unknown;
    try {
      readBackup(() => pieces(JSON.stringify(goodDoc())), 'b.json', () => {
        throw failure;
      });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBe(failure);
  });

  it('ignores unknown keys at the top and in records', () => {
    const d = goodDoc() as BackupDoc & Record<string, unknown>;
    d.comment = 'written by another tool';
    (d.contacts[0] as Record<string, unknown>).pronouns = 'she/her';
    const set = readRecords(JSON.stringify(d), 'b.json');
    expect(set.contacts.map((c) => c.name)).toEqual(['Hannah Ito', 'Omar Haddad']);
    expect(set.contacts[1]?.introducedBy).toBe(set.contacts[0]?.uuid);
    expect(set.interactions[0]?.contacts).toEqual([set.contacts[0]?.uuid, set.contacts[1]?.uuid]);
  });

  it('toBackup writes every record kind with uuids for references', () => {
    const a = contact({ id: 1, name: 'Hannah Ito', tags: ['x'] });
    const b = contact({ id: 2, name: 'Omar Haddad', introducedBy: { id: 1, name: 'Hannah Ito' }, archived: true });
    const out = toBackup(
      {
        contacts: [b, a],
        interactions: [
          { id: 1, uuid: '00000000-0000-4000-8000-0000000000a1', contacts: [{ id: 1, name: 'H' }, { id: 2, name: 'O' }], on: '2026-09-01', kind: 'coffee', summary: 's', thanksOwed: true, thankedOn: '2026-09-02', noReply: false, snoozedUntil: null },
        ],
        leads: [],
        promises: [],
        needs: [],
        notes: [{ id: 4, uuid: '00000000-0000-4000-8000-0000000000d4', contact: { id: 2, name: 'O' }, on: '2026-09-03', text: 'likes tea' }],
      },
      '2026-10-01T00:00:00.000Z',
    );
    expect(out.format).toBe('net-journal');
    expect(out.version).toBe(4);
    expect(out.contacts.map((c) => c.name)).toEqual(['Hannah Ito', 'Omar Haddad']);
    expect(out.contacts[1]?.introduced_by).toBe(a.uuid);
    expect(out.contacts[1]?.archived).toBe(true);
    expect(out.interactions[0]?.contacts).toEqual([a.uuid, b.uuid]);
    // And it parses back.
    const set = readRecords(JSON.stringify(out), 'rt.json');
    expect(set.contacts[1]?.introducedBy).toBe(a.uuid);
    expect(set.interactions[0]?.thankedOn).toBe('2026-09-02');
    expect(out.notes).toEqual([{ uuid: '00000000-0000-4000-8000-0000000000d4', contact: b.uuid, on: '2026-09-03', text: 'likes tea' }]);
    expect(set.notes).toEqual([{ uuid: '00000000-0000-4000-8000-0000000000d4', contact: b.uuid, on: '2026-09-03', text: 'likes tea' }]);
  });
});

interface BackupDoc {
  format: string;
  version: number;
  contacts: object[];
  interactions: object[];
  leads: object[];
  promises: object[];
  needs: object[];
}

function goodDoc(): BackupDoc {
  const d = JSON.parse(read('dangling.json')) as BackupDoc;
  const [a, b] = d.contacts as Array<{ uuid: string; introduced_by: string | null }>;
  if (!a || !b) throw new Error('dangling.json should hold two contacts');
  b.introduced_by = a.uuid;
  (d.leads[0] as Record<string, unknown>).person = b.uuid;
  d.interactions = [
    { uuid: 'a1b2c3d4-0000-4000-8000-000000000001', contacts: [a.uuid, b.uuid], on: '2026-09-12', kind: 'coffee', summary: 'catch-up', thanks_owed: true, thanked_on: null, no_reply: false, snoozed_until: null },
  ];
  d.promises = [
    { uuid: 'a1b2c3d4-0000-4000-8000-000000000002', contact: a.uuid, what: 'send notes', direction: 'mine', made_on: '2026-09-12', by: null, status: 'open', closed_on: null, nudges: 0, last_nudged_on: null, snoozed_until: null },
  ];
  return d;
}

describe('CSV out (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+cmd', `"'+cmd"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['\n=1+1', `"'\n=1+1"`],
    ['-1', `"'-1"`],
    ['-555-0100', `"'-555-0100"`],
    ['+1 555', `"'+1 555"`],
    ['+44 20 7946 0958=1', `"'+44 20 7946 0958=1"`],
  ])('neutralises %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each(['+1 555 0100', '+1 (512) 555-0142', '+44 20 7946 0958', '+49 30/5550-1234'])('leaves the phone number %j as it is (item 8)', (phone) => {
    expect(csvCell(phone)).toBe(`"${phone}"`);
  });

  it('writes exactly JSON.stringify of the backup, in pieces that each end a line (K4)', () => {
    const a = contact({ id: 1, name: 'Hannah Ito', tags: ['x', 'y'], notes: 'two\nlines' });
    const b = contact({ id: 2, name: 'Omar Haddad', introducedBy: { id: 1, name: 'Hannah Ito' } });
    const interactions = [
      { id: 1, uuid: '00000000-0000-4000-8000-0000000000a1', contacts: [{ id: 1, name: 'H' }, { id: 2, name: 'O' }], on: '2026-09-01', kind: 'coffee' as const, summary: 's', thanksOwed: true, thankedOn: null, noReply: false, snoozedUntil: null },
    ];
    for (const records of [
      { contacts: [a, b], interactions, leads: [], promises: [], needs: [], notes: [] },
      { contacts: [], interactions: [], leads: [], promises: [], needs: [], notes: [] },
    ]) {
      const pieces = [
        ...backupText(
          { uuids: new Map(records.contacts.map((c) => [c.id, c.uuid])), ...records },
          '2026-10-01T00:00:00.000Z',
        ),
      ];
      expect(pieces.join('')).toBe(`${JSON.stringify(toBackup(records, '2026-10-01T00:00:00.000Z'), null, 2)}\n`);
      for (const p of pieces) expect(p.endsWith('\n')).toBe(true);
    }
  });

  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say ""hi"""'],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['x=1', '"x=1"'],
    ['', '""'],
    [null, '""'],
    [undefined, '""'],
    [42, '"42"'],
  ])('quotes %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('quotes every field of every row and keeps the values readable', () => {
    const rows = [
      contact({ id: 1, name: '=HYPERLINK("http://x","y")', company: '+cmd', role: '-2+3', email: '@SUM(A1)', notes: 'multi\nline, "quoted"', tags: ['a', 'b'] }),
      contact({ id: 2, name: 'Plain Person', introducedBy: { id: 1, name: '=HYPERLINK("http://x","y")' }, cadenceDays: 30 }),
    ];
    const text = toCsv(rows);
    // The whole document is a sequence of quoted fields, each followed by a comma or CRLF.
    expect(text).toMatch(/^(?:"(?:[^"]|"")*"(?:,|\r\n))+$/);
    const parsed = parseCsv(text, { columns: true }) as Array<Record<string, string>>;
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({ name: `'=HYPERLINK("http://x","y")`, company: "'+cmd", role: "'-2+3", email: "'@SUM(A1)", notes: 'multi\nline, "quoted"', tags: 'a, b' });
    expect(parsed[1]).toMatchObject({ name: 'Plain Person', introduced_by: `'=HYPERLINK("http://x","y")`, cadence_days: '30' });
    for (const row of parsed) for (const v of Object.values(row)) expect(v).not.toMatch(/^[=+\-@\t\r\n]/);
  });
});
