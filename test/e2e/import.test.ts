// End to end: net import and net export through the built binary, on the hand-made
// fixtures in test/fixtures, with a temp journal, NET_TODAY fixed and no terminal.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { startsFormula } from '../../src/formats/csv.js';
import {
  type ContactJson,
  type DueJson,
  ROOT,
  type Result,
  STACK_LINE,
  type ShowJson,
  type TempJournal,
  byName,
  cleanupJournals,
  sha256,
  tempJournal,
} from './helpers.js';

afterAll(cleanupJournals);

const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const fx = (name: string) => path.join(FIXTURES, name);

const list = (j: TempJournal) => j.json<ContactJson[]>('list', '--archived', '--json');
const show = (j: TempJournal, who: string) => j.json<ShowJson & { notes: string | null }>('show', who, '--json');

/** The fields an import sets, as `net list --json` shows them, sorted by name. */
function imported(j: TempJournal) {
  return list(j)
    .map((c) => ({
      name: c.name,
      company: c.company,
      role: c.role,
      email: c.email,
      phone: c.phone,
      url: c.url,
      tags: c.tags,
      met_where: c.met_where,
      met_on: c.met_on,
      introduced_by: c.introduced_by,
      cadence_days: c.cadence_days,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

const none = { company: null, role: null, email: null, phone: null, url: null, tags: [], met_where: null, met_on: null, introduced_by: null, cadence_days: null };

function expectRefused(r: Result, ...mentions: Array<string | RegExp>): void {
  expect(r.code, `stdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(2);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr.trim().length).toBeGreaterThan(0);
  for (const m of mentions) {
    if (typeof m === 'string') expect(r.stderr).toContain(m);
    else expect(r.stderr).toMatch(m);
  }
}

describe('each fixture imports with the right fields', () => {
  it('linkedin-connections.csv (BOM, CRLF, Notes: preamble)', () => {
    const j = tempJournal();
    const r = j.ok('import', fx('linkedin-connections.csv'));
    expect(r.stdout).toMatch(/4 contacts added, 0 updated, 0 unchanged/);
    const li = { met_where: 'LinkedIn' };
    expect(imported(j)).toEqual([
      { ...none, ...li, name: 'José Núñez', company: 'Acme, Inc.', role: 'Director, Data Platform', email: 'jose.nunez@example.com', url: 'https://www.linkedin.com/in/josenunez', met_on: '2024-03-12' },
      { ...none, ...li, name: 'Li Wei', url: 'https://www.linkedin.com/in/liwei', met_on: '2021-12-01' },
      { ...none, ...li, name: 'Priya Raman', company: 'Initech', role: 'VP, "Special" Projects', email: 'priya@example.org', url: 'https://www.linkedin.com/in/priyaraman', met_on: '2022-02-28' },
      { ...none, ...li, name: "Zoë O'Brien", company: 'Globex', role: 'Staff Engineer', url: 'https://www.linkedin.com/in/zoe-obrien-1a2b3c', met_on: '2023-01-05' },
    ]);
    // Accent-insensitive lookup works on imported names.
    expect(show(j, 'jose nunez').name).toBe('José Núñez');
  });

  it('linkedin-old.csv (no URL column, no preamble, LF)', () => {
    const j = tempJournal();
    j.ok('import', fx('linkedin-old.csv'));
    expect(imported(j)).toEqual([
      { ...none, name: 'Ada Lovelace', company: 'Analytical Engines', role: 'Programmer, first of her kind', email: 'ada@example.com', met_where: 'LinkedIn', met_on: '2015-12-10' },
      { ...none, name: 'Grace Hopper', company: 'US Navy', role: 'Rear Admiral', met_where: 'LinkedIn', met_on: '2017-09-09' },
    ]);
  });

  it('google.vcf (itemN. groups, escapes, folded NOTE and PHOTO, CATEGORIES)', () => {
    const j = tempJournal();
    expect(j.ok('import', fx('google.vcf')).stdout).toMatch(/2 contacts added/);
    expect(imported(j)).toEqual([
      { ...none, name: 'Dana Whitfield', company: 'Sell Computers', role: 'Data lead', email: 'dana@sellcomputers.example', phone: '+1 512-555-0142', url: 'https://dana.example.com/', tags: ['friends', 'work'] },
      { ...none, name: "Zoë O'Brien", company: 'Globex', role: 'Staff Engineer', email: 'zoe@globex.example', phone: '+44 20 7946 0958' },
    ]);
    expect(show(j, 'Dana').notes).toBe(
      'Met over coffee at Bennu, East Austin.\nNeeds: an intro at Dell; also Austin data meetups.\nShared folder: C:\\Users\\dana\\notes — follow up in two weeks.',
    );
    expect(j.json<ContactJson[]>('list', '--tag', 'work', '--json').map((c) => c.name)).toEqual(['Dana Whitfield']);
  });

  it('apple.vcf (lowercase repeated type=, type=pref, N without FN, X-ABUID, PHOTO)', () => {
    const j = tempJournal();
    j.ok('import', fx('apple.vcf'));
    expect(imported(j)).toEqual([
      { ...none, name: 'Bob Ortiz', company: 'Acme', role: 'Head of Data', email: 'bob.ortiz@home.example', phone: '+1 (512) 555-0123', url: 'https://bob.example.com/about' },
      { ...none, name: 'Dr. Åsa Ångström', company: 'Uppsala Universitet', email: 'asa.angstrom@example.se', phone: '+46 18 471 00 00' },
    ]);
    expect(show(j, 'Bob').notes).toBe('Runs the data team. Ask about the Q3 hiring plan; he owes me a call.');
  });

  it('v4.vcf (PREF, tel: URIs, UID, CATEGORIES)', () => {
    const j = tempJournal();
    j.ok('import', fx('v4.vcf'));
    expect(imported(j)).toEqual([
      { ...none, name: 'Maria Schmidt', company: 'Müller GmbH', email: 'maria.schmidt@home.example', phone: '+49-170-7654321', tags: ['mentor', 'berlin'] },
      { ...none, name: 'Sam Lee', company: 'Lee & Co', role: 'Technical Recruiter', email: 'sam@personal.example', phone: '+1-555-0100', url: 'https://leeandco.example/sam', tags: ['recruiter', 'austin'] },
    ]);
    const sam = show(j, 'Sam Lee');
    expect(sam.uuid).toBe('0b7d2f6c-6a52-4c2e-9d8b-3b7e1f2a9c10');
    expect(sam.notes).toBe('Prefers texts, not calls.');
  });

  it('unfolds a line folded in the middle of a UTF-8 character (RFC 6350 3.2)', () => {
    const j = tempJournal();
    const file = path.join(j.dir, 'split.vcf');
    // "FN:Jürgen Müller": the fold falls between the two octets of each ü.
    const [u1, u2] = [...Buffer.from('ü')];
    const bytes = Buffer.concat([
      Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:J'),
      Buffer.from([u1 as number]),
      Buffer.from('\r\n '),
      Buffer.from([u2 as number]),
      Buffer.from('rgen M'),
      Buffer.from([u1 as number]),
      Buffer.from('\r\n '),
      Buffer.from([u2 as number]),
      Buffer.from('ller\r\nORG:Acme\r\nEND:VCARD\r\n'),
    ]);
    fs.writeFileSync(file, bytes);
    j.ok('import', file);
    expect(list(j).map((c) => [c.name, c.company])).toEqual([['Jürgen Müller', 'Acme']]);
  });

  it('--format overrides detection, and a wrong --format is refused without a change', () => {
    const j = tempJournal();
    j.ok('add', 'Existing Person');
    const before = j.snapshot();
    expectRefused(j.net('import', fx('google.vcf'), '--format', 'linkedin'), 'google.vcf');
    expectRefused(j.net('import', fx('google.vcf'), '--format', 'xml'), 'xml');
    expect(j.snapshot()).toEqual(before);
    j.ok('import', fx('google.vcf'), '--format', 'vcard');
    expect(list(j)).toHaveLength(3);
  });
});

describe('bad files are refused with exit 2 and leave the journal byte for byte unchanged', () => {
  it.each([
    ['truncated.vcf', [/\bline 6\b/, /END:VCARD/]],
    ['unknown.csv', [/First Name|LinkedIn|vCard/]],
    ['dangling.json', ['leads[0]', 'deadbeef-0000-4000-8000-000000000000']],
    ['newer.json', [/version 99\b/]],
    ['missing-key.json', ['contacts[1]', '"name"']],
  ] as Array<[string, Array<string | RegExp>]>)('%s', (file, mentions) => {
    const j = tempJournal();
    j.ok('add', 'Existing Person', '--email', 'existing@example.com', '--company', 'Acme');
    const before = j.snapshot();
    const hash = sha256(j.db);
    const r = j.net('import', fx(file));
    expectRefused(r, file, ...mentions);
    expect(r.stdout).not.toMatch(/imported/i);
    expect(sha256(j.db)).toBe(hash);
    expect(j.snapshot()).toEqual(before);
    expect(list(j).map((c) => c.name)).toEqual(['Existing Person']);
  });

  it('a missing file is exit 2 naming it', () => {
    const j = tempJournal();
    j.ok('add', 'Existing Person');
    const hash = sha256(j.db);
    expectRefused(j.net('import', path.join(j.dir, 'nope.vcf')), 'nope.vcf');
    expect(sha256(j.db)).toBe(hash);
  });

  it('a pipe or a device (net import <(cat backup.json)) is exit 2 saying to save it to a file, not a failed seek', () => {
    const j = tempJournal();
    j.ok('add', 'Existing Person');
    const hash = sha256(j.db);
    const r = j.net('import', '/dev/null');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('net: Cannot read /dev/null: it is a pipe or a device, and net reads a file more than once. Save it to a file first, then: net import <that file>\n');
    expect(sha256(j.db)).toBe(hash);
  });

  it('a bad record late in a big file leaves nothing of the earlier ones', () => {
    const j = tempJournal();
    j.ok('add', 'Existing Person');
    const hash = sha256(j.db);
    const file = path.join(j.dir, 'Connections.csv');
    const rows = Array.from({ length: 300 }, (_, i) => `First${i},Last${i},,,,,12 Mar 2024`);
    rows.push('Bad,Date,,,,,31 Feb 2024');
    fs.writeFileSync(file, `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${rows.join('\n')}\n`);
    expectRefused(j.net('import', file), 'Connections.csv', /\bline 302\b/);
    expect(sha256(j.db)).toBe(hash);
    expect(list(j)).toHaveLength(1);
  });
});

describe('importing the same file twice adds nothing', () => {
  it.each([['linkedin-connections.csv', 4], ['linkedin-old.csv', 2], ['google.vcf', 2], ['apple.vcf', 2], ['v4.vcf', 2]])('%s', (file, n) => {
    const j = tempJournal();
    j.ok('import', fx(file));
    expect(list(j)).toHaveLength(n);
    const first = imported(j);
    const again = j.ok('import', fx(file));
    expect(again.stdout).toMatch(/\b0 contacts added, 0 updated, (\d+) unchanged/);
    expect(again.stdout).toContain(`${n} unchanged`);
    expect(list(j)).toHaveLength(n);
    expect(imported(j)).toEqual(first);
  });

  it('a vCard of the same people as a LinkedIn file updates them instead of duplicating', () => {
    const j = tempJournal();
    j.ok('import', fx('linkedin-connections.csv'));
    // Zoë is in google.vcf with Globex as company: same name and company.
    const r = j.ok('import', fx('google.vcf'));
    expect(r.stdout).toMatch(/1 contact added, 1 updated/);
    expect(list(j)).toHaveLength(5);
    const zoe = byName(j, "Zoë O'Brien");
    expect(zoe).toMatchObject({ email: 'zoe@globex.example', phone: '+44 20 7946 0958', url: 'https://www.linkedin.com/in/zoe-obrien-1a2b3c', met_where: 'LinkedIn' });
  });
});

describe('--dry-run', () => {
  it('changes nothing and says what would be added and updated, with names', () => {
    const j = tempJournal();
    j.ok('add', 'Priya Raman', '--company', 'Initech');
    const before = j.snapshot();
    const r = j.ok('import', fx('linkedin-connections.csv'), '--dry-run');
    expect(r.stdout).toMatch(/3 contacts added, 1 updated, 0 unchanged/);
    expect(r.stdout).toMatch(/would add: .*José Núñez/);
    expect(r.stdout).toContain("Zoë O'Brien");
    expect(r.stdout).toContain('Li Wei');
    expect(r.stdout).toMatch(/would update: Priya Raman/);
    expect(r.stdout).not.toMatch(/^Imported/m);
    expect(j.snapshot()).toEqual(before);
    expect(list(j)).toHaveLength(1);
    expect(byName(j, 'Priya Raman').email).toBeNull();
  });

  it('on a backup, changes nothing either', () => {
    const src = tempJournal();
    src.ok('add', 'Hannah Ito', '--need', 'a designer', '--promise', 'send the deck');
    const file = path.join(src.dir, 'backup.json');
    src.ok('export', '-o', file);
    const j = tempJournal();
    j.ok('add', 'Someone Else');
    const before = j.snapshot();
    const r = j.ok('import', file, '--dry-run');
    expect(r.stdout).toMatch(/1 contact added/);
    expect(r.stdout).toContain('Hannah Ito');
    expect(j.snapshot()).toEqual(before);
    expect(j.json<unknown[]>('needs', '--json')).toEqual([]);
  });
});

describe('a person already in the journal is updated, never duplicated or overwritten', () => {
  it('matches by email (any case), profile URL (scheme, www, trailing slash) and name + company', () => {
    const j = tempJournal();
    j.ok('add', 'J. Núñez', '--email', 'JOSE.NUNEZ@example.com', '--role', 'Data Director');
    j.ok('add', 'Zoe OBrien', '--url', 'http://linkedin.com/in/zoe-obrien-1a2b3c/');
    j.ok('add', 'priya  RAMAN', '--company', 'initech', '--email', 'priya@old.example');
    const r = j.ok('import', fx('linkedin-connections.csv'));
    expect(r.stdout).toMatch(/1 contact added, 3 updated, 0 unchanged/);
    expect(list(j)).toHaveLength(4);

    // Differing fields are reported and kept.
    expect(r.stdout).toContain(`kept J. Núñez's role "Data Director" (the file says "Director, Data Platform")`);
    expect(r.stdout).toContain(`kept priya  RAMAN's email "priya@old.example" (the file says "priya@example.org")`);
    // Same URL written differently is no difference.
    expect(r.stdout).not.toMatch(/Zoe OBrien's url/);

    expect(byName(j, 'J. Núñez')).toMatchObject({
      email: 'JOSE.NUNEZ@example.com',
      role: 'Data Director',
      company: 'Acme, Inc.',
      url: 'https://www.linkedin.com/in/josenunez',
      met_where: 'LinkedIn',
      // net add dated the meeting today; the file's Connected On differs and is only reported.
      met_on: '2026-10-01',
    });
    expect(r.stdout).toMatch(/kept J\. Núñez's (met_?on|date met) "2026-10-01" \(the file says "2024-03-12"\)/i);
    expect(byName(j, 'Zoe OBrien')).toMatchObject({ url: 'http://linkedin.com/in/zoe-obrien-1a2b3c/', company: 'Globex', role: 'Staff Engineer', met_on: '2026-10-01' });
    expect(byName(j, 'priya  RAMAN')).toMatchObject({ company: 'initech', email: 'priya@old.example', url: 'https://www.linkedin.com/in/priyaraman', role: 'VP, "Special" Projects' });
    expect(byName(j, 'Li Wei').met_where).toBe('LinkedIn');
  });

  it('keeps a differing name from being overwritten and adds new tags to existing ones', () => {
    const j = tempJournal();
    j.ok('add', 'Sammy Lee', '--email', 'sam@personal.example', '--tag', 'friend');
    j.ok('import', fx('v4.vcf'));
    const sam = byName(j, 'Sammy Lee');
    expect(sam.tags).toEqual(['friend', 'recruiter', 'austin']);
    expect(sam.company).toBe('Lee & Co');
    expect(list(j)).toHaveLength(2);
  });
});

describe('cadence of imported contacts', () => {
  it('is null without --every, so nothing falls due', () => {
    const j = tempJournal();
    j.ok('import', fx('linkedin-connections.csv'));
    j.ok('import', fx('google.vcf'));
    expect(list(j).map((c) => c.cadence_days)).toEqual([null, null, null, null, null]);
    const due = j.json<DueJson[]>('due', '--json', '--all');
    expect(due.filter((d) => d.kind === 'followup')).toEqual([]);
  });

  it('is the --every cadence for the contacts added', () => {
    const j = tempJournal();
    j.ok('add', 'Priya Raman', '--company', 'Initech', '--every', 'never');
    j.ok('import', fx('linkedin-connections.csv'), '--every', '30d');
    const byN = Object.fromEntries(list(j).map((c) => [c.name, c.cadence_days]));
    expect(byN).toEqual({ 'José Núñez': 30, "Zoë O'Brien": 30, 'Li Wei': 30, 'Priya Raman': null });
  });
});

/** Builds a journal with every kind of record and every status, through the CLI. */
function richJournal(): TempJournal {
  const j = tempJournal();
  const id = (r: Result, re: RegExp) => {
    const m = re.exec(r.stdout);
    if (!m?.[1]) throw new Error(`no id in: ${r.stdout}`);
    return m[1];
  };
  j.ok('add', 'Thom Singer', '--company', 'Singer Group', '--role', 'Author', '--email', 'thom@singer.example', '--phone', '+1 555 0101',
    '--url', 'https://singer.example', '--met', 'AustinJS meetup', '--on', '2026-08-01', '--tag', 'mentor', '--tag', 'austin',
    '--note', 'Wrote "Some Assembly Required"; knows everyone.\nAsk about Dell.');
  j.ok('add', 'José Núñez', '--company', 'Acme, Inc.', '--via', 'Thom', '--tag', 'data', '--every', '30d');
  j.ok('add', "Zoë O'Brien", '--via', 'José', '--role', 'Staff Engineer', '--tag', 'ünïcode');
  j.ok('add', '李明', '--company', '腾讯');
  j.ok('add', 'Archie Ved', '--email', 'archie@example.com');
  j.ok('edit', 'Archie', '--archive');
  // A multi-person interaction, thanked; a no-reply.
  const coffee = id(j.ok('log', 'Thom', 'coffee with José and Zoë', '--kind', 'coffee', '--with', 'José', '--with', 'Zoë', '--on', '2026-09-20'), /i(\d+)/);
  j.ok('thank', 'Thom', '--on', '2026-09-21');
  j.ok('log', 'Zoë', 'pinged about the role', '--kind', 'email', '--no-reply', '--on', '2026-09-22');
  const call = id(j.ok('log', '李明', 'call about Shenzhen', '--kind', 'call', '--on', '2026-09-28'), /i(\d+)/);
  j.ok('snooze', `i${call}`, '2026-10-10');
  expect(coffee).toBeTruthy();
  // Leads in every status.
  const open = id(j.ok('lead', 'Thom', 'Data role at Acme', '--person', 'Bob Ortiz', '--company', 'Acme', '--job', 'Data lead', '--on', '2026-09-01'), /l(\d+)/);
  j.ok('snooze', `l${open}`, '2026-10-20');
  const followed = id(j.ok('lead', 'José', 'Globex platform team', '--company', 'Globex', '--on', '2026-09-02'), /l(\d+)/);
  j.ok('lead', 'followed', followed, '--on', '2026-09-10');
  const reported = id(j.ok('lead', 'José', 'Initech opening', '--on', '2026-09-03'), /l(\d+)/);
  j.ok('lead', 'followed', reported, '--on', '2026-09-11');
  j.ok('lead', 'reported', reported, '--outcome', 'interviewing', '--on', '2026-09-12');
  const dropped = id(j.ok('lead', 'Thom', 'Vandelay imports', '--on', '2026-09-04'), /l(\d+)/);
  j.ok('lead', 'dropped', dropped, '--outcome', 'role filled', '--on', '2026-09-13');
  // Promises both ways, every status, a nudge and a snooze.
  j.ok('promise', 'Thom', 'send my notes', '--by', '2026-10-05');
  const kept = id(j.ok('promise', 'José', 'intro to Sam'), /p(\d+)/);
  j.ok('promise', 'kept', kept);
  const droppedMine = id(j.ok('promise', 'Zoë', 'review her deck'), /p(\d+)/);
  j.ok('promise', 'dropped', droppedMine);
  const theirs = id(j.ok('promise', 'Thom', 'pass my resume to Harry', '--theirs', '--by', '2026-09-25'), /p(\d+)/);
  j.ok('done', `p${theirs}`);
  j.ok('snooze', `p${theirs}`, '2026-10-08');
  const keptTheirs = id(j.ok('promise', 'José', 'share the job spec', '--theirs'), /p(\d+)/);
  j.ok('promise', 'kept', keptTheirs);
  const droppedTheirs = id(j.ok('promise', 'Zoë', 'coffee next month', '--theirs'), /p(\d+)/);
  j.ok('promise', 'dropped', droppedTheirs);
  // Needs open, met, dropped.
  j.ok('need', 'Thom', 'an intro at Dell');
  const met = id(j.ok('need', 'José', 'a Rust mentor'), /n(\d+)/);
  j.ok('need', 'met', met);
  const gone = id(j.ok('need', 'Zoë', 'a flat in Berlin'), /n(\d+)/);
  j.ok('need', 'dropped', gone);
  // A snoozed contact.
  j.ok('snooze', `c${byName(j, 'José Núñez').id}`, '2026-11-01');
  return j;
}

interface Backup {
  format: string;
  version: number;
  exported_at: string;
  contacts: Array<Record<string, unknown>>;
  interactions: Array<Record<string, unknown>>;
  leads: Array<Record<string, unknown>>;
  promises: Array<Record<string, unknown>>;
  needs: Array<Record<string, unknown>>;
}

const withoutExportedAt = (text: string) => text.replace(/"exported_at": "[^"]*"/, '"exported_at": "-"');

describe('JSON export → import into a fresh journal → export', () => {
  it('gives the same backup apart from exported_at, with every record kind and status', () => {
    const a = richJournal();
    const first = a.ok('export').stdout;
    const doc = JSON.parse(first) as Backup;

    // The backup really holds everything this test claims to cover.
    expect(doc.format).toBe('net-journal');
    expect(doc.version).toBe(4);
    expect(doc.exported_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(doc.contacts.map((c) => c.name)).toEqual(['Thom Singer', 'José Núñez', "Zoë O'Brien", '李明', 'Archie Ved', 'Bob Ortiz']);
    const uuidOf = (name: string) => doc.contacts.find((c) => c.name === name)?.uuid;
    expect(doc.contacts.find((c) => c.name === 'José Núñez')).toMatchObject({ introduced_by: uuidOf('Thom Singer'), tags: ['data'], cadence_days: 30, snoozed_until: '2026-11-01' });
    expect(doc.contacts.find((c) => c.name === 'Bob Ortiz')?.introduced_by).toBe(uuidOf('Thom Singer'));
    expect(doc.contacts.find((c) => c.name === 'Archie Ved')?.archived).toBe(true);
    expect(doc.contacts.find((c) => c.name === 'Thom Singer')?.notes).toBe('Wrote "Some Assembly Required"; knows everyone.\nAsk about Dell.');
    expect(doc.interactions.some((i) => (i.contacts as string[]).length === 3 && i.thanked_on === '2026-09-21')).toBe(true);
    expect(doc.interactions.some((i) => i.no_reply === true)).toBe(true);
    expect(doc.interactions.some((i) => i.snoozed_until === '2026-10-10')).toBe(true);
    expect(doc.leads.map((l) => l.status).sort()).toEqual(['dropped', 'followed', 'open', 'reported']);
    expect(doc.leads.some((l) => l.snoozed_until === '2026-10-20')).toBe(true);
    expect(doc.promises.map((p) => `${String(p.direction)} ${String(p.status)}`).sort()).toEqual([
      'mine dropped', 'mine kept', 'mine open', 'theirs dropped', 'theirs kept', 'theirs open',
    ]);
    expect(doc.promises.find((p) => p.direction === 'theirs' && p.status === 'open')).toMatchObject({ nudges: 1, last_nudged_on: '2026-10-01', snoozed_until: '2026-10-08' });
    expect(doc.needs.map((n) => n.status).sort()).toEqual(['dropped', 'met', 'open']);

    const file = path.join(a.dir, 'backup.json');
    a.ok('export', '-o', file);
    const b = tempJournal();
    const r = b.ok('import', file);
    expect(r.stdout).toMatch(/6 contacts added/);
    const second = b.ok('export').stdout;
    expect(withoutExportedAt(second)).toBe(withoutExportedAt(first));

    // And what the journal shows agrees.
    expect(b.json<unknown[]>('list', '--archived', '--json')).toEqual(a.json<unknown[]>('list', '--archived', '--json'));
    expect(b.json<unknown>('show', 'Thom', '--json')).toEqual(a.json<unknown>('show', 'Thom', '--json'));
    expect(b.json<unknown>('due', '--json', '--all')).toEqual(a.json<unknown>('due', '--json', '--all'));
  });

  it('restores a backup whose keys were sorted (jq -S, Python sort_keys) just as net wrote it: JSON objects have no order', () => {
    const a = richJournal();
    a.ok('note', 'Thom', 'moving to Austin', '--on', '2026-09-30');
    a.ok('job', 'add', 'Data lead', '--company', 'Acme', '--via', 'Thom', '--lead', 'l1', '--on', '2026-09-30');
    const first = a.ok('export').stdout;
    const doc = JSON.parse(first) as Record<string, unknown[]>;
    expect([doc.notes?.length, doc.jobs?.length]).toEqual([1, 1]);
    const sortKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(sortKeys) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])])) : v;
    const sorted = JSON.stringify(sortKeys(doc));
    // "jobs" before "leads", "contacts" before the header, as the tester's file had them.
    expect(sorted.indexOf('"jobs"')).toBeLessThan(sorted.indexOf('"leads"'));
    const file = path.join(a.dir, 'sorted.json');
    fs.writeFileSync(file, sorted);
    const b = tempJournal();
    const dry = b.net('import', file, '--dry-run');
    expect([dry.code, dry.stderr]).toEqual([0, '']);
    const r = b.net('import', file);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/6 contacts added, 0 updated, 0 unchanged; 7 interactions, 4 leads, 6 promises, 3 needs, 1 note, 1 job\./);
    expect(dry.stdout).toContain(r.stdout.split('\n')[0]!.replace('Imported', 'Would import'));
    expect(withoutExportedAt(b.ok('export').stdout)).toBe(withoutExportedAt(first));
    expect(b.ok('import', file).stdout).toMatch(/0 contacts added, 0 updated, 6 unchanged\./);
  });

  it('importing the backup again into the same journal adds nothing', () => {
    const a = richJournal();
    const file = path.join(a.dir, 'backup.json');
    a.ok('export', '-o', file);
    const before = withoutExportedAt(a.ok('export').stdout);
    const r = a.ok('import', file);
    expect(r.stdout).toMatch(/\b0 contacts added, 0 updated/);
    expect(withoutExportedAt(a.ok('export').stdout)).toBe(before);
  });

  it('restores a backup written by another tool exactly, whitespace in notes included', () => {
    const src = JSON.parse(fs.readFileSync(fx('dangling.json'), 'utf8')) as Backup;
    src.leads = [];
    // An indented list, as a notes app would write it, and Windows line breaks inside.
    (src.contacts[0] as Record<string, unknown>).notes = '  - call on Monday\r\n  - send the deck\n';
    (src.contacts[1] as Record<string, unknown>).tags = ['=evil', 'ok', 'ünï'];
    (src.contacts[1] as Record<string, unknown>).notes = 'first\r\nsecond';
    const j = tempJournal();
    const file = path.join(j.dir, 'b.json');
    fs.writeFileSync(file, JSON.stringify(src));
    j.ok('import', file);
    const out = JSON.parse(j.ok('export').stdout) as Backup;
    expect(out.contacts.map((c) => [c.uuid, c.name, c.tags, c.created_at])).toEqual(src.contacts.map((c) => [c.uuid, c.name, c.tags, c.created_at]));
    expect(out.contacts[1]?.notes).toBe('first\r\nsecond');
    expect(out.contacts[0]?.notes).toBe('  - call on Monday\r\n  - send the deck\n');
  });
});

