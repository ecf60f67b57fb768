// net sync's store: schema 14 from schema 13 with records, and the merge of two journals'
// changes in-process (the e2e and property tests go through the binary and the folder).
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/store/journal.js';
import { migrate } from '../../src/store/migrations/index.js';
import { SyncStore } from '../../src/store/sync.js';
import { databaseAt } from './helpers.js';

function journal(version?: number): Journal {
  const db = databaseAt(version);
  return new Journal(db, ':memory:');
}

function people(j: Journal): string[] {
  return (j.db.raw.prepare('SELECT name || coalesce(\' @ \' || company, \'\') FROM contacts ORDER BY name').pluck().all() as string[]);
}

describe('schema 16 (sync)', () => {
  it('migrates a schema-15 journal with records and history: nothing changes, and it can start syncing', () => {
    const j = journal(15);
    j.write(() => {
      j.db.raw.prepare("INSERT INTO contacts (uuid, name, name_key, created_at) VALUES ('00000000-0000-4000-8000-000000000001', 'Dana', 'dana', '2026-01-01T00:00:00Z')").run();
      j.db.raw.prepare("INSERT INTO needs (uuid, contact_id, what, noted_on, created_at) VALUES ('00000000-0000-4000-8000-000000000002', 1, 'a designer', '2026-01-01', '2026-01-01T00:00:00Z')").run();
    });
    const changes = j.db.raw.prepare('SELECT count(*) FROM history_changes').pluck().get();
    expect(migrate(j.db.raw)).toEqual(expect.arrayContaining([16]));
    expect(people(j)).toEqual(['Dana']);
    expect(j.db.raw.prepare('SELECT count(*) FROM history_changes').pluck().get()).toBe(changes);
    const s = new SyncStore(j.db);
    expect(s.pending()).toBe(2);
    const out = j.write(() => s.takeEverything());
    expect(out.map((c) => [c.t, c.r, c.f])).toEqual([
      ['contacts', '00000000-0000-4000-8000-000000000001', null],
      ['needs', '00000000-0000-4000-8000-000000000002', null],
    ]);
    expect((out[1]?.v as Record<string, unknown>).contact_id).toBe('00000000-0000-4000-8000-000000000001');
    expect(s.pending()).toBe(0);
  });
});

describe('SyncStore: applying another device’s changes', () => {
  function pair(): [Journal, SyncStore, Journal, SyncStore] {
    const a = journal();
    const b = journal();
    return [a, new SyncStore(a.db), b, new SyncStore(b.db)];
  }
  const send = (from: Journal, s: SyncStore) => from.write(() => s.takeLocal());
  const receive = (to: Journal, s: SyncStore, changes: ReturnType<SyncStore['takeLocal']>) =>
    to.write((command) => {
      const r = s.apply(changes);
      s.markApplied(command);
      return r;
    });

  it('a record arriving before the one it refers to waits for it, then is made', () => {
    const [a, sa, b, sb] = pair();
    a.write(() => a.db.raw.prepare("INSERT INTO contacts (uuid, name, name_key, created_at) VALUES ('00000000-0000-4000-8000-00000000000a', 'Ann', 'ann', 'x')").run());
    const first = send(a, sa);
    a.write(() => a.db.raw.prepare("INSERT INTO needs (uuid, contact_id, what, noted_on, created_at) VALUES ('00000000-0000-4000-8000-00000000000b', 1, 'a job', '2026-01-01', 'x')").run());
    const second = send(a, sa);
    expect(receive(b, sb, second).changed).toBe(0);
    expect(b.db.raw.prepare('SELECT count(*) FROM needs').pluck().get()).toBe(0);
    expect(receive(b, sb, first).changed).toBe(2);
    expect(b.db.raw.prepare('SELECT what FROM needs').pluck().all()).toEqual(['a job']);
    // What was applied is not this device's to send.
    expect(sb.pending()).toBe(0);
    expect(send(b, sb)).toEqual([]);
  });

  it('a removal wins over an older edit, whichever arrives first', () => {
    const [a, sa, b, sb] = pair();
    a.write(() => a.db.raw.prepare("INSERT INTO contacts (uuid, name, name_key, created_at) VALUES ('00000000-0000-4000-8000-00000000000a', 'Ann', 'ann', 'x')").run());
    receive(b, sb, send(a, sa));
    b.write(() => b.db.raw.prepare("UPDATE contacts SET company = 'Acme'").run());
    const edit = send(b, sb);
    a.write(() => a.db.raw.prepare('DELETE FROM contacts').run());
    const removal = send(a, sa);
    receive(a, sa, edit);
    receive(b, sb, removal);
    expect(people(a)).toEqual([]);
    expect(people(b)).toEqual([]);
  });
});
