// Merge, backups (on demand and before migrations), doctor and shell completion, run
// through the real binary.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { configure } from '../../src/store/open.js';
import { LATEST_VERSION, migrate } from '../../src/store/migrations/index.js';
import { behindNetsBack, cleanupJournals, tempJournal, type TempJournal } from './helpers.js';

afterEach(cleanupJournals);

interface Shown {
  id: number;
  name: string;
  company: string | null;
  email: string | null;
  tags: string[];
  introduced_by: { id: number; name: string } | null;
  interactions: Array<{ id: number; contacts: Array<{ id: number }> }>;
  leads: Array<{ id: number; person: { id: number } | null }>;
  promises: unknown[];
  needs: unknown[];
}

const idOf = (j: TempJournal, name: string) => j.json<Array<{ id: number; name: string }>>('list', '--json').find((c) => c.name === name)?.id;

describe('net merge', () => {
  it('moves every record of the duplicate, fills empty fields, and removes it', () => {
    const j = tempJournal();
    j.ok('add', 'Thom Singer');
    j.ok('add', 'Dana Whitfield', '--met', 'coffee', '--tag', 'data');
    j.ok('add', 'Dana W', '--email', 'dana@example.com', '--company', 'Sell Computers', '--via', 'Thom', '--tag', 'mentor', '--need', 'an intro at Dell', '--promise', 'send notes');
    j.ok('add', 'Sam Park', '--via', 'Dana W');
    j.ok('lead', 'Dana W', 'Bob runs data at Acme', '--person', 'Bob Ortiz');
    j.ok('lead', 'Sam', 'talk to Dana', '--person', 'Dana W');
    j.ok('log', 'Dana Whitfield', 'both there', '--with', 'Dana W', '--kind', 'call');
    const keep = idOf(j, 'Dana Whitfield');
    const other = idOf(j, 'Dana W');
    expect(j.net('merge', String(keep), String(other)).code).toBe(2);
    const r = j.ok('merge', String(keep), String(other), '--yes');
    expect(r.stdout).toMatch(/Merged Dana W into Dana Whitfield/);
    const d = j.json<Shown>('show', String(keep), '--json');
    expect(d).toMatchObject({ email: 'dana@example.com', company: 'Sell Computers', introduced_by: { name: 'Thom Singer' } });
    expect(d.tags).toEqual(['data', 'mentor']);
    // Both first meetings, the shared call (which keeps one link), and the two
    // introductions Dana W made (Sam, and Bob through her lead).
    expect(d.interactions).toHaveLength(5);
    for (const i of d.interactions) expect(i.contacts.filter((c) => c.id === keep)).toHaveLength(1);
    expect(d.leads).toHaveLength(1);
    expect(d.promises).toHaveLength(1);
    expect(d.needs).toHaveLength(1);
    expect(j.json<Shown>('show', 'Sam', '--json')).toMatchObject({ introduced_by: { id: keep } });
    expect(j.json<Shown>('show', 'Sam', '--json').leads[0]?.person).toMatchObject({ id: keep });
    expect(j.net('show', String(other)).code).toBe(2);
    expect(j.ok('doctor').code).toBe(0);
  });

  it('refuses to merge a contact into itself', () => {
    const j = tempJournal();
    j.ok('add', 'Ann');
    const r = j.net('merge', 'Ann', '1', '--yes');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/same contact/);
  });
});

