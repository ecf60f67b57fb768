// End to end: the files people really have (issue 20), each a synthetic fixture with the
// quirk of a real export: LinkedIn with nameless rows, old dates and Excel re-saves; Google
// and Outlook CSV; Android and Outlook vCard 2.1; name-less cards; CR CR LF; UTF-16; two
// people with one name. Each imports with exact counts and fields, says what it skipped and
// why, and adds nothing the second time.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ContactJson, ROOT, STACK_LINE, type ShowJson, type TempJournal, cleanupJournals, tempJournal } from './helpers.js';

afterAll(cleanupJournals);

const fx = (name: string) => path.join(ROOT, 'test', 'fixtures', name);

/** Every field an import sets, for every contact, by name (then email), from `net show --json`. */
function contacts(j: TempJournal) {
  return j
    .json<ContactJson[]>('list', '--archived', '--json')
    .map((c) => {
      const s = j.json<ShowJson>('show', String(c.id), '--json');
      return {
        name: s.name,
        given_name: s.given_name,
        family_name: s.family_name,
        company: s.company,
        role: s.role,
        email: s.email,
        phone: s.phone,
        phone_type: s.phone_type,
        url: s.url,
        tags: s.tags,
        met_where: s.met_where,
        met_on: s.met_on,
        notes: s.notes,
      };
    })
    .sort((a, b) => (a.name === b.name ? String(a.email ?? a.phone).localeCompare(String(b.email ?? b.phone)) : a.name < b.name ? -1 : 1));
}

const none = { given_name: null, family_name: null, company: null, role: null, email: null, phone: null, phone_type: null, url: null, tags: [], met_where: null, met_on: null, notes: null };
const li = { met_where: 'LinkedIn' };

/** Imports a fixture into a fresh journal, checks the summary, and that a second import adds nothing. */
function importOnce(file: string, summary: RegExp, ...lines: Array<string | RegExp>) {
  const j = tempJournal();
  const r = j.ok('import', fx(file));
  expect(r.stdout).toMatch(summary);
  for (const l of lines) {
    if (typeof l === 'string') expect(r.stdout).toContain(l);
    else expect(r.stdout).toMatch(l);
  }
  expect(r.stderr).toBe('');
  const fields = contacts(j);
  const again = j.ok('import', fx(file));
  expect(again.stdout).toMatch(/: 0 contacts added, 0 updated, \d+ unchanged\./);
  expect(contacts(j)).toEqual(fields);
  return { j, r, fields };
}

