// The import codecs' new parts on their own: encodings, quoted-printable, phone kinds, the
// vCard N from kept names, identifiers checked (S5), tags capped and linear (S7), backups
// of version 1 and 2, and schema 10's migration from schema 9 with data in it.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { isPhoneType, phoneKey, phoneType } from '../../src/core/phones.js';
import type { Contact } from '../../src/core/types.js';
import { BACKUP_VERSION, toBackup } from '../../src/formats/backup.js';
import { readRecords } from './backup-helpers.js';
import { parseContactsCsv, readContactsCsv } from '../../src/formats/csvfile.js';
import { decodeFile, sniffEncoding } from '../../src/formats/encoding.js';
import { MAX_TAGS } from '../../src/core/tags.js';
import { nameParts, parseVcards, toVcard } from '../../src/formats/vcard.js';
import { normalizeTags } from '../../src/store/contacts.js';
import { applyImport } from '../../src/store/importer.js';
import { Journal } from '../../src/store/journal.js';
import { migrate } from '../../src/store/migrations/index.js';
import { configure } from '../../src/store/open.js';

function usageError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected a UsageError, nothing was thrown');
}

describe('encodings', () => {
  it.each([
    ['UTF-8 with a BOM', Buffer.from('\uFEFFSören', 'utf8'), 'utf-8'],
    ['UTF-8 without', Buffer.from('Sören', 'utf8'), 'utf-8'],
    ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Sören, Zoë', 'utf16le')]), 'utf-16le'],
    ['UTF-16BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Sören', 'utf16le').swap16()]), 'utf-16be'],
    ['UTF-16LE without a BOM', Buffer.from('First Name,Last Name', 'utf16le'), 'utf-16le'],
    ['Windows-1252', Buffer.from([0x53, 0xf6, 0x72, 0x65, 0x6e, 0x20, 0x92, 0x80]), 'windows-1252'],
  ])('%s is read as Sören, never mojibake', (_, bytes, encoding) => {
    const { text, encoding: found } = decodeFile(bytes);
    expect(found).toBe(encoding);
    expect(text.startsWith('Sören') || text.startsWith('First Name')).toBe(true);
    expect(text).not.toMatch(/Ã|\uFFFD|^\uFEFF/);
  });

  it('Windows-1252 bytes that have no Latin-1 letter (’ €) come out as those characters', () => {
    expect(decodeFile(Buffer.from([0x4f, 0x92, 0x42, 0x20, 0x80])).text).toBe('O’B €');
    expect(sniffEncoding(Buffer.from('plain ascii'), true)).toBe('utf-8');
  });

  it('a CSV row split across reading pieces, even inside a CR LF or a quoted line break, reads the same', () => {
    const text = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAna,Ruiz,,,"Acme\r\nWest",CTO,12 Mar 2024\r\nBo,Berg,,,,,01 Feb 2020\r\n';
    const whole = parseContactsCsv(text, 'a.csv').contacts.map((c) => [c.name, c.company, c.where]);
    // Pieces of every size from 1 to 7 characters.
    for (let size = 1; size <= 7; size++) {
      const pieces: string[] = [];
      for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
      expect(readPieces(pieces).map((c) => [c.name, c.company, c.where])).toEqual(whole);
    }
    expect(whole).toEqual([
      ['Ana Ruiz', 'Acme\nWest', 'line 2, Ana Ruiz'],
      ['Bo Berg', null, 'line 4, Bo Berg'],
    ]);
  });
});

function readPieces(pieces: string[]) {
  return [...readContactsCsv(() => pieces, 'p.csv').contacts];
}