describe('a backup of another journal, whose people this one knows under other uuids', () => {
  const TODAY = '2026-11-23';
  /** Another journal's Dana (`who` says how she is known there), with a record of every kind pointing at her; its backup. */
  function otherBackup(who: readonly string[]): { file: string; uuid: string } {
    const b = tempJournal({ today: TODAY });
    b.ok('add', 'Dana Whitfield', ...who, '--met', 'call');
    b.ok('add', 'Kit Lee', '--via', 'Dana');
    b.ok('need', 'Dana', 'a Rust mentor');
    b.ok('lead', 'Dana', 'platform team at Dell', '--company', 'Dell', '--person', 'Kit Lee');
    b.ok('promise', 'Dana', 'send the deck');
    b.ok('note', 'Dana', 'moving to Austin');
    b.ok('job', 'add', 'Platform engineer', '--company', 'Dell', '--via', 'Dana', '--lead', 'l1');
    const file = path.join(b.dir, 'b.json');
    b.ok('export', '-o', file);
    return { file, uuid: byName(b, 'Dana Whitfield').uuid };
  }
  const ALL_RECORDS = '2 interactions, 1 lead, 1 promise, 1 need, 1 note, 1 job';

  it.each([
    ['the same email', ['--email', 'dana@dell.com'], ['--email', 'Dana@Dell.com']],
    ['the same name and company', ['--company', 'Dell'], ['--company', 'Dell']],
    ['the same profile URL', ['--url', 'https://www.linkedin.com/in/danaw'], ['--url', 'linkedin.com/in/danaw/']],
  ])('matched by %s: --dry-run and the import agree, every record goes to her, and a second import adds nothing', (_, theirs, ours) => {
    const { file, uuid: theirUuid } = otherBackup(theirs);
    const a = tempJournal({ today: TODAY });
    a.ok('add', 'Dana Whitfield', ...ours, '--met', 'coffee at Bennu');
    const ourUuid = byName(a, 'Dana Whitfield').uuid;
    const before = a.snapshot();

    const dry = a.net('import', file, '--dry-run');
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`(net backup): 1 contact added, 0 updated, 1 unchanged; ${ALL_RECORDS}.`);
    expect(dry.stdout).toContain('kept Dana Whitfield\'s place met "coffee at Bennu" (the file says "call")');
    expect(a.snapshot()).toEqual(before);

    const r = a.net('import', file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(dry.stdout.replace('Would import', 'Imported').replace('would add', 'added').replace('Nothing was changed. Run again without --dry-run to import.', 'Next: net list'));
    expect(list(a).map((c) => c.name)).toEqual(['Dana Whitfield', 'Kit Lee']);
    const dana = show(a, 'Dana Whitfield');
    expect(dana.uuid).toBe(ourUuid);
    expect(dana.interactions.map((i) => i.summary)).toEqual(['coffee at Bennu', 'call', 'introduced you to Kit Lee']);
    expect(dana.needs.map((n) => n.what)).toEqual(['a Rust mentor']);
    expect(dana.promises.map((p) => p.what)).toEqual(['send the deck']);
    expect(dana.leads.map((l) => [l.what, l.person?.name])).toEqual([['platform team at Dell', 'Kit Lee']]);
    expect(show(a, 'Kit Lee').introduced_by?.name).toBe('Dana Whitfield');
    const jobs = a.json<Array<{ via: { name: string } | null; lead: { id: number } | null }>>('jobs', '--json');
    expect(jobs.map((x) => [x.via?.name, x.lead !== null])).toEqual([['Dana Whitfield', true]]);
    // Nothing of the journal points at the other journal's uuid for her.
    const exported = a.ok('export').stdout;
    expect(exported).not.toContain(theirUuid);

    const again = a.ok('import', file);
    expect(again.stdout).toContain('(net backup): 0 contacts added, 0 updated, 2 unchanged.\n');
    expect(withoutExportedAt(a.ok('export').stdout)).toBe(withoutExportedAt(exported));
  });

  it('a record pointing at a uuid that is no contact of the file or the journal: exit 2, naming both, and nothing imported', () => {
    const { file } = otherBackup(['--email', 'dana@dell.com']);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as Backup;
    (doc.needs[0] as Record<string, unknown>).contact = 'deadbeef-0000-4000-8000-000000000000';
    const a = tempJournal({ today: TODAY });
    a.ok('add', 'Dana Whitfield', '--email', 'dana@dell.com');
    const spoilt = path.join(a.dir, 'spoilt.json');
    fs.writeFileSync(spoilt, JSON.stringify(doc));
    const before = a.snapshot();
    for (const args of [['import', spoilt, '--dry-run'], ['import', spoilt]]) {
      const r = a.net(...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `net: ${spoilt}: needs[0] has "contact" deadbeef-0000-4000-8000-000000000000, which is no contact in the file or the journal. Fix the file and import again; nothing was imported.\n`,
      );
    }
    expect(a.snapshot()).toEqual(before);
  });
});