describe('LinkedIn exports as they come', () => {
  it('today\'s export with nameless rows, a Notes: preamble and an unknown date: rows skipped and counted, 0001 is no date (item 1, B9)', () => {
    const { fields } = importOnce('linkedin-nameless.csv', /\(LinkedIn connections\): 3 contacts added, 0 updated, 0 unchanged\./, '  skipped: 2 rows without a name\n');
    expect(fields).toEqual([
      { ...none, ...li, name: 'Jane Doe, Ph.D.', given_name: 'Jane', family_name: 'Doe, Ph.D.', company: 'Contoso', role: 'Research Scientist', url: 'https://www.linkedin.com/in/janedoe-phd', met_on: '2023-02-28' },
      { ...none, ...li, name: 'Marta Kowalska', given_name: 'Marta', family_name: 'Kowalska', company: 'Blue Ridge Labs', role: 'Engineering Manager, Platform', url: 'https://www.linkedin.com/in/marta-kowalska-x1', met_on: '2022-06-02' },
      // "01 Jan 0001" is LinkedIn's unknown date: no date, never 2001-01-01.
      { ...none, ...li, name: 'Tomás Ferreira', given_name: 'Tomás', family_name: 'Ferreira', company: 'Northwind', role: 'Recruiter', email: 'tomas@example.net', url: 'https://www.linkedin.com/in/tomasferreira', met_on: null },
    ]);
  });

  it('a 2016–2018 export: "1/8/18, 6:14 PM" dates and no URL column (item 7)', () => {
    const { fields, r } = importOnce('linkedin-2016.csv', /3 contacts added, 0 updated, 0 unchanged\./);
    expect(r.stdout).not.toMatch(/skipped/);
    expect(fields).toEqual([
      { ...none, ...li, name: 'Hana Sato', given_name: 'Hana', family_name: 'Sato', company: 'Tailspin Toys', role: 'Product Designer', met_on: '2016-12-31' },
      { ...none, ...li, name: 'Olu Adeyemi', given_name: 'Olu', family_name: 'Adeyemi', company: 'Fabrikam', role: 'Data Analyst', email: 'olu@example.org', met_on: '2018-01-08' },
      { ...none, ...li, name: 'Ravi Menon', given_name: 'Ravi', family_name: 'Menon', email: 'ravi.menon@example.com', met_on: '2017-07-04' },
    ]);
  });

  it('an Excel re-save in Windows-1252 with Excel\'s dates: every accent and ’ – read right, never mojibake (D6)', () => {
    const { fields } = importOnce('linkedin-excel-cp1252.csv', /3 contacts added/, '  read as Windows-1252 (ANSI) text');
    expect(fields).toEqual([
      { ...none, ...li, name: 'François Dupré', given_name: 'François', family_name: 'Dupré', met_on: '2019-12-25' },
      { ...none, ...li, name: 'Sören Äberg', given_name: 'Sören', family_name: 'Äberg', company: 'Müller & Söhne', role: 'Geschäftsführer', email: 'soren@example.se', met_on: '2024-03-12' },
      { ...none, ...li, name: 'Zoë O’Brien', given_name: 'Zoë', family_name: 'O’Brien', company: 'Café Société', role: 'Señor Engineer – Platform', met_on: '2023-01-05' },
    ]);
  });

  it('a UTF-16 tab-separated save (Excel\'s "Unicode text") is read (B5)', () => {
    const { fields } = importOnce('linkedin-utf16.csv', /2 contacts added/, '  read as UTF-16 text');
    expect(fields).toEqual([
      { ...none, ...li, name: 'Ngozi Adébáyọ̀', given_name: 'Ngozi', family_name: 'Adébáyọ̀', company: 'Lagos Ventures', role: 'Partner', url: 'https://www.linkedin.com/in/ngozi-a', met_on: '2024-04-03' },
      { ...none, ...li, name: 'Łukasz Nowak', given_name: 'Łukasz', family_name: 'Nowak', company: 'Wrocław Soft', role: 'CTO', email: 'lukasz@example.pl', url: 'https://www.linkedin.com/in/lukasz-nowak', met_on: '2020-11-17' },
    ]);
  });
});