describe('backups', () => {
  it('net backup writes a private copy that net can open', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', '--need', 'an intro at Dell');
    const target = path.join(j.dir, 'copy.db');
    j.ok('backup', target);
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    const copy = j.json<Array<{ name: string }>>('--db', target, 'list', '--json');
    expect(copy.map((c) => c.name)).toEqual(['Dana Whitfield']);
    j.ok('backup');
    expect(fs.readdirSync(j.dir).filter((f) => /^net\.db\.\d{8}T\d{6}Z\.bak$/.test(f))).toHaveLength(1);
    expect(j.ok('doctor').stdout).toMatch(/Last backup\s+\d{4}-\d{2}-\d{2}/);
  });

  it('copies the journal before a schema upgrade and keeps the last three such copies', () => {
    const j = tempJournal();
    const makeOld = () => {
      for (const f of ['net.db', 'net.db-wal', 'net.db-shm']) fs.rmSync(path.join(j.dir, f), { force: true });
      const db = new Database(j.db);
      configure(db);
      migrate(db, LATEST_VERSION - 1);
      behindNetsBack(db, () => db.prepare("INSERT INTO contacts (uuid, name, name_key, created_at) VALUES ('u1', 'Old Friend', 'old friend', '2026-01-01T00:00:00Z')").run());
      db.close();
    };
    const copies = () => fs.readdirSync(j.dir).filter((f) => f.includes('.pre-v')).sort();
    for (let i = 0; i < 4; i++) {
      makeOld();
      const r = j.ok('list', '--json');
      expect(JSON.parse(r.stdout)).toMatchObject([{ name: 'Old Friend' }]);
      // Copies are named to the second: keep them apart.
      spawnSync('sleep', ['1.1']);
    }
    const kept = copies();
    expect(kept).toHaveLength(3);
    const backup = new Database(path.join(j.dir, kept[0] ?? ''), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_VERSION - 1);
    expect(backup.prepare('SELECT name FROM contacts').all()).toEqual([{ name: 'Old Friend' }]);
    backup.close();
    expect(fs.statSync(path.join(j.dir, kept[0] ?? '')).mode & 0o777).toBe(0o600);
    const now = new Database(j.db, { readonly: true });
    expect(now.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    now.close();
  }, 30_000);
});