describe('CSV layouts', () => {
  it('reads an Excel re-save with ; between cells (European Excel)', () => {
    const set = parseContactsCsv('First Name;Last Name;Email Address;Company;Position;Connected On\r\nAna;Ruiz;;"Acme; West";CTO;12-Mar-24\r\n', 'eu.csv');
    expect(set.format).toBe('linkedin');
    expect(set.contacts.map((c) => [c.name, c.company, c.metOn])).toEqual([['Ana Ruiz', 'Acme; West', '2024-03-12']]);
  });

  it.each([
    ['Google (before 2023)', 'Name,Given Name,Additional Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Organization 1 - Name,Organization 1 - Title', 'google'],
    ['Google (2023+)', 'First Name,Middle Name,Last Name,Organization Name,Labels,E-mail 1 - Value', 'google'],
    ['Outlook', '"Title","First Name","Middle Name","Last Name","Suffix","Company","Job Title","E-mail Address"', 'outlook'],
    ['LinkedIn', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On', 'linkedin'],
  ])('knows %s by its header', (_, header, kind) => {
    expect(parseContactsCsv(`${header}\n`, 'h.csv').format).toBe(kind);
  });

  it('reads the older Google layout: Given/Family Name, Organization 1, Group Membership', () => {
    const set = parseContactsCsv(
      'Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Name,Organization 1 - Title\n' +
        'Ana Ruiz,Ana,Ruiz,* myContacts ::: Friends,* Work,ana@example.com,Work Fax,+1 555 0100,Acme,CTO\n',
      'old-google.csv',
    );
    expect(set.contacts[0]).toMatchObject({ name: 'Ana Ruiz', givenName: 'Ana', familyName: 'Ruiz', email: 'ana@example.com', phone: '+1 555 0100', phoneType: 'work,fax', company: 'Acme', role: 'CTO', tags: ['Friends'] });
  });
});

describe('vCard 2.1', () => {
  it('decodes quoted-printable (soft breaks included) in the charset the property names', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:J=FCrgen M=FC=',
      'ller',
      'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=E2=82=AC 5 =3D five=0D=0Anext',
      'END:VCARD',
      '',
    ].join('\r\n');
    const [c] = parseVcards(text, 'q.vcf').contacts;
    expect(c?.name).toBe('Jürgen Müller');
    expect(c?.notes).toBe('€ 5 = five\r\nnext');
  });

  it('refuses a charset it cannot read, naming it, instead of storing mojibake', () => {
    const text = ['BEGIN:VCARD', 'VERSION:2.1', 'FN;CHARSET=X-KLINGON:Qapla', 'END:VCARD', ''].join('\r\n');
    const msg = usageError(() => parseVcards(text, 'k.vcf'));
    expect(msg).toContain('x-klingon');
    expect(msg).toContain('k.vcf');
  });
});

describe('phone kinds', () => {
  it.each([
    [['cell', 'voice', 'pref'], 'cell'],
    [['WORK', 'FAX'], 'work,fax'],
    [['Work Fax'], 'work,fax'],
    [['Mobile'], 'cell'],
    [['voice'], 'voice'],
    [['pref'], null],
    [['x-custom'], null],
  ])('%j → %j', (labels, type) => {
    expect(phoneType(labels)).toBe(type);
  });

  it('checks stored kinds and compares numbers by their last nine digits', () => {
    expect(isPhoneType('work,fax')).toBe(true);
    expect(isPhoneType('work\r\nX-INJECTED:1')).toBe(false);
    expect(isPhoneType('cell,cell')).toBe(false);
    expect(phoneKey('+1 (512) 555-0142')).toBe(phoneKey('512.555.0142'));
    expect(phoneKey('12')).toBeNull();
  });
});