describe('Google and Outlook CSV are read as what they are (item 2)', () => {
  it('Google Contacts CSV: emails, typed phones, organisation, title, notes, labels; a name-less row named by its email', () => {
    const { fields } = importOnce('google.csv', /\(Google Contacts CSV\): 3 contacts added, 0 updated, 0 unchanged\./);
    expect(fields).toEqual([
      {
        ...none,
        name: 'Dana Q. Whitfield',
        given_name: 'Dana',
        family_name: 'Whitfield',
        company: 'Globex',
        role: 'VP Engineering',
        email: 'dana@globex.example',
        phone: '+1 512-555-0142',
        phone_type: 'cell',
        url: 'https://www.linkedin.com/in/dana-whitfield',
        tags: ['Mentors', 'Austin'],
        notes: 'Met at the PyData meetup; owes me an intro',
      },
      { ...none, name: 'Dr. Luis García', given_name: 'Luis', family_name: 'García', company: 'Hospital Central', role: 'Cardiologist', email: 'luis.garcia@example.es', phone: '+34 91 555 0199', phone_type: 'work,fax' },
      { ...none, name: 'orphan@example.org', email: 'orphan@example.org' },
    ]);
  });

  it('Outlook CSV: job title (not the Mr./Ms. Title), company, first phone with its kind, web page, categories', () => {
    const { fields } = importOnce('outlook.csv', /\(Outlook CSV\): 4 contacts added, 0 updated, 0 unchanged\./);
    expect(fields).toEqual([
      { ...none, name: 'Acme Staffing', company: 'Acme Staffing', email: 'jobs@acme-staffing.example' },
      { ...none, name: 'Amy Chen', given_name: 'Amy', family_name: 'Chen', email: 'amy.chen@example.com', phone: '+1 206 555 0177', phone_type: 'cell' },
      { ...none, name: 'Kenji Watanabe', given_name: 'Kenji', family_name: 'Watanabe', company: 'Kaito Trading', role: 'Buyer', phone: '+81 3-5555-0188', phone_type: 'work,fax' },
      {
        ...none,
        name: 'Ms. Priya Raman',
        given_name: 'Priya',
        family_name: 'Raman',
        company: 'Initech',
        role: 'Director of Sales',
        email: 'priya.raman@initech.example',
        phone: '(415) 555-0123',
        phone_type: 'work',
        url: 'https://initech.example/priya',
        tags: ['Clients', 'Bay Area'],
        notes: 'Prefers calls, not email',
      },
    ]);
  });

  it('no contact from either is stamped "met at LinkedIn"', () => {
    const j = tempJournal();
    j.ok('import', fx('google.csv'));
    j.ok('import', fx('outlook.csv'));
    expect(contacts(j).filter((c) => c.met_where !== null)).toEqual([]);
  });

  it('a CSV that is none of them is refused, naming the columns it has, and changes nothing', () => {
    const j = tempJournal();
    const file = path.join(j.dir, 'people.csv');
    fs.writeFileSync(file, 'Full Name,Mail,Mobile\nAna Ruiz,ana@example.com,555\n');
    const r = j.net('import', file);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).toContain('"Full Name", "Mail", "Mobile"');
    expect(r.stderr).toMatch(/LinkedIn.*Google.*Outlook/);
    expect(fs.existsSync(j.db)).toBe(false);
  });
});