describe('net doctor', () => {
  it('passes a healthy journal and reports what it checked', () => {
    const j = tempJournal();
    j.ok('add', 'Dana', '--met', 'coffee');
    const r = j.ok('doctor');
    expect(r.stdout).toMatch(/Integrity\s+ok/);
    expect(r.stdout).toMatch(/Foreign keys\s+ok/);
    expect(r.stdout).toMatch(new RegExp(`Schema\\s+version ${LATEST_VERSION} \\(current\\)`));
    expect(r.stdout).toMatch(/Records\s+1 contacts, 1 interactions/);
    expect(r.stdout).toMatch(/All good/);
  });

  it('fails with what to do when others can read the journal', () => {
    const j = tempJournal();
    j.ok('add', 'Dana');
    fs.chmodSync(j.db, 0o644);
    const r = j.net('doctor');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/chmod 600/);
  });

  it('fails on damaged pages and says how to restore', () => {
    const j = tempJournal();
    // One import rather than 60 processes: a journal of many pages, made fast enough for a busy machine.
    const people = Array.from({ length: 60 }, (_, i) => ({ uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Person ${i}`, notes: 'x'.repeat(2000) }));
    const file = path.join(j.dir, 'people.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'net-journal', version: 1, contacts: people, interactions: [], leads: [], promises: [], needs: [] }));
    j.ok('import', file);
    j.ok('backup');
    const fd = fs.openSync(j.db, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096 * 8, 0x5a), 0, 4096 * 8, 4096 * 4);
    fs.closeSync(fd);
    const r = j.net('doctor');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/damaged/);
    expect(r.stderr).toMatch(/Restore the latest backup/);
  });
});

describe('net completion', () => {
  it('prints bash, zsh and fish scripts naming the commands and flags', () => {
    const j = tempJournal();
    const bash = j.ok('completion', 'bash').stdout;
    expect(spawnSync('bash', ['-n'], { input: bash }).status).toBe(0);
    for (const word of ['add', 'due', 'report', 'import', '--company', '--no-reply', '"$1" __names']) expect(bash).toContain(word);
    expect(j.ok('completion', 'zsh').stdout).toMatch(/#compdef net/);
    expect(j.ok('completion', 'fish').stdout).toMatch(/complete -c net -n __fish_use_subcommand -a due/);
    expect(j.net('completion', 'tcsh').code).toBe(2);
  });

  it('completes contact names through the hidden command, archived ones left out', () => {
    const j = tempJournal();
    j.ok('add', 'José Núñez');
    j.ok('add', 'Ann Lee');
    j.ok('add', 'Old Pal');
    j.ok('edit', 'Old Pal', '--archive');
    expect(j.ok('__names').stdout.trim().split('\n')).toEqual(['Ann Lee', 'José Núñez']);
  });

  it('a bash session completes a command and a name', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield');
    const script = `${j.ok('completion', 'bash').stdout}
net() { node ${JSON.stringify(path.resolve('bin/net.js'))} "$@"; }
COMP_WORDS=(net sh); COMP_CWORD=1; _net_complete net sh net; echo "cmd:\${COMPREPLY[*]}"
COMP_WORDS=(net show Da); COMP_CWORD=2; _net_complete net Da show; echo "name:\${COMPREPLY[*]}"`;
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, NET_DB: j.db } });
    expect(r.stdout).toMatch(/cmd:show/);
    expect(r.stdout).toMatch(/name:Dana\\ Whitfield/);
  });
});

describe('details a careful reader of the contract would check', () => {
  it('a promise whose date is already past when it is made is due that day, never overdue before it exists', () => {
    const j = tempJournal();
    j.ok('add', 'Ann', '--every', 'never');
    j.ok('promise', 'Ann', 'send the deck', '--by', 'yesterday');
    expect(j.json<Array<{ due: string; days_overdue: number }>>('due', '--json')).toMatchObject([{ due: '2026-10-01', days_overdue: 0 }]);
  });

  it('tags filter without regard to case or accents', () => {
    const j = tempJournal();
    j.ok('add', 'Ann', '--tag', 'Mentor');
    j.ok('add', 'Bob', '--tag', 'résumé');
    expect(j.json<Array<{ name: string }>>('list', '--tag', 'mentor', '--json').map((c) => c.name)).toEqual(['Ann']);
    expect(j.json<Array<{ name: string }>>('list', '--tag', 'RESUME', '--json').map((c) => c.name)).toEqual(['Bob']);
  });

  it('a conversation dated before a lead was given does not follow it, and thank --on closes only earlier thank-yous', () => {
    const j = tempJournal();
    j.ok('add', 'Maria', '--every', 'never');
    j.ok('lead', 'Maria', 'Raj at Acme', '--person', 'Raj Patel', '--on', '2026-10-01');
    j.ok('log', 'Raj Patel', 'met before', '--kind', 'coffee', '--on', '2026-09-25');
    expect(j.json<{ leads: Array<{ status: string }> }>('show', 'Maria', '--json').leads[0]?.status).toBe('open');
    j.ok('log', 'Raj Patel', 'call', '--kind', 'call', '--on', '2026-10-01');
    expect(j.json<{ leads: Array<{ status: string; followed_on: string }> }>('show', 'Maria', '--json').leads[0]).toMatchObject({
      status: 'followed',
      followed_on: '2026-10-01',
    });
    j.ok('thank', 'Raj', '--on', '2026-09-26');
    const raj = j.json<{ interactions: Array<{ on: string; thanked_on: string | null }> }>('show', 'Raj', '--json');
    expect(raj.interactions.map((i) => [i.on, i.thanked_on])).toEqual([
      ['2026-09-25', '2026-09-26'],
      ['2026-10-01', null],
    ]);
  });

  it('only something that can fall due can be snoozed', () => {
    const j = tempJournal();
    j.ok('add', 'Ann', '--every', 'never');
    j.ok('promise', 'Ann', 'x');
    j.ok('promise', 'kept', 'p1');
    expect(j.net('snooze', 'p1', '2w')).toMatchObject({ code: 2 });
    expect(j.net('snooze', 'c1', '1w').stderr).toMatch(/no keep-in-touch cadence/);
    expect(j.net('snooze', 'p9', '1w').stderr).toMatch(/There is no item p9/);
  });

  it('says what is wrong with a sub-command id, an empty --db and an output path that is a folder', () => {
    const j = tempJournal();
    j.ok('add', 'Ann');
    expect(j.net('lead', 'followed', 'p3')).toMatchObject({ code: 2, stderr: expect.stringMatching(/"p3" is not a lead id/) });
    expect(j.net('promise', 'kept')).toMatchObject({ code: 2, stderr: expect.stringMatching(/Say which promise/) });
    expect(j.net('need', 'met', 'x5')).toMatchObject({ code: 2, stderr: expect.stringMatching(/"x5" is not a need id/) });
    expect(j.net('noreply', 'x')).toMatchObject({ code: 2, stderr: expect.stringMatching(/"x" is not an interaction id/) });
    expect(j.net('job', 'x', 'offer')).toMatchObject({ code: 2, stderr: expect.stringMatching(/"x" is not an application id/) });
    expect(j.net('--db', '', 'list')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--db needs the path/) });
    expect(j.net('export', '-o', j.dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/it is a folder/) });
  });

  it('a note that mentions what someone needs says so, from edit as from add', () => {
    const j = tempJournal();
    j.ok('add', 'Sam', '--need', 'an intro at Acme');
    j.ok('add', 'Dana');
    expect(j.ok('edit', 'Dana', '--note', 'knows the Acme CTO').stdout).toMatch(/Sam needs an intro at Acme/);
  });
});