describe('CSV export cannot carry a formula', () => {
  const evil = ['=HYPERLINK("http://x","y")', '+cmd', '-2+3', '@SUM(A1)'];

  it('quotes every cell and prefixes cells that begin with = + - @ with an apostrophe', () => {
    const j = tempJournal();
    for (const name of evil) j.ok('add', '--', name);
    j.ok('edit', '+cmd', '--company', '=1+2', '--role', '@me', '--phone', '+1 555 0100');
    const text = j.ok('export', '--format', 'csv').stdout;
    const doc = text.endsWith('\r\n') ? text : `${text.replace(/\n$/, '')}\r\n`;
    // Every field quoted: the whole file is quoted fields separated by commas and CRLF.
    expect(doc).toMatch(/^(?:"(?:[^"]|"")*"(?:,|\r\n))+$/);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).toContain(`"'+cmd"`);
    expect(text).toContain(`"'-2+3"`);
    expect(text).toContain(`"'@SUM(A1)"`);
    const rows = parseCsv(text, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.name).sort()).toEqual(evil.map((n) => `'${n}`).sort());
    const cmd = rows.find((r) => r.name === "'+cmd");
    // A phone number starts no formula: it keeps its + and no apostrophe (item 8).
    expect(cmd).toMatchObject({ company: "'=1+2", role: "'@me", phone: '+1 555 0100' });
    for (const row of rows) for (const v of Object.values(row)) if (v !== '+1 555 0100') expect(v, JSON.stringify(row)).not.toMatch(/^[=+\-@\t\r\n]/);
  });

  it('--excel starts the file with a UTF-8 byte-order mark, and only for CSV', () => {
    const j = tempJournal();
    j.ok('add', 'José Núñez');
    const out = path.join(j.dir, 'c.csv');
    j.ok('export', '--format', 'csv', '--excel', '-o', out);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toContain('"José Núñez"');
    expect([...fs.readFileSync(out).subarray(0, 1)]).not.toEqual([0x22]);
    j.ok('export', '--format', 'csv', '-o', out);
    expect(fs.readFileSync(out).subarray(0, 1).toString()).toBe('"');
    const r = j.net('export', '--excel');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--excel is for CSV files');
  });

  it('neutralises every cell that begins with = + - @ tab CR or LF, whatever a backup brought in', () => {
    const src = JSON.parse(fs.readFileSync(fx('dangling.json'), 'utf8')) as Backup;
    src.leads = [];
    Object.assign(src.contacts[0] as object, { notes: '\t=cmd|calc', role: '\r=2+2', company: '\n@x', phone: '-1', email: '=a@b', url: '+http://x', met_where: '@home', tags: ['=t', '-u'] });
    Object.assign(src.contacts[1] as object, { name: '=SUM(1,2)', introduced_by: (src.contacts[0] as Record<string, unknown>).uuid });
    const j = tempJournal();
    const file = path.join(j.dir, 'b.json');
    fs.writeFileSync(file, JSON.stringify(src));
    j.ok('import', file);
    const text = j.ok('export', '--format', 'csv').stdout;
    expect(`${text.replace(/\r?\n$/, '')}\r\n`).toMatch(/^(?:"(?:[^"]|"")*"(?:,|\r\n))+$/);
    const rows = parseCsv(text, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(2);
    const stored = show(j, 'Hannah');
    const hannah = rows.find((r) => r.uuid === stored.uuid);
    for (const key of ['notes', 'role', 'company', 'phone', 'email', 'url', 'met_where'] as const) {
      const value = (stored as unknown as Record<string, string | null>)[key];
      expect(value, key).toBeTruthy();
      // Either the value kept its dangerous first character and got an apostrophe, or it
      // was stored without it: in no case does the cell begin with it.
      expect(hannah?.[key], key).toBe(startsFormula(value ?? '') ? `'${value}` : value);
    }
    expect(hannah?.tags).toBe("'=t, -u");
    expect(rows.find((r) => r.uuid !== stored.uuid)).toMatchObject({ name: "'=SUM(1,2)", introduced_by: 'Hannah Ito' });
    for (const row of rows) for (const v of Object.values(row)) expect(v, JSON.stringify(row)).not.toMatch(/^[=+\-@\t\r\n]/);
  });
});