describe('vCards as phones and Outlook write them', () => {
  it('Android vCard 2.1: quoted-printable with soft breaks, CHARSET=UTF-8 and ISO-8859-1, typed phones, an unindented base64 PHOTO (items 4, 6, D6)', () => {
    const { fields } = importOnce('android-21.vcf', /\(vCards\): 2 contacts added, 0 updated, 0 unchanged\./);
    expect(fields).toEqual([
      { ...none, name: 'Jürgen Müller', given_name: 'Jürgen', family_name: 'Müller', company: 'Grün & Söhne GmbH', phone: '+49 30 5550 1234', phone_type: 'work' },
      {
        ...none,
        name: 'María Ñúñez',
        given_name: 'María',
        family_name: 'Ñúñez',
        company: 'Compañía Ibérica',
        role: 'Jefa de Ventas',
        email: 'maria.nunez@example.es',
        phone: '+34 600 555 010',
        phone_type: 'cell',
        notes: 'Conocida en la feria de Bilbao.\r\nLe debo una llamada sobre el puesto de Madrid; muy amable y útil para presentaciones en el sector.',
      },
    ]);
  });

  it('an Outlook vCard 2.1 in Windows-1252 without CHARSET: Sören, not S�ren (item 4, D6)', () => {
    const { fields } = importOnce('outlook-ansi.vcf', /1 contact added/, '  read as Windows-1252 (ANSI) text');
    expect(fields).toEqual([
      {
        ...none,
        name: 'Sören Lindqvist',
        given_name: 'Sören',
        family_name: 'Lindqvist',
        company: 'Nordsjö AB',
        role: 'Inköpschef',
        email: 'soren.lindqvist@example.se',
        phone: '+46 8 555 012 34',
        phone_type: 'work',
        notes: 'Träffade på mässan – vill höra mer.',
      },
    ]);
  });

  it('an iPhone export with CR CR LF line ends and a folded line (item 6)', () => {
    const { fields } = importOnce('iphone-crcrlf.vcf', /2 contacts added/);
    expect(fields).toEqual([
      {
        ...none,
        name: 'Chidi Okafor',
        given_name: 'Chidi',
        family_name: 'Okafor',
        company: 'Eleanor Labs',
        email: 'chidi@eleanor.example',
        phone: '+1 (555) 010-4477',
        phone_type: 'cell',
        notes: 'Ethics meetup, second row. Asked about the platform team and promised to send the write-up.',
      },
      { ...none, name: 'Tahani Bell', given_name: 'Tahani', family_name: 'Bell', email: 'tahani@example.org' },
    ]);
  });

  it('a UTF-16 vCard file (B5, item 6)', () => {
    const { fields } = importOnce('utf16.vcf', /1 contact added/, '  read as UTF-16 text');
    expect(fields).toEqual([{ ...none, name: 'Ngozi Adébáyọ̀', given_name: 'Ngozi', family_name: 'Adébáyọ̀', company: 'Lagos Ventures', email: 'ngozi@example.ng' }]);
  });

  it('name-less cards are named by their company or email, and cards with neither are skipped and counted (item 3)', () => {
    const { fields } = importOnce('nameless.vcf', /3 contacts added, 0 updated, 0 unchanged\./, '  skipped: 2 cards without a name, company or email\n');
    expect(fields).toEqual([
      { ...none, name: 'Grace Ho', email: 'grace@example.com' },
      { ...none, name: 'Hooli Recruiting', company: 'Hooli Recruiting', email: 'talent@hooli.example' },
      { ...none, name: 'newsletter-friend@example.org', email: 'newsletter-friend@example.org' },
    ]);
  });

  it('two people with one name and different emails or phones stay two, listed as possible duplicates; one person twice is one (item 5)', () => {
    const { j, r, fields } = importOnce('same-name.vcf', /5 contacts added, 1 updated, 0 unchanged\./);
    expect(fields).toEqual([
      { ...none, name: 'Ana Diaz', role: 'Founder', email: 'ana@example.com' },
      { ...none, name: 'Kim Park', phone: '+1 555 010 1111', phone_type: 'cell' },
      { ...none, name: 'Kim Park', phone: '+1 555 010 2222', phone_type: 'work' },
      { ...none, name: 'Sam Lee', email: 'sam.lee@alpha.example' },
      { ...none, name: 'Sam Lee', email: 'slee@beta.example', phone: '+1 555 010 9999', phone_type: 'cell' },
    ]);
    const ids = (name: string) => j.json<ContactJson[]>('list', '--json').filter((c) => c.name === name).map((c) => c.id).sort((a, b) => a - b);
    const [sam1, sam2] = ids('Sam Lee');
    const [kim1, kim2] = ids('Kim Park');
    expect(r.stdout).toContain('possible duplicates (one name, but a different email, phone or profile): 2');
    expect(r.stdout).toContain(`Sam Lee: #${sam1} and #${sam2}; if they are one person: net merge ${sam1} ${sam2}`);
    expect(r.stdout).toContain(`Kim Park: #${kim1} and #${kim2}; if they are one person: net merge ${kim1} ${kim2}`);
    // The hint is a command that works.
    j.ok('merge', String(sam1), String(sam2), '--yes');
    expect(ids('Sam Lee')).toHaveLength(1);
  });
});