function contact(over: Partial<Contact>): Contact {
  return {
    id: 1,
    uuid: '00000000-0000-4000-8000-000000000001',
    name: 'X',
    givenName: null,
    familyName: null,
    company: null,
    role: null,
    email: null,
    phone: null,
    phoneType: null,
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

describe('vCard out (item 8, S5)', () => {
  it.each([
    [{ name: 'Mary Ann van der Berg', givenName: 'Mary Ann', familyName: 'van der Berg' }, { family: 'van der Berg', given: 'Mary Ann', suffix: '' }],
    [{ name: 'Jane Doe, Ph.D.', givenName: 'Jane', familyName: 'Doe, Ph.D.' }, { family: 'Doe', given: 'Jane', suffix: 'Ph.D.' }],
    [{ name: 'Jane Doe, Ph.D.' }, { family: 'Doe', given: 'Jane', suffix: 'Ph.D.' }],
    [{ name: 'Cher' }, { family: '', given: 'Cher', suffix: '' }],
  ])('N of %j', (c, parts) => {
    expect(nameParts(contact(c))).toEqual(parts);
  });

  it('writes the phone kind as TEL types, and no TYPE when the kind is unknown', () => {
    expect(toVcard(contact({ phone: '+1 555', phoneType: 'work,fax' }))).toContain('\r\nTEL;TYPE=WORK,FAX:+1 555\r\n');
    expect(toVcard(contact({ phone: '+1 555' }))).toContain('\r\nTEL:+1 555\r\n');
  });

  it('escapes and folds every value, the uuid included: no line of a value becomes a property', () => {
    const evil = 'x\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Injected';
    const out = toVcard(contact({ uuid: evil, name: evil, phone: evil, phoneType: 'cell\r\nX:1', tags: [evil] }));
    const lines = out.split('\r\n').filter((l) => l !== '');
    expect(lines.filter((l) => /^(BEGIN|END):VCARD$/.test(l))).toEqual(['BEGIN:VCARD', 'END:VCARD']);
    expect(lines.some((l) => l.startsWith('FN:Injected'))).toBe(false);
    expect(out).not.toContain('TYPE=CELL');
    expect(parseVcards(out, 'o.vcf').contacts).toHaveLength(1);
  });
});

function backupDoc(contacts: unknown[], version = 2) {
  return JSON.stringify({ format: 'net-journal', version, exported_at: '2026-10-01T00:00:00Z', contacts, interactions: [], leads: [], promises: [], needs: [] });
}

describe('backups: identifiers checked (S5), version 1 and 2 (item 8)', () => {
  it.each([
    ['a uuid with line breaks', { uuid: '00000000-0000-4000-8000-000000000001\r\nFN:Injected', name: 'A' }, '"uuid"'],
    ['a uuid that is not one', { uuid: 'abc', name: 'A' }, '"uuid"'],
    ['an introducer that is not a uuid', { uuid: '00000000-0000-4000-8000-000000000001', name: 'A', introduced_by: 'x\r\ny' }, '"introduced_by"'],
    ['a phone type that is not one', { uuid: '00000000-0000-4000-8000-000000000001', name: 'A', phone: '1', phone_type: 'cell\r\nX-A:1' }, '"phone_type"'],
    ['a created_at that is not a time', { uuid: '00000000-0000-4000-8000-000000000001', name: 'A', created_at: 'yesterday\r\n' }, '"created_at"'],
  ])('refuses %s, naming the record and key', (_, c, key) => {
    const msg = usageError(() => readRecords(backupDoc([c]), 'b.json'));
    expect(msg).toContain('contacts[0]');
    expect(msg).toContain(key);
    expect(msg).not.toMatch(/[\r\n]/);
  });

  it.each([
    ['uuid', { uuid: 'x\r\nFN:Injected', contact: '00000000-0000-4000-8000-000000000001', on: '2026-01-01', text: 'hi' }],
    ['contact', { uuid: '00000000-0000-4000-8000-000000000002', contact: 'Dana\r\nX:1', on: '2026-01-01', text: 'hi' }],
  ])('refuses a dated note whose %s is not a uuid, naming the record and key', (key, note) => {
    const doc = JSON.parse(backupDoc([{ uuid: '00000000-0000-4000-8000-000000000001', name: 'A' }], 3)) as Record<string, unknown>;
    doc.notes = [note];
    doc.jobs = [];
    const msg = usageError(() => readRecords(JSON.stringify(doc), 'b.json'));
    expect(msg).toContain('notes[0]');
    expect(msg).toContain(`"${key}"`);
    expect(msg).not.toMatch(/[\r\n]/);
  });

  it.each([
    ['intro_of', { intro_of: 'Dana\r\nX:1' }],
    ['thanked', { thanked: [{ contact: 'Dana\r\nX:1', on: '2026-01-01' }] }],
  ])('refuses a conversation whose %s is not a uuid, naming the record and key', (key, extra) => {
    const doc = JSON.parse(backupDoc([{ uuid: '00000000-0000-4000-8000-000000000001', name: 'A' }])) as Record<string, unknown>;
    doc.notes = [];
    doc.interactions = [{ uuid: '00000000-0000-4000-8000-0000000000a1', contacts: ['00000000-0000-4000-8000-000000000001'], on: '2026-01-01', kind: 'intro', ...extra }];
    const msg = usageError(() => readRecords(JSON.stringify(doc), 'b.json'));
    expect(msg).toContain('interactions[0]');
    expect(msg).toContain(key);
    expect(msg).not.toMatch(/[\r\n]/);
  });

  it('reads a version 1 backup (no given_name, family_name, phone_type) and writes the current version with them', () => {
    const set = readRecords(backupDoc([{ uuid: '00000000-0000-4000-8000-00000000000A', name: 'Ana Ruiz', phone: '1' }], 1), 'v1.json');
    expect(set.contacts[0]).toMatchObject({ uuid: '00000000-0000-4000-8000-00000000000a', givenName: null, familyName: null, phoneType: null });
    const out = toBackup({ contacts: [contact({ givenName: 'Ana', familyName: 'Ruiz', phone: '1', phoneType: 'home' })], interactions: [], leads: [], promises: [], needs: [], notes: [] }, 'now');
    expect(out.version).toBe(BACKUP_VERSION);
    expect(out.contacts[0]).toMatchObject({ given_name: 'Ana', family_name: 'Ruiz', phone_type: 'home' });
  });
});

describe('tags (S7)', () => {
  it(`refuses a contact with more than ${MAX_TAGS} tags, from a vCard or a backup, with a clear message`, () => {
    const many = Array.from({ length: 100_000 }, (_, i) => `t${i}`);
    const card = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Tag Heavy', `CATEGORIES:${many.join(',')}`, 'END:VCARD', ''].join('\r\n');
    // The file and the record, then the words of every refusal of too many tags (core/tags.ts).
    const refusal = ' would have 100,000 tags; net keeps at most 100 per contact. Give at most 100; nothing was written.';
    expect(usageError(() => parseVcards(card, 't.vcf'))).toBe(`t.vcf: card 1 (line 1), Tag Heavy${refusal}`);
    const doc = backupDoc([{ uuid: '00000000-0000-4000-8000-000000000001', name: 'Tag Heavy', tags: many }]);
    expect(usageError(() => readRecords(doc, 't.json'))).toBe(`t.json: contacts[0] (Tag Heavy)${refusal}`);
    // Exactly the cap is fine, and repeats count once.
    const ok = ['BEGIN:VCARD', 'FN:Fine', `CATEGORIES:${[...many.slice(0, MAX_TAGS), 't0', 't1'].join(',')}`, 'END:VCARD'].join('\r\n');
    expect(parseVcards(ok, 'ok.vcf').contacts[0]?.name).toBe('Fine');
  });

  it('normalises 200,000 tags in linear time (a Set, not a scan per tag)', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => `tag ${i % 150_000} `);
    const out = normalizeTags(many);
    expect(out).toHaveLength(150_000);
    expect(out[0]).toBe('tag 0');
  });
});