describe('net export -o', () => {
  it.each(['json', 'csv', 'vcard'])('writes a 0600 file (%s), replacing a 0644 one', (format) => {
    const j = tempJournal();
    j.ok('add', 'Hannah Ito', '--email', 'hannah@example.com');
    const file = path.join(j.dir, `out.${format}`);
    fs.writeFileSync(file, 'old', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    const r = j.ok('export', '--format', format, '-o', file);
    expect(r.stdout).toMatch(/1 contact/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toContain('Hannah Ito');
    expect(fs.readdirSync(j.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes the same text as stdout', () => {
    const j = tempJournal();
    j.ok('add', 'Hannah Ito');
    const file = path.join(j.dir, 'out.csv');
    j.ok('export', '--format', 'csv', '-o', file);
    expect(fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '')).toBe(j.ok('export', '--format', 'csv').stdout.replace(/\r?\n$/, ''));
  });
});

describe('vCard export', () => {
  it('re-imports into a fresh journal with the same names, emails, companies and more', () => {
    const a = tempJournal();
    a.ok('import', fx('google.vcf'));
    a.ok('import', fx('apple.vcf'));
    a.ok('import', fx('v4.vcf'));
    a.ok('add', 'Renée "Ré" Dupont', '--company', 'Smith, Jones; Partners', '--email', 'renee@example.com', '--note', 'a;b,c\\d\nsecond line');
    a.ok('add', `${'Zoë Ångström-'.repeat(8)}Łukasiewicz`, '--company', '日本語の会社'.repeat(6));
    const file = path.join(a.dir, 'contacts.vcf');
    a.ok('export', '--format', 'vcard', '-o', file);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
    expect(text.split('\r\n').filter((l) => Buffer.byteLength(l) > 75)).toEqual([]);

    const b = tempJournal();
    expect(b.ok('import', file).stdout).toMatch(/8 contacts added/);
    const pick = (j: TempJournal) =>
      list(j)
        .map((c) => ({ name: c.name, email: c.email, company: c.company, role: c.role, phone: c.phone, url: c.url, tags: c.tags, uuid: c.uuid }))
        .sort((x, y) => (x.name < y.name ? -1 : 1));
    expect(pick(b)).toEqual(pick(a));
    expect(show(b, 'Renée').notes).toBe('a;b,c\\d\nsecond line');
    expect(show(b, 'Dana').notes).toBe(show(a, 'Dana').notes);
    // And once more adds nothing.
    expect(b.ok('import', file).stdout).toMatch(/\b0 contacts added/);
  });
});

describe('a big LinkedIn export', () => {
  it('imports 20,000 rows', () => {
    const j = tempJournal();
    const file = path.join(j.dir, 'Connections.csv');
    const rows: string[] = [];
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    for (let i = 0; i < 20_000; i++) {
      const email = i % 3 === 0 ? '' : `person${i}@example.com`;
      rows.push(
        `Fïrst${i},Lást${i},https://www.linkedin.com/in/person-${i},${email},"Company ${i % 500}, Inc.","Role ${i % 40}, Team",` +
          `${String((i % 28) + 1).padStart(2, '0')} ${months[i % 12]} ${2010 + (i % 15)}`,
      );
    }
    fs.writeFileSync(
      file,
      `\uFEFFNotes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing."\r\n\r\n` +
        `First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n${rows.join('\r\n')}\r\n`,
    );
    const r = j.netWith({ timeout: 120_000 }, 'import', file);
    console.log(`net import of 20,000 LinkedIn rows took ${(r.ms / 1000).toFixed(2)} s`);
    expect(r.code, r.stderr).toBe(0);
    // No progress bar without a terminal.
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/20,?000 contacts added/);
    // Too many for `net list --json` through a pipe buffer: count in the file itself.
    const db = new Database(j.db, { readonly: true });
    try {
      const count = (sql: string) => Number((db.prepare(sql).get() as { n: number }).n);
      expect(count('SELECT count(*) AS n FROM contacts')).toBe(20_000);
      expect(count("SELECT count(*) AS n FROM contacts WHERE cadence_days IS NULL AND met_where = 'LinkedIn' AND met_on IS NOT NULL")).toBe(20_000);
      expect(count("SELECT count(*) AS n FROM contacts WHERE email IS NOT NULL")).toBe(13_333);
    } finally {
      db.close();
    }
    expect(show(j, 'Fïrst19999 Lást19999')).toMatchObject({ company: 'Company 499, Inc.', role: 'Role 39, Team', url: 'https://www.linkedin.com/in/person-19999' });
  }, 180_000);
});
