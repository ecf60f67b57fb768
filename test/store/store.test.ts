import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JournalError } from '../../src/core/errors.js';
import { emptySet } from '../../src/formats/types.js';
import { applyImport } from '../../src/store/importer.js';
import { Journal } from '../../src/store/journal.js';
import { SEARCH_SOURCES } from '../../src/store/migrations/002-search.js';
import { LATEST_VERSION, MIGRATIONS, migrate } from '../../src/store/migrations/index.js';
import { configure, journalPath, openDatabase } from '../../src/store/open.js';

/** Ids of the contacts a search finds, in id order. */
function found(j: Journal, text: string): number[] {
  return [...j.search.explained(text).keys()].sort((a, b) => a - b);
}

function schema(db: Database.Database): string[] {
  return (db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as Array<{ type: string; name: string; sql: string | null }>).map(
    (r) => `${r.type} ${r.name}: ${r.sql ?? ''}`,
  );
}

function memory(): Database.Database {
  const db = new Database(':memory:');
  configure(db);
  return db;
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'net-store-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('each step sets user_version to its own number', () => {
    const db = memory();
    for (const m of MIGRATIONS) {
      expect(migrate(db, m.version)).toEqual([m.version]);
      expect(db.pragma('user_version', { simple: true })).toBe(m.version);
    }
    expect(migrate(db)).toEqual([]);
  });

  it('step by step gives the same schema as all at once', () => {
    const stepwise = memory();
    for (const m of MIGRATIONS) migrate(stepwise, m.version);
    const fresh = memory();
    migrate(fresh);
    expect(schema(stepwise)).toEqual(schema(fresh));
    expect(schema(fresh).some((s) => s.startsWith('table search'))).toBe(true);
  });

  it('the search step indexes records that existed before it', () => {
    const db = memory();
    migrate(db, 1);
    db.prepare(
      "INSERT INTO contacts (uuid, name, name_key, company, created_at) VALUES ('u1', 'José Núñez', 'jose nunez', 'Acme Widgets', '2026-01-01T00:00:00Z')",
    ).run();
    migrate(db);
    const j = new Journal(db, ':memory:');
    expect(found(j, 'widgets')).toEqual([1]);
    expect(found(j, 'nunez')).toEqual([1]);
  });

  it('a failing step leaves the journal at the version before it', () => {
    const db = memory();
    migrate(db, 1);
    db.exec('CREATE TABLE search (x)'); // makes step 2 fail
    expect(() => migrate(db)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
  });
});