describe('schema 12 (first and last names, phone kinds, match keys)', () => {
  it('migrates a schema-9 journal with contacts in it: keys filled, new columns empty, imports match them', () => {
    const db = new Database(':memory:');
    configure(db);
    migrate(db, 9);
    const ins = db.prepare("INSERT INTO contacts (uuid, name, name_key, email, url, phone, created_at) VALUES (?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z')");
    ins.run('00000000-0000-4000-8000-000000000001', 'Dana Whitfield', 'dana whitfield', ' Dana@Globex.example ', null, null);
    ins.run('00000000-0000-4000-8000-000000000002', 'Li Wei', 'li wei', null, 'https://www.linkedin.com/in/liwei/', '+1 (512) 555-0142');
    expect(migrate(db)).toEqual(expect.arrayContaining([10, 11, 12, 13]));
    expect(db.prepare('SELECT email_key, url_key, phone_key, given_name, family_name, phone_type FROM contacts ORDER BY id').raw().all()).toEqual([
      ['dana@globex.example', null, null, null, null, null],
      [null, 'linkedin.com/in/liwei', '125550142', null, null, null],
    ]);
    const j = new Journal(db, ':memory:');
    const r = j.write(() =>
      applyImport(j, {
        format: 'vcard',
        contacts: [
          { where: 'a', name: 'D. Whitfield', email: 'dana@globex.EXAMPLE', role: 'VP' },
          { where: 'b', name: 'Wei Li', url: 'http://linkedin.com/in/liwei', company: 'Acme' },
          { where: 'c', name: 'Someone', phone: '512.555.0142', notes: 'by phone' },
        ],
        contactCount: 3,
        skipped: new Map(),
        encoding: null,
        interactions: [],
        leads: [],
        promises: [],
        needs: [],
        notes: [],
      }),
    );
    // Matched by email (any case), by URL (scheme, www, slash) and by phone (other punctuation).
    expect(r).toMatchObject({ added: 0, updated: 3, updatedNames: ['Dana Whitfield', 'Li Wei', 'Li Wei'] });
    expect(j.contacts.get(1)?.role).toBe('VP');
    expect(j.contacts.get(2)).toMatchObject({ company: 'Acme', notes: 'by phone' });
    // Each keeps the journal's name, and the file's other name is reported, never written.
    expect(r.conflicts).toEqual([
      { name: 'Dana Whitfield', field: 'name', journal: 'Dana Whitfield', file: 'D. Whitfield' },
      { name: 'Li Wei', field: 'name', journal: 'Li Wei', file: 'Wei Li' },
      { name: 'Li Wei', field: 'name', journal: 'Li Wei', file: 'Someone' },
    ]);
    expect(j.contacts.get(1)?.name).toBe('Dana Whitfield');
    j.close();
  });

  it('a new name or phone drops the first/last names or the phone kind that described the old one', () => {
    const j = Journal.open(':memory:');
    const id = j.write(() => j.contacts.insert({ name: 'Ana Ruiz', givenName: 'Ana', familyName: 'Ruiz', phone: '+1 555 0100', phoneType: 'work' }));
    j.write(() => j.contacts.update(id, { phone: '+1 555 0199' }));
    expect(j.contacts.get(id)).toMatchObject({ givenName: 'Ana', familyName: 'Ruiz', phoneType: null });
    j.write(() => j.contacts.update(id, { name: 'Ana Ruiz-Moreno' }));
    expect(j.contacts.get(id)).toMatchObject({ givenName: null, familyName: null });
    expect(j.db.raw.prepare('SELECT phone_key FROM contacts WHERE id = ?').pluck().get(id)).toBe('15550199');
    j.close();
  });
});