describe('small things (item 9)', () => {
  it('--dry-run on a journal that does not exist yet creates no file', () => {
    const j = tempJournal();
    const r = j.ok('import', fx('linkedin-nameless.csv'), '--dry-run');
    expect(r.stdout).toMatch(/Would import .*: 3 contacts added/);
    expect(r.stdout).toContain('skipped: 2 rows without a name');
    expect(fs.readdirSync(j.dir)).toEqual([]);
  });

  it('a wrong --format is named, and --format is never suggested when it was given', () => {
    const j = tempJournal();
    const bad = j.net('import', fx('google.csv'), '--format', 'excel');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format "excel" is not known');
    const forced = j.net('import', fx('unknown.csv'), '--format', 'linkedin');
    expect(forced.code).toBe(2);
    expect(forced.stderr).not.toMatch(/give --format/i);
  });

  it.each([
    ['2026-09-31', 'September 2026 has 30 days'],
    ['2025-02-29', 'February 2025 has 28 days'],
  ])('--on %s says the day does not exist', (date, why) => {
    const j = tempJournal();
    const r = j.net('add', 'Ana Ruiz', '--on', date);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('that day does not exist');
    expect(r.stderr).toContain(why);
    expect(r.stderr).not.toContain('Use YYYY-MM-DD');
  });
});

describe('someone found by email under another name', () => {
  it('keeps the journal\'s name and reports the file\'s, as any other difference; a card named after its email reports none', () => {
    const j = tempJournal();
    j.ok('add', 'Patrick Quinn', '--email', 'pq@acme.example', '--every', 'never');
    const file = path.join(j.dir, 'pat.vcf');
    fs.writeFileSync(file, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Pat Q\r\nEMAIL:PQ@acme.example\r\nTITLE:Engineer\r\nEND:VCARD\r\n');
    const r = j.ok('import', file);
    expect(r.stdout).toMatch(/0 contacts added, 1 updated/);
    expect(r.stdout).toContain(`kept Patrick Quinn's name "Patrick Quinn" (the file says "Pat Q")`);
    expect(j.json<ShowJson>('show', 'Patrick', '--json')).toMatchObject({ name: 'Patrick Quinn', role: 'Engineer' });
    // The same name in another case is the same name.
    fs.writeFileSync(file, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:patrick QUINN\r\nEMAIL:pq@acme.example\r\nEND:VCARD\r\n');
    const same = j.ok('import', file).stdout;
    expect(same).toMatch(/0 contacts added, 0 updated, 1 unchanged\./);
    expect(same).not.toContain('kept');
    // A card with no name is named after its email: that is no name to report.
    fs.writeFileSync(file, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\r\nEMAIL:pq@acme.example\r\nNOTE:met at the fair\r\nEND:VCARD\r\n');
    const nameless = j.ok('import', file).stdout;
    expect(nameless).toMatch(/0 contacts added, 1 updated, 0 unchanged\.\n {2}updated: Patrick Quinn\n/);
    expect(nameless).not.toContain('kept');
  });
});

describe('a backup with uuids already in the journal (B8: the README says what happens)', () => {
  it('fills the known contact\'s empty fields, reports differing ones, and leaves known records as they are', () => {
    const j = tempJournal();
    j.ok('add', 'Ana Ruiz', '--company', 'Acme');
    j.ok('log', 'Ana', 'coffee about the platform team', '--kind', 'coffee');
    const file = path.join(j.dir, 'b.json');
    j.ok('export', '-o', file);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { contacts: Array<Record<string, unknown>>; interactions: Array<Record<string, unknown>> };
    Object.assign(doc.contacts[0] as object, { email: 'ana@acme.example', company: 'Globex' });
    Object.assign(doc.interactions[0] as object, { summary: 'changed in the file' });
    fs.writeFileSync(file, JSON.stringify(doc));
    const r = j.ok('import', file);
    expect(r.stdout).toMatch(/0 contacts added, 1 updated, 0 unchanged\./);
    expect(r.stdout).toContain(`kept Ana Ruiz's company "Acme" (the file says "Globex")`);
    const ana = j.json<ShowJson>('show', 'Ana', '--json');
    expect(ana).toMatchObject({ email: 'ana@acme.example', company: 'Acme' });
    expect(ana.interactions.map((i) => i.summary)).toEqual(['coffee about the platform team']);
    // And the README says so.
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('is that person: like any import it fills their empty fields');
  });
});