describe('opening a journal', () => {
  it('creates the folder 0700 and the file 0600', () => {
    const file = path.join(dir, 'a', 'b', 'net.db');
    const db = openDatabase(file);
    db.close();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
  });

  it('creates the folder even when another process makes a part of it at the same moment', () => {
    const file = path.join(dir, 'a', 'b', 'net.db');
    const real = fs.existsSync;
    const made = [path.join(dir, 'a'), path.join(dir, 'a', 'b')];
    let stale = 3;
    // The other process wins the race: the folders appear between the look and the mkdir
    // (net looks at a/b, then a/b and a again on its way up).
    const spy = vi.spyOn(fs, 'existsSync').mockImplementation((p) => {
      if (typeof p === 'string' && made.includes(p) && stale-- > 0) {
        fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true, mode: 0o700 });
        return false;
      }
      return real(p);
    });
    try {
      openDatabase(file).close();
    } finally {
      spy.mockRestore();
    }
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a first write that fails leaves no journal and no folder behind; one that lands keeps them', () => {
    const file = path.join(dir, 'a', 'b', 'net.db');
    const failed = Journal.open(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(() =>
      failed.write(() => {
        failed.contacts.insert({ name: 'Dana Whitfield' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    failed.discard();
    expect(fs.readdirSync(dir)).toEqual([]);

    const written = Journal.open(file);
    written.write(() => written.contacts.insert({ name: 'Dana Whitfield' }));
    written.discard();
    expect(fs.statSync(file).size).toBeGreaterThan(0);
  });

  it('uses WAL, FULL sync and foreign keys', () => {
    const db = openDatabase(path.join(dir, 'net.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a journal from a newer version and leaves it untouched', () => {
    const file = path.join(dir, 'net.db');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const before = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    expect(() => openDatabase(file)).toThrow(JournalError);
    expect(() => openDatabase(file)).toThrow(/newer version/);
    expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(before);
  });

  it('refuses a file that is not a database', () => {
    const file = path.join(dir, 'notes.txt');
    fs.writeFileSync(file, 'hello, this is not sqlite '.repeat(100));
    expect(() => openDatabase(file)).toThrow(/not a net journal/);
  });

  it('finds the file from --db, then NET_DB, then XDG_DATA_HOME, then HOME', () => {
    expect(journalPath({ flag: '/x/flag.db', env: { NET_DB: '/x/env.db' } })).toBe('/x/flag.db');
    expect(journalPath({ env: { NET_DB: '/x/env.db', XDG_DATA_HOME: '/d' } })).toBe('/x/env.db');
    expect(journalPath({ env: { XDG_DATA_HOME: '/d', HOME: '/h' } })).toBe('/d/net/net.db');
    expect(journalPath({ env: { HOME: '/h' } })).toBe('/h/.local/share/net/net.db');
  });
});

describe('repositories', () => {
  let j: Journal;
  beforeEach(() => {
    j = Journal.open(':memory:');
  });

  it('stores text exactly, in NFC, and matches without accents', () => {
    const id = j.write(() => j.contacts.insert({ name: 'Jose\u0301 O\'Brien "; DROP TABLE contacts;-- 🎉', tags: ['a', 'a', ' b '] }));
    const c = j.contacts.get(id);
    expect(c?.name).toBe('José O\'Brien "; DROP TABLE contacts;-- 🎉');
    expect(c?.tags).toEqual(['a', 'b']);
    expect(j.contacts.candidates('jose').map((r) => r.id)).toEqual([id]);
  });

  it('reads interactions and needs the same way whatever the query: one by one, by person, by period, all', () => {
    const a = j.write(() => j.contacts.insert({ name: 'Ann "A" \\ \u0000 \u001b[31m 中' }));
    const b = j.write(() => j.contacts.insert({ name: 'Ben' }));
    const ids = [
      j.write(() => j.interactions.insert({ contactIds: [b, a], on: '2026-10-01', kind: 'call', summary: 'line one\nline "two" \u2028', thanksOwed: true })),
      j.write(() => j.interactions.insert({ contactIds: [a], on: '2026-10-02', kind: 'email', thanksOwed: true, thankedOn: '2026-10-03', snoozedUntil: '2026-12-01' })),
      j.write(() => j.interactions.insert({ contactIds: [a], on: '2026-10-02', kind: 'message', summary: '', thanksOwed: false, noReply: true })),
    ];
    const all = j.interactions.all();
    expect(all.map((i) => i.id)).toEqual(ids);
    expect(all[0]).toMatchObject({ contacts: [{ id: b, name: 'Ben' }, { id: a }], thanksOwed: true, noReply: false, thankedOn: null, summary: 'line one\nline "two" \u2028' });
    expect(all[1]).toMatchObject({ thankedOn: '2026-10-03', snoozedUntil: '2026-12-01' });
    expect(all[2]).toMatchObject({ summary: null, thanksOwed: false, noReply: true });
    expect(j.interactions.inPeriod({ from: '2026-01-01', to: '2026-12-31' })).toEqual(all);
    expect(j.interactions.inPeriod({ from: '2026-10-02', to: '2026-10-02' })).toEqual(all.slice(1));
    expect(j.interactions.forContact(a)).toEqual(all);
    expect(ids.map((id) => j.interactions.get(id))).toEqual(all);
    expect(j.interactions.get(999)).toBeUndefined();

    const n1 = j.write(() => j.needs.insert({ contactId: a, what: 'a "referral" \\ \u0000', notedOn: '2026-10-05' }));
    const n2 = j.write(() => j.needs.insert({ contactId: b, what: 'intro', notedOn: '2026-10-01', status: 'met', closedOn: '2026-10-04' }));
    const needs = j.needs.all();
    expect(needs).toEqual([
      { id: n2, uuid: expect.any(String), contact: { id: b, name: 'Ben' }, what: 'intro', notedOn: '2026-10-01', status: 'met', closedOn: '2026-10-04', recordedOn: j.db.today },
      {
        id: n1,
        uuid: expect.any(String),
        contact: { id: a, name: j.contacts.get(a)?.name },
        what: 'a "referral" \\ \u0000',
        notedOn: '2026-10-05',
        status: 'open',
        closedOn: null,
        recordedOn: j.db.today,
      },
    ]);
    expect(j.needs.get(n1)).toEqual(needs[1]);
    expect(j.needs.open()).toEqual([needs[1]]);
    expect(j.needs.forContact(b)).toEqual([needs[0]]);
    expect(j.needs.get(999)).toBeUndefined();
  });

  it('reads the needs open on a day, oldest first: all, or the first few and how many there were', () => {
    const a = j.write(() => j.contacts.insert({ name: 'Ann' }));
    const need = (notedOn: string, status: 'open' | 'met' | 'dropped' = 'open', closedOn: string | null = null) =>
      j.write(() => j.needs.insert({ contactId: a, what: `noted ${notedOn}`, notedOn, status, closedOn }));
    const ids = [need('2026-10-03'), need('2026-10-01', 'met', '2026-10-09'), need('2026-10-02'), need('2026-10-01', 'dropped', '2026-10-04'), need('2026-10-06')];
    // The need dropped on 10-04 was no longer open on 10-05.
    const [late, metLater, open2, , notedAfter] = ids;
    // On 10-05: noted by then, and open now or closed after it; oldest first, then by id.
    const on = (limit?: number) => j.needs.openOn('2026-10-05', limit);
    expect(on().needs.map((n) => n.id)).toEqual([metLater, open2, late]);
    expect(on().count).toBe(3);
    expect(on().needs).toEqual([metLater, open2, late].map((id) => j.needs.get(id as number)));
    expect(on(2)).toEqual({ needs: on().needs.slice(0, 2), count: 3 });
    expect(on(3)).toEqual(on());
    expect(on(0)).toEqual({ needs: [], count: 3 });
    expect(j.needs.openOn('2026-10-10').needs.map((n) => n.id)).toEqual([open2, late, notedAfter]);
  });

  it('deletes a contact with what only they were part of', () => {
    const a = j.write(() => j.contacts.insert({ name: 'Ann' }));
    const b = j.write(() => j.contacts.insert({ name: 'Ben', introducedBy: a }));
    j.write(() => j.interactions.insert({ contactIds: [a], on: '2026-10-01', kind: 'call', thanksOwed: true }));
    const shared = j.write(() => j.interactions.insert({ contactIds: [a, b], on: '2026-10-02', kind: 'meeting', thanksOwed: true }));
    j.write(() => j.leads.insert({ sourceId: b, what: 'talk to Ann', personId: a, givenOn: '2026-10-01' }));
    j.write(() => j.leads.insert({ sourceId: a, what: 'Acme', givenOn: '2026-10-01' }));
    j.write(() => j.promises.insert({ contactId: a, what: 'x', direction: 'mine', madeOn: '2026-10-01' }));
    j.write(() => j.needs.insert({ contactId: a, what: 'y', notedOn: '2026-10-01' }));
    const n = j.write(() => j.contacts.remove(a));
    expect(n).toEqual({ interactions: 1, leads: 1, promises: 1, needs: 1 });
    expect(j.contacts.get(b)?.introducedBy).toBeNull();
    expect(j.interactions.get(shared)?.contacts.map((c) => c.id)).toEqual([b]);
    expect(j.leads.bySource(b)[0]?.person).toBeNull();
    expect(found(j, 'Acme')).toEqual([]);
  });

  it('logging with a lead person marks only their open leads followed', () => {
    const src = j.write(() => j.contacts.insert({ name: 'Maria' }));
    const bob = j.write(() => j.contacts.insert({ name: 'Bob' }));
    const open = j.write(() => j.leads.insert({ sourceId: src, what: 'Bob at Acme', personId: bob, givenOn: '2026-10-01' }));
    const dropped = j.write(() => j.leads.insert({ sourceId: src, what: 'old', personId: bob, givenOn: '2026-09-01', status: 'dropped' }));
    const talk = j.write(() => j.interactions.insert({ contactIds: [src, bob], on: '2026-10-05', kind: 'call', thanksOwed: false }));
    expect(j.write(() => j.leads.followedBy(talk))).toEqual([open]);
    expect(j.leads.get(open)).toMatchObject({ status: 'followed', followedOn: '2026-10-05' });
    expect(j.leads.get(dropped)?.status).toBe('dropped');
    j.write(() => j.leads.setStatus(open, 'reported', '2026-10-06', 'hired'));
    expect(j.leads.get(open)).toMatchObject({ status: 'reported', followedOn: '2026-10-05', reportedOn: '2026-10-06', outcome: 'hired' });
  });

  it('a failed write leaves nothing behind', () => {
    expect(() =>
      j.write(() => {
        j.write(() => j.contacts.insert({ name: 'Half' }));
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(j.contacts.count()).toBe(0);
  });

  it('keeps the search index in step with edits and deletes', () => {
    const id = j.write(() => j.contacts.insert({ name: 'Dana', company: 'Initech' }));
    expect(found(j, 'initech')).toEqual([id]);
    j.write(() => j.contacts.update(id, { company: 'Globex' }));
    expect(found(j, 'initech')).toEqual([]);
    expect(found(j, 'glob')).toEqual([id]);
    const n = j.write(() => j.needs.insert({ contactId: id, what: 'an intro at Hooli', notedOn: '2026-10-01' }));
    expect(found(j, 'hooli')).toEqual([id]);
    j.write(() => j.db.raw.prepare('DELETE FROM needs WHERE id = ?').run(n));
    expect(found(j, 'hooli')).toEqual([]);
    expect(found(j, '"); DROP TABLE x; --')).toEqual([]);
  });

  it('re-indexes a record when any column the search holds changes, and keeps it through other changes', () => {
    const id = j.write(() => j.contacts.insert({ name: 'Dana' }));
    const records = {
      contacts: id,
      interactions: j.write(() => j.interactions.insert({ contactIds: [id], on: '2026-10-01', kind: 'call', thanksOwed: true })),
      leads: j.write(() => j.leads.insert({ sourceId: id, what: 'a lead', givenOn: '2026-10-01' })),
      needs: j.write(() => j.needs.insert({ contactId: id, what: 'a need', notedOn: '2026-10-01' })),
      promises: j.write(() => j.promises.insert({ contactId: id, what: 'a promise', direction: 'mine', madeOn: '2026-10-01' })),
    };
    for (const [table, { columns }] of Object.entries(SEARCH_SOURCES)) {
      for (const column of columns) {
        const word = `zq${table}${column.replace('_', '')}`;
        const value = column === 'tags' ? JSON.stringify([word]) : word;
        j.write(() => j.db.raw.prepare(`UPDATE ${table} SET ${column} = ? WHERE id = ?`).run(value, records[table as keyof typeof records]));
        expect(found(j, word), `${table}.${column}`).toEqual([id]);
      }
    }
    // Changes the index does not hold (a status, a count kept on the contact) leave it as it was.
    j.write(() => j.needs.close(records.needs, 'met', '2026-10-02'));
    j.write(() => j.interactions.markThanked([records.interactions], '2026-10-02'));
    expect(found(j, 'zqneedswhat')).toEqual([id]);
    expect(found(j, 'zqcontactsname')).toEqual([id]);
  });

  it('a bulk import keeps the search index and activity columns right for new and updated people', () => {
    const old = j.write(() => j.contacts.insert({ name: 'Dana Whitfield', email: 'dana@example.com' }));
    j.write(() => j.interactions.insert({ contactIds: [old], on: '2026-09-01', kind: 'call', thanksOwed: false }));
    const result = j.write(() =>
      applyImport(j, {
        ...emptySet('json'),
        contactCount: 2,
        contacts: [
          { where: 'a', uuid: '11111111-1111-4111-8111-111111111111', name: 'Sam Park', company: 'Initech' },
          { where: 'b', name: 'Dana W', email: 'DANA@example.com', company: 'Globex' },
        ],
        interactions: [
          {
            uuid: '22222222-2222-4222-8222-222222222222',
            contacts: ['11111111-1111-4111-8111-111111111111'],
            on: '2026-10-01',
            kind: 'coffee',
            summary: 'talked about Kubernetes',
            thanksOwed: true,
            thankedOn: '2026-10-02',
            noReply: false,
            snoozedUntil: null,
          },
        ],
        leads: [],
        promises: [],
        needs: [],
        notes: [],
      }),
    );
    expect(result.addedNames).toEqual(['Sam Park']);
    expect(result.updatedNames).toEqual(['Dana Whitfield']);
    const sam = j.contacts.candidates('sam park')[0]?.id;
    expect(found(j, 'kubernetes')).toEqual([sam]);
    expect(found(j, 'initech')).toEqual([sam]);
    expect(found(j, 'globex')).toEqual([old]);
    expect(j.contacts.get(sam ?? 0)?.lastContact).toBe('2026-10-01');
    expect(j.meta('bulk')).toBeNull();
    // Triggers are back on after the import.
    j.write(() => j.interactions.insert({ contactIds: [old], on: '2026-10-05', kind: 'email', summary: 'Zanzibar trip', thanksOwed: false }));
    expect(j.contacts.get(old)?.lastContact).toBe('2026-10-05');
    expect(found(j, 'zanzibar')).toEqual([old]);
  });

  it('a large import rebuilds the contacts\' indexes: the schema ends as it began, and a failed one changes nothing', () => {
    const before = schema(j.db.raw);
    const uuid = (k: string, i: number) => `${k}0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const people = Array.from({ length: 30 }, (_, i) => ({ where: `p${i}`, uuid: uuid('c', i), name: `Person ${i}`, company: 'Acme' }));
    const talks = Array.from({ length: 1200 }, (_, i) => ({
      uuid: uuid('a', i),
      contacts: [uuid('c', i % 30)],
      on: `2026-0${1 + (i % 9)}-1${i % 10}`,
      kind: 'call' as const,
      summary: null,
      thanksOwed: false,
      thankedOn: null,
      noReply: false,
      snoozedUntil: null,
    }));
    j.write(() => applyImport(j, { ...emptySet('json'), contacts: people, contactCount: people.length, interactions: talks }));
    expect(schema(j.db.raw)).toEqual(before);
    expect(j.contacts.summaries()).toHaveLength(30);
    expect(j.contacts.get(j.contacts.candidates('person 7')[0]?.id ?? 0)?.lastContact).toBe('2026-08-17');
    const broken = { ...emptySet('json'), interactions: talks.map((t, i) => ({ ...t, uuid: uuid('b', i), contacts: i === 1100 ? ['missing'] : t.contacts })) };
    expect(() => j.write(() => applyImport(j, broken))).toThrow();
    expect(schema(j.db.raw)).toEqual(before);
    expect(j.interactions.all()).toHaveLength(1200);
  });
});

