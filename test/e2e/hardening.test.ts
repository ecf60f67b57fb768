// Hardening, round two (issue 17): what a hostile probe found beyond test/e2e/reliability.test.ts
// — lost updates, writes onto the journal itself, merges that dropped fields, pruning that
// deleted user files, foreign and odd files as the journal, planted temp files and links,
// shell completion with hostile names, raw control characters in exports, and dates,
// numbers and queries beyond what the code was built for. Each test runs the real binary.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIO } from '../memory-io.js';
import type { Prompter } from '../../src/cli/prompter.js';
import { run } from '../../src/cli/run.js';
import { MIGRATIONS, migrate } from '../../src/store/migrations/index.js';
import { BIN, ROOT, type Result, STACK_LINE, type ShowJson, TODAY, type TempJournal, UNSAFE_CHARS, baseEnv, behindNetsBack, cleanupJournals, sha256, tempJournal } from './helpers.js';

afterAll(cleanupJournals);

const IS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

function startNet(db: string, args: readonly string[], env: Record<string, string | undefined> = {}): { child: ChildProcess; done: Promise<Result> } {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: baseEnv(db, TODAY, env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<Result>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
  return { child, done };
}

/** Runs net as the unprivileged user `nobody` when the tests run as root (permissions then apply). */
function runAsNobody(db: string, args: readonly string[]): Result {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...baseEnv(db), HOME: '/nonexistent' },
    input: '',
    encoding: 'utf8',
    timeout: 15_000,
    ...(IS_ROOT ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: 0 };
}

function expectRefused(r: Result, code: number, label: string, ...mentions: RegExp[]): void {
  expect(r.code, `${label}: exit code\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(code);
  expect(r.stderr, `${label}: a stack trace`).not.toMatch(STACK_LINE);
  expect(r.stderr).not.toMatch(/something unexpected/);
  for (const m of mentions) expect(r.stderr, label).toMatch(m);
}

const modeOf = (p: string) => fs.lstatSync(p).mode & 0o777;

function linkedinCsv(n: number): string {
  const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < n; i++) lines.push(`Person${i},Surname${i},,person${i}@example.com,Company ${i % 50},Engineer,12 Mar 2024`);
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------
// Data loss

describe('D1: concurrent read-modify-write loses nothing', () => {
  it('20 concurrent net edit --tag on one contact keep all 20 tags', async () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield');
    const runs = await Promise.all(Array.from({ length: 20 }, (_, i) => startNet(j.db, ['edit', 'Dana', '--tag', `t${i}`]).done));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const tags = j.json<ShowJson>('show', 'Dana', '--json').tags;
    expect([...tags].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `t${i}`).sort());
  });

  it('a merge beside concurrent tag edits of the contact kept keeps every tag', async () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', '--tag', 'first');
    j.ok('add', 'Dana W', '--tag', 'dup');
    const edits = Array.from({ length: 10 }, (_, i) => startNet(j.db, ['edit', 'Dana Whitfield', '--tag', `e${i}`]).done);
    const merge = startNet(j.db, ['merge', 'Dana Whitfield', 'Dana W', '--yes']).done;
    for (const r of await Promise.all([...edits, merge])) expect(r.code, r.stderr).toBe(0);
    const tags = j.json<ShowJson>('show', 'Dana Whitfield', '--json').tags;
    expect([...tags].sort()).toEqual(['dup', 'first', ...Array.from({ length: 10 }, (_, i) => `e${i}`)].sort());
  });
});

describe('D2, D3, C2: backup and -o never replace the journal, a link, a pipe or a device', () => {
  function journalWithData(): TempJournal {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', '--met', 'coffee', '--note', 'keep me');
    return j;
  }
  const writers = (target: string) => [
    ['backup', target],
    ['export', '-o', target],
    ['export', '--format', 'csv', '-o', target],
    ['report', '-o', target],
  ];

  it('the journal, its -wal, -shm and -journal, a symlink to it, a hard link and a path through a linked folder are refused (exit 2), the journal unchanged', () => {
    const j = journalWithData();
    const linkDir = path.join(j.dir, 'via');
    fs.symlinkSync(j.dir, linkDir);
    fs.symlinkSync(j.db, path.join(j.dir, 'link.db'));
    fs.linkSync(j.db, path.join(j.dir, 'hard.db'));
    const targets = [j.db, `${j.db}-wal`, `${j.db}-shm`, `${j.db}-journal`, path.join(j.dir, 'link.db'), path.join(j.dir, 'hard.db'), path.join(linkDir, 'net.db'), path.join(j.dir, '.', 'x', '..', 'net.db')];
    fs.mkdirSync(path.join(j.dir, 'x'));
    const before = sha256(j.db);
    for (const target of targets) {
      for (const args of writers(target)) {
        const r = j.net(...args);
        expectRefused(r, 2, `net ${args.join(' ')}`, /journal/);
        expect(sha256(j.db), `net ${args.join(' ')} changed the journal`).toBe(before);
      }
    }
    expect(fs.existsSync(`${j.db}-wal`)).toBe(false);
    expect(j.json<ShowJson>('show', 'Dana', '--json').notes).toBe('keep me');
    expect(j.net('doctor').code).toBe(0);
  });

  it('net backup "$NET_DB" while other net commands write: refused, and the journal stays whole', async () => {
    const j = journalWithData();
    const adds = Array.from({ length: 6 }, (_, i) => startNet(j.db, ['add', `Writer ${i}`]).done);
    const backups = Array.from({ length: 4 }, () => startNet(j.db, ['backup', j.db]).done);
    const [added, refused] = [await Promise.all(adds), await Promise.all(backups)];
    for (const r of added) expect(r.code, r.stderr).toBe(0);
    for (const r of refused) expectRefused(r, 2, 'net backup $NET_DB', /journal itself/);
    expect(j.net('doctor').code).toBe(0);
    expect(j.json<unknown[]>('list', '--json')).toHaveLength(7);
  });

  it('a FIFO, a symbolic link to another file and (as root) a device node are refused; the linked file is untouched', () => {
    const j = journalWithData();
    const fifo = path.join(j.dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const victim = path.join(j.dir, 'victim.txt');
    fs.writeFileSync(victim, 'precious\n');
    const link = path.join(j.dir, 'out.json');
    fs.symlinkSync(victim, link);
    const cases: Array<[string, RegExp]> = [
      [fifo, /named pipe/],
      [link, /symbolic link/],
    ];
    if (IS_ROOT) {
      const dev = path.join(j.dir, 'null');
      expect(spawnSync('mknod', [dev, 'c', '1', '3']).status).toBe(0);
      cases.push([dev, /device/]);
    }
    for (const [target, why] of cases) {
      const kind = fs.lstatSync(target);
      for (const args of writers(target)) {
        const r = j.net(...args);
        expectRefused(r, 2, `net ${args.join(' ')}`, why);
        const after = fs.lstatSync(target);
        expect([after.ino, after.mode], `net ${args.join(' ')} replaced ${target}`).toEqual([kind.ino, kind.mode]);
      }
    }
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious\n');
  });

  it('-o - writes to stdout; a backup into a folder is named by date inside it (B4)', () => {
    const j = journalWithData();
    const json = j.ok('export', '-o', '-');
    expect(JSON.parse(json.stdout).contacts[0].name).toBe('Dana Whitfield');
    expect(j.ok('report', '-o', '-').stdout).toMatch(/^# /);
    expect(fs.existsSync(path.join(j.dir, '-'))).toBe(false);
    const folder = path.join(j.dir, 'Backups');
    fs.mkdirSync(folder);
    const r = j.ok('backup', folder);
    const made = fs.readdirSync(folder);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatch(/^net\.db\.\d{8}T\d{6}Z\.bak$/);
    expect(r.stdout).toContain(path.join(folder, made[0] ?? ''));
    expect(modeOf(path.join(folder, made[0] ?? ''))).toBe(0o600);
  });
});

describe('D4: merge keeps every field of the duplicate', () => {
  it('differing fields are reported and the duplicate’s values and notes are kept in the notes; empty fields are filled', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', '--email', 'dana@acme.com', '--company', 'Acme', '--note', 'Met at the Austin data meetup.');
    j.ok('add', 'Dana W', '--email', 'dana.w@gmail.com', '--phone', '+1 512 555 0100', '--company', 'Dell', '--role', 'Data lead', '--note', 'Has two kids; loves Go.');
    const r = j.ok('merge', 'Dana Whitfield', 'Dana W', '--yes');
    expect(r.stdout).toMatch(/filled .*phone/);
    expect(r.stdout).toMatch(/filled .*role/);
    expect(r.stdout).toMatch(/kept Dana Whitfield's email "dana@acme\.com"; Dana W's "dana\.w@gmail\.com" is added to the notes/);
    expect(r.stdout).toMatch(/company "Acme"; Dana W's "Dell"/);
    expect(r.stdout).toMatch(/notes/);
    const c = j.json<ShowJson>('show', 'Dana Whitfield', '--json');
    expect(c.email).toBe('dana@acme.com');
    expect(c.company).toBe('Acme');
    expect(c.phone).toBe('+1 512 555 0100');
    expect(c.role).toBe('Data lead');
    expect(c.notes).toContain('Met at the Austin data meetup.');
    expect(c.notes).toContain('Merged from Dana W (#2)');
    expect(c.notes).toContain('email: dana.w@gmail.com');
    expect(c.notes).toContain('company: Dell');
    expect(c.notes).toContain('name: Dana W');
    expect(c.notes).toContain('Has two kids; loves Go.');
  });
});

describe('S7: at most 100 tags per contact, however they are written', () => {
  const tagFlags = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ['--tag', `${prefix}${i}`]).flat();
  const tagsOf = (j: TempJournal, who: string) => j.json<ShowJson>('show', who, '--json').tags;

  it('net add with 101 tags is refused (exit 2), naming the contact, and writes nothing', () => {
    const j = tempJournal();
    j.ok('add', 'Sam Lee');
    const before = j.snapshot();
    const r = j.net('add', 'Dana Whitfield', '--met', 'coffee', ...tagFlags('t', 101));
    expectRefused(r, 2, 'add with 101 tags', /Dana Whitfield would have 101 tags; net keeps at most 100 per contact/, /nothing was written/);
    expect(j.snapshot()).toEqual(before);
    expect(j.json<Array<{ name: string }>>('list', '--json').map((c) => c.name)).toEqual(['Sam Lee']);
    // The comma form counts the same.
    expectRefused(j.net('add', 'Dana Whitfield', '--tag', Array.from({ length: 101 }, (_, i) => `t${i}`).join(',')), 2, 'add --tag a,b,…', /101 tags/);
    expect(j.snapshot()).toEqual(before);
  });

  it('net edit --tag that would pass 100 is refused; a contact over the cap from an older net can still be untagged, not tagged', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', ...tagFlags('t', 100));
    expect(tagsOf(j, 'Dana')).toHaveLength(100);
    const before = j.snapshot();
    const r = j.net('edit', 'Dana', '--tag', 'one-more');
    expectRefused(r, 2, 'edit past 100', /Dana Whitfield \(#1\) would have 101 tags; net keeps at most 100 per contact/, /net edit 1 --untag/, /nothing was written/);
    expect(j.snapshot()).toEqual(before);
    // Swapping one tag for another stays at 100.
    j.ok('edit', 'Dana', '--tag', 'one-more', '--untag', 't0');
    expect(tagsOf(j, 'Dana')).toHaveLength(100);
    // A contact written before the cap with 150 tags: fewer is allowed, more is not.
    const db = new Database(j.db);
    behindNetsBack(db, () => db.prepare('UPDATE contacts SET tags = ? WHERE id = 1').run(JSON.stringify(Array.from({ length: 150 }, (_, i) => `old${i}`))));
    db.close();
    j.ok('edit', 'Dana', '--untag', 'old0');
    expect(tagsOf(j, 'Dana')).toHaveLength(149);
    expectRefused(j.net('edit', 'Dana', '--tag', 'new'), 2, 'edit a contact over the cap', /150 tags/);
  });

  it('net add of someone already in the journal (on a terminal) that would pass 100 tags is refused, and nothing is logged', async () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', ...tagFlags('t', 90));
    const r = await onTerminal(j, ['add', 'Dana Whitfield', '--met', 'fair', ...tagFlags('n', 20)], {
      select: async <T>(_m: string, choices: Array<{ name: string; value: T }>) => choices[0]?.value as T,
    });
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/Dana Whitfield \(#1\) would have 110 tags; net keeps at most 100 per contact/);
    const c = j.json<ShowJson>('show', 'Dana', '--json');
    expect(c.tags).toHaveLength(90);
    expect(c.interactions).toHaveLength(0);
  });

  it('net merge past 100 keeps the kept contact’s tags, fills up to 100 from the duplicate and adds the rest to the notes, saying so', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', ...tagFlags('k', 60), '--tag', 'shared');
    j.ok('add', 'Dana W', '--tag', 'shared', ...tagFlags('o', 60));
    const r = j.ok('merge', 'Dana Whitfield', 'Dana W', '--yes');
    const over = Array.from({ length: 21 }, (_, i) => `o${39 + i}`);
    expect(r.stdout).toContain(`net keeps at most 100 tags per contact: Dana W's other 21 tags are added to the notes: ${over.join(', ')}`);
    const c = j.json<ShowJson>('show', 'Dana Whitfield', '--json');
    expect(c.tags).toHaveLength(100);
    expect(c.tags.slice(0, 61)).toEqual([...Array.from({ length: 60 }, (_, i) => `k${i}`), 'shared']);
    expect(c.tags.slice(61)).toEqual(Array.from({ length: 39 }, (_, i) => `o${i}`));
    expect(c.notes).toContain('Merged from Dana W (#2)');
    expect(c.notes).toContain(`tags: ${over.join(', ')}`);
  });

  it('importing a backup that would give a contact already in the journal more than 100 tags is refused, and nothing is imported', () => {
    const src = tempJournal();
    src.ok('add', 'Dana Whitfield', '--email', 'dana@acme.com', ...tagFlags('a', 60));
    src.ok('add', 'Sam Lee');
    const file = path.join(src.dir, 'backup.json');
    src.ok('export', '-o', file);
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', '--email', 'dana@acme.com', ...tagFlags('b', 60));
    const before = j.snapshot();
    expectRefused(j.net('import', file), 2, 'import past 100', /contacts\[0\][^:]*: Dana Whitfield \(#1\) would have 120 tags; net keeps at most 100 per contact\..*nothing was written/);
    expect(j.snapshot()).toEqual(before);
    // The same from a vCard file: the card is named.
    const cards = path.join(src.dir, 'cards.vcf');
    fs.writeFileSync(cards, `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Whitfield\r\nEMAIL:dana@acme.com\r\nCATEGORIES:${Array.from({ length: 60 }, (_, i) => `c${i}`).join(',')}\r\nEND:VCARD\r\n`);
    expectRefused(j.net('import', cards), 2, 'vCard import past 100', /card 1\b.*: Dana Whitfield \(#1\) would have 120 tags; net keeps at most 100 per contact/);
    expect(j.snapshot()).toEqual(before);
    expect(j.json<Array<{ name: string }>>('list', '--json').map((c) => c.name)).toEqual(['Dana Whitfield']);
  });

  it('a contact with exactly 100 tags survives export and import, as a backup and as vCards', () => {
    const src = tempJournal();
    const tags = Array.from({ length: 100 }, (_, i) => `tag ${i}`);
    src.ok('add', 'Dana Whitfield', ...tags.flatMap((t) => ['--tag', t]));
    for (const [format, name] of [['json', 'backup.json'], ['vcard', 'contacts.vcf']] as const) {
      const file = path.join(src.dir, name);
      src.ok('export', '--format', format, '-o', file);
      const j = tempJournal();
      j.ok('import', file);
      expect(tagsOf(j, 'Dana'), format).toEqual(tags);
    }
  });
});

describe('D5, B11: pre-upgrade backups', () => {
  /** A journal at the schema before the latest, with a contact in it. */
  function oldJournal(j: TempJournal): number {
    const previous = MIGRATIONS.length - 1;
    const db = new Database(j.db);
    migrate(db, previous);
    behindNetsBack(db, () => {
      db.prepare(`INSERT INTO contacts (uuid, name, name_key, tags, created_at) VALUES ('00000000-0000-4000-8000-000000000001', 'Dana Whitfield', 'dana whitfield', '[]', '2026-01-01T00:00:00.000Z')`).run();
    });
    db.close();
    fs.chmodSync(j.db, 0o600);
    return previous;
  }

  it('pruning deletes only the names net writes: net.db.pre-vacation.bak and other user files stay', () => {
    const j = tempJournal();
    const v = oldJournal(j);
    const mine = ['net.db.pre-vacation.bak', 'net.db.pre-v2-notes.bak', 'net.db.pre-v1-20200101T000000Z.bak.keep', 'net.db.pre-v9-draft.bak'];
    for (const n of mine) fs.writeFileSync(path.join(j.dir, n), 'my own file\n');
    const old = ['20260101T000000Z', '20260102T000000Z', '20260103T000000Z', '20260104T000000Z'].map((s, i) => {
      const f = path.join(j.dir, `net.db.pre-v${v}-${s}.bak`);
      fs.writeFileSync(f, 'old net backup\n');
      const t = new Date(Date.UTC(2026, 0, 1 + i));
      fs.utimesSync(f, t, t);
      return path.basename(f);
    });
    j.ok('list');
    const files = fs.readdirSync(j.dir);
    for (const n of mine) expect(files, `${n} was deleted`).toContain(n);
    const auto = files.filter((n) => /^net\.db\.pre-v\d+-\d{8}T\d{6}Z\.bak$/.test(n));
    expect(auto).toHaveLength(3);
    expect(auto).toContain(old[3]);
    expect(auto).not.toContain(old[0]);
  });

  it('net doctor on an old journal names the pre-upgrade backup it just made', () => {
    const j = tempJournal();
    const v = oldJournal(j);
    const r = j.ok('doctor');
    const made = fs.readdirSync(j.dir).filter((n) => n.startsWith(`net.db.pre-v${v}-`));
    expect(made).toHaveLength(1);
    expect(r.stdout).toMatch(new RegExp(`Last backup .*${made[0]?.replace(/\./g, '\\.')}`));
  });
});

// ---------------------------------------------------------------------------------------
// Corruption

describe('C3: doctor sees -wal/-shm files that block writes', () => {
  it.runIf(IS_ROOT)('a stale -shm owned by root and read-only: net add fails, and doctor says so and what to run', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield');
    fs.chmodSync(j.dir, 0o755);
    fs.chownSync(j.db, NOBODY, NOBODY);
    // A `sudo net` that ended without closing leaves its -shm behind, root's and read-only.
    const held = new Database(j.db);
    held.prepare('SELECT count(*) FROM contacts').get();
    fs.chownSync(`${j.db}-shm`, 0, 0);
    fs.chmodSync(`${j.db}-shm`, 0o444);
    fs.chownSync(`${j.db}-wal`, NOBODY, NOBODY);
    try {
      const add = runAsNobody(j.db, ['add', 'Sam']);
      expect(add.code).toBe(1);
      const doctor = runAsNobody(j.db, ['doctor']);
      expect(doctor.code, doctor.stdout).toBe(1);
      expect(doctor.stdout).not.toMatch(/All good/);
      expect(doctor.stdout).toMatch(/Companions +-shm owned by user 0/);
      expect(doctor.stderr).toMatch(new RegExp(`sudo chown ${NOBODY} "${j.db.replace(/[.]/g, '\\.')}-shm"`));
    } finally {
      held.close();
    }
  });
});

// ---------------------------------------------------------------------------------------
// Security

describe('S2, S3: temp files cannot be redirected or read by others', () => {
  it('symlinks planted at every temp name the next processes would use do not redirect -o', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield');
    const victim = path.join(j.dir, 'bashrc');
    fs.writeFileSync(victim, 'export PATH=$HOME/bin:$PATH\n');
    const last = Number(fs.readFileSync('/proc/sys/kernel/ns_last_pid', 'utf8'));
    for (const name of ['out.json', 'report.md']) {
      for (let pid = last + 1; pid <= last + 400; pid++) fs.symlinkSync(victim, path.join(j.dir, `.${name}.${pid}.tmp`));
    }
    j.ok('export', '-o', path.join(j.dir, 'out.json'));
    j.ok('report', '-o', path.join(j.dir, 'report.md'));
    expect(fs.readFileSync(victim, 'utf8')).toBe('export PATH=$HOME/bin:$PATH\n');
    expect(JSON.parse(fs.readFileSync(path.join(j.dir, 'out.json'), 'utf8')).contacts).toHaveLength(1);
  });

  it("a backup's copy in progress is never readable by others, and doctor removes and reports an interrupted one's leftovers", async () => {
    const j = tempJournal();
    const csv = path.join(j.dir, 'c.csv');
    fs.writeFileSync(csv, linkedinCsv(20_000));
    j.ok('import', csv);
    const out = path.join(j.dir, 'out');
    fs.mkdirSync(out);
    fs.chmodSync(out, 0o755);
    const seen = new Map<string, number>();
    const run = startNet(j.db, ['backup', path.join(out, 'copy.db')], { NET_NO_CODE_CACHE: '1' });
    let finished = false;
    void run.done.then(() => (finished = true));
    while (!finished) {
      for (const n of fs.readdirSync(out)) {
        try {
          const st = fs.lstatSync(path.join(out, n));
          seen.set(n, st.mode & 0o777);
          if (st.isDirectory()) for (const m of fs.readdirSync(path.join(out, n))) seen.set(`${n}/${m}`, modeOf(path.join(out, n, m)));
        } catch {
          // It was renamed or removed between the listing and the look.
        }
      }
      await new Promise((r) => setImmediate(r));
    }
    expect((await run.done).code).toBe(0);
    const temps = [...seen].filter(([n]) => n !== 'copy.db');
    expect(temps.length, 'no temp file was ever seen').toBeGreaterThan(0);
    for (const [n, m] of temps) {
      // Inside a 0700 folder a file's own mode does not matter: nobody else can reach it.
      if (!n.includes('/')) expect(m & 0o077, `${n} is ${m.toString(8)}`).toBe(0);
    }
    expect(fs.readdirSync(out)).toEqual(['copy.db']);

    // An interrupted backup (its process gone) left a copy beside the journal.
    const leftover = path.join(j.dir, '.net.db.20261001T000000Z.bak.net-999999-0123456789ab.tmp');
    fs.mkdirSync(leftover, { mode: 0o700 });
    fs.writeFileSync(path.join(leftover, 'copy.db'), 'rows');
    const doctor = j.ok('doctor');
    expect(doctor.stdout).toMatch(/Temp files +removed 1 left by interrupted commands/);
    expect(fs.existsSync(leftover)).toBe(false);
    expect(j.ok('doctor').stdout).toMatch(/Temp files +none left over/);
  });
});

describe('S6: file names are echoed with control characters made visible', () => {
  it('backup, export -o, report -o and import print a hostile file name safely', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield');
    const evil = (ext: string) => path.join(j.dir, `evil\x1b]0;pwned\x07\x1b[2J\u202e.${ext}`);
    const runs = [j.net('backup', evil('db')), j.net('export', '-o', evil('json')), j.net('export', '--format', 'vcard', '-o', evil('vcf')), j.net('report', '-o', evil('md'))];
    runs.push(j.net('import', evil('vcf')));
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(UNSAFE_CHARS);
      expect(r.stderr).not.toMatch(UNSAFE_CHARS);
      expect(r.stdout).toContain('\\x1b');
    }
  });
});

describe('C1, B2, B3, B7: files that are not a net journal are left alone', () => {
  it("another program's SQLite file (WAL, tables, a user_version) is refused and not changed", () => {
    const j = tempJournal();
    const db = new Database(j.db);
    db.pragma('journal_mode = WAL');
    db.exec("CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO songs (title) VALUES ('Blue in Green');");
    db.pragma('user_version = 7');
    // Left open with its -wal beside it, as a running program would.
    const before = [sha256(j.db), sha256(`${j.db}-wal`)];
    try {
      for (const args of [['list'], ['add', 'Dana'], ['due'], ['doctor'], ['export']]) {
        const r = j.net(...args);
        expectRefused(r, 1, `net ${args.join(' ')}`, /is a SQLite database of another program; net will not change it/);
        expect([sha256(j.db), sha256(`${j.db}-wal`)]).toEqual(before);
      }
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      expect(tables).toEqual(['songs']);
      expect(db.pragma('user_version', { simple: true })).toBe(7);
    } finally {
      db.close();
    }
  });

  it('another program’s database with a high user_version is not called "a newer version of net" (B2)', () => {
    const j = tempJournal();
    const db = new Database(j.db);
    db.exec('CREATE TABLE t (a)');
    db.pragma('user_version = 99');
    db.close();
    const r = j.net('list');
    expectRefused(r, 1, 'net list', /another program/);
    expect(r.stderr).not.toMatch(/newer version/);
  });

  it('a NET_DB symlink that points nowhere is named, and nothing is printed as if the journal were empty (B3)', () => {
    const j = tempJournal({ file: 'link.db' });
    fs.symlinkSync(path.join(j.dir, 'gone', 'net.db'), j.db);
    for (const args of [['list'], ['due'], ['add', 'Dana']]) {
      const r = j.net(...args);
      expectRefused(r, 1, `net ${args.join(' ')}`, /symbolic link to .*gone\/net\.db, which does not exist/);
      expect(r.stdout).toBe('');
    }
    expect(fs.readdirSync(j.dir)).toEqual(['link.db']);
  });

  it('a FIFO or a character device as the journal: a clear refusal and no -journal left beside it (B7)', () => {
    const j = tempJournal({ file: 'fifo.db' });
    expect(spawnSync('mkfifo', [j.db]).status).toBe(0);
    for (const args of [['list'], ['add', 'Dana']]) {
      const r = j.netWith({ timeout: 10_000 }, ...args);
      expectRefused(r, 1, `net ${args.join(' ')}`, /named pipe/);
    }
    expect(fs.readdirSync(j.dir)).toEqual(['fifo.db']);
    const dev = runNetWithDb('/dev/zero', ['list']);
    expectRefused(dev, 1, 'NET_DB=/dev/zero net list', /is a device, not a journal file/);
    expect(fs.existsSync('/dev/zero-journal')).toBe(false);
  });
});

function runNetWithDb(db: string, args: string[]): Result {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: baseEnv(db), input: '', encoding: 'utf8', timeout: 15_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: 0 };
}

// ---------------------------------------------------------------------------------------
// Crashes

describe('K1, K2: dates and numbers are bounded', () => {
  it('far-future dates are refused on input (exit 2, naming the flag or variable), and the journal keeps working', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', '--every', '30d');
    for (const [args, flag] of [
      [['promise', 'Dana', 'send the deck', '--by', '9999-12-31'], '--by'],
      [['log', 'Dana', 'coffee', '--on', '9999-12-29'], '--on'],
      [['add', 'Sam', '--on', '1899-12-31'], '--on'],
      [['snooze', 'c1', '9999y'], 'snooze date'],
    ] as const) {
      const r = j.net(...args);
      expectRefused(r, 2, `net ${args.join(' ')}`, new RegExp(flag), /1900-01-01 to 2999-12-31/);
    }
    const today = j.netWith({ env: { NET_TODAY: '9999-12-28' } }, 'due');
    expectRefused(today, 2, 'NET_TODAY=9999-12-28 net due', /NET_TODAY="9999-12-28"/);
    for (const args of [['due'], ['report'], ['show', 'Dana']]) expect(j.net(...args).code).toBe(0);
  });

  it('a journal already holding the largest dates (written before the bound) still answers due, report, show and export', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', '--every', '30d');
    j.ok('promise', 'Dana', 'send the deck', '--by', '2026-10-10');
    j.ok('log', 'Dana', 'coffee', '--on', '2026-09-30');
    const db = new Database(j.db);
    behindNetsBack(db, () => {
      db.prepare("UPDATE contacts SET met_on = '9999-12-31', snoozed_until = '9999-12-30'").run();
      db.prepare("UPDATE promises SET by_date = '9999-12-31', made_on = '9999-12-29'").run();
      db.prepare("UPDATE interactions SET on_date = '9999-12-29'").run();
    });
    db.close();
    for (const today of [TODAY, '2999-12-31']) {
      for (const args of [['due'], ['due', '--all'], ['report'], ['report', '--format', 'json'], ['show', 'Dana'], ['list'], ['export']]) {
        const r = j.netWith({ env: { NET_TODAY: today } }, ...args);
        expect(r.code, `NET_TODAY=${today} net ${args.join(' ')}: ${r.stderr}`).toBe(0);
        expect(r.stderr).not.toMatch(/unexpected/);
      }
    }
  });

  it('a backup with dates beyond the bound or huge numbers is refused, naming the record, and nothing is imported', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield');
    const exported = JSON.parse(j.ok('export').stdout) as { contacts: Array<Record<string, unknown>>; promises: unknown[] };
    const base = { ...exported, contacts: [{ ...exported.contacts[0], uuid: '11111111-1111-4111-8111-111111111111', name: 'Sam Ortiz' }] };
    const cases: Array<[string, unknown]> = [
      ['met_on', '9999-12-31'],
      ['met_on', '0001-01-01'],
      ['cadence_days', 1e21],
      ['cadence_days', 99999 * 365],
    ];
    for (const [key, value] of cases) {
      const file = path.join(j.dir, `bad-${key}.json`);
      fs.writeFileSync(file, JSON.stringify({ ...base, contacts: [{ ...base.contacts[0], [key]: value }] }));
      const r = j.net('import', file);
      expectRefused(r, 2, `import ${key}=${value}`, new RegExp(`"${key}"`), /Sam Ortiz|contacts\[0\]/);
    }
    const promise = path.join(j.dir, 'bad-nudges.json');
    fs.writeFileSync(
      promise,
      JSON.stringify({
        ...base,
        promises: [{ uuid: '22222222-2222-4222-8222-222222222222', contact: base.contacts[0]?.uuid, what: 'intro', direction: 'mine', made_on: '2026-09-01', status: 'open', nudges: 1e300 }],
      }),
    );
    expectRefused(j.net('import', promise), 2, 'import nudges=1e300', /"nudges"/);
    expect(j.json<unknown[]>('list', '--json')).toHaveLength(1);
  });

  it('cadences beyond 10 years are refused (exit 2) wherever they are typed', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield');
    for (const args of [['edit', 'Dana', '--every', '99999y'], ['add', 'Sam', '--every', '11y'], ['import', path.join(ROOT, 'test', 'fixtures', 'apple.vcf'), '--every', '3651d']]) {
      expectRefused(j.net(...args), 2, `net ${args.join(' ')}`, /--every/, /10 years/);
    }
    j.ok('edit', 'Dana', '--every', '10y');
    expect(j.json<ShowJson>('show', 'Dana', '--json').cadence_days).toBe(3650);
  });
});

describe('K3: calendar dates do not depend on the time zone', () => {
  it('in Pacific/Apia on the day Samoa skipped (2011-12-30), add, log, due, export and re-import all work', () => {
    const env = { TZ: 'Pacific/Apia', NET_TODAY: '2011-12-30' };
    const j = tempJournal({ today: '2011-12-30' });
    const net = (...args: string[]) => j.netWith({ env }, ...args);
    for (const args of [
      ['add', 'Dana Whitfield', '--on', 'today', '--every', '30d'],
      ['log', 'Dana', 'coffee', '--on', '2011-12-30'],
      ['promise', 'Dana', 'send the deck', '--by', 'tomorrow'],
      ['due'],
      ['report'],
      ['show', 'Dana'],
    ]) {
      const r = net(...args);
      expect(r.code, `net ${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const backup = path.join(j.dir, 'backup.json');
    expect(net('export', '-o', backup).code).toBe(0);
    const restored = tempJournal({ today: '2011-12-30' });
    const r = restored.netWith({ env }, 'import', backup);
    expect(r.code, r.stderr).toBe(0);
    const show = JSON.parse(restored.netWith({ env }, 'show', 'Dana', '--json').stdout) as ShowJson;
    expect(show.met_on).toBe('2011-12-30');
    expect(show.interactions[0]?.on).toBe('2011-12-30');
    expect(show.promises[0]?.by).toBe('2011-12-31');
  });
});

// ---------------------------------------------------------------------------------------
// Messages

describe('B12: search words are capped', () => {
  it('200 repeated words answer at once; more than 12 different words are refused (exit 2)', () => {
    const j = tempJournal();
    const csv = path.join(j.dir, 'c.csv');
    fs.writeFileSync(csv, linkedinCsv(3000));
    j.ok('import', csv);
    const repeated = j.net('find', Array.from({ length: 200 }, () => 'person').join(' '));
    expect(repeated.code, repeated.stderr).toBe(0);
    expect(repeated.stdout).toMatch(/Person1/);
    const many = Array.from({ length: 13 }, (_, i) => `w${i}`);
    expectRefused(j.net('find', many.join(' ')), 2, 'net find 13 words', /13 different words/, /at most 12/);
    expect(j.net('find', many.slice(0, 12).join(' ')).code).toBe(0);
  });
});

describe('B10: mixed journal modes wait for each other', () => {
  it('NET_JOURNAL_MODE=delete commands wait while another process has the journal open in WAL mode, then succeed', async () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield');
    const other = new Database(j.db);
    other.pragma('busy_timeout = 15000');
    other.prepare('SELECT count(*) FROM contacts').get();
    const runs = [startNet(j.db, ['add', 'Sam Ortiz'], { NET_JOURNAL_MODE: 'delete' }).done, startNet(j.db, ['list'], { NET_JOURNAL_MODE: 'delete' }).done];
    await new Promise((r) => setTimeout(r, 1500));
    other.close();
    for (const r of await Promise.all(runs)) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/busy/);
    }
    const mode = new Database(j.db, { readonly: true });
    expect(mode.pragma('journal_mode', { simple: true })).toBe('delete');
    mode.close();
    expect(j.json<unknown[]>('list', '--json')).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------------------
// Security: completion and raw control characters

describe('S1: shell completion never runs what a contact name holds', () => {
  const HOSTILE = ['Recruiter $(touch INJECTED1)', 'Back`touch INJECTED2`tick', `Quote ' " \\ end; touch INJECTED3`, 'Dollar ${IFS}touch${IFS}INJECTED4', 'Dana Whitfield'];

  /** A folder with `net-journal` (this net) and a `net` that is someone else's tool, first on PATH. */
  function shellSetup() {
    const j = tempJournal();
    for (const name of HOSTILE) j.ok('add', name);
    const bin = path.join(j.dir, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'net-journal'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(bin, 'net'), `#!/bin/sh\ntouch "${path.join(j.dir, 'OTHER_NET_CALLED')}"\n`, { mode: 0o755 });
    const work = path.join(j.dir, 'work');
    fs.mkdirSync(work);
    const env = { ...baseEnv(j.db), PATH: `${bin}:${process.env.PATH ?? ''}` };
    const shell = (cmd: string, args: string[]) => {
      const r = spawnSync(cmd, args, { cwd: work, env, encoding: 'utf8', timeout: 20_000 });
      if (r.error) throw r.error;
      return r;
    };
    const untouched = () => {
      expect(fs.readdirSync(work), 'a name ran a command').toEqual([]);
      expect(fs.existsSync(path.join(j.dir, 'OTHER_NET_CALLED')), "the other program called net was asked for names").toBe(false);
    };
    return { shell, untouched };
  }

  it('bash: every name is offered as one correctly quoted word, and nothing runs', () => {
    const { shell, untouched } = shellSetup();
    const script = `source <(net-journal completion bash)
COMP_WORDS=(net-journal show ""); COMP_CWORD=2
_net_complete net-journal "" show
for w in "\${COMPREPLY[@]}"; do eval "printf '%s\\n' $w"; done
COMP_WORDS=(net-journal show Rec); COMP_CWORD=2
_net_complete net-journal Rec show
echo "prefix:\${#COMPREPLY[@]}"`;
    const r = shell('bash', ['-c', script]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(0, -1).sort()).toEqual([...HOSTILE].sort());
    expect(lines.at(-1)).toBe('prefix:1');
    untouched();
  });

  it('zsh: names reach compadd as they are, and nothing runs', () => {
    const { shell, untouched } = shellSetup();
    const script = `compdef() { :; }; _describe() { :; }
compadd() { shift; print -rl -- "$@"; }
source <(net-journal completion zsh)
words=(net-journal show ""); CURRENT=3
_net`;
    const r = shell('zsh', ['-f', '-c', script]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n').sort()).toEqual([...HOSTILE].sort());
    untouched();
  });

  it('fish: complete offers the names as they are, for net-journal as for net, and nothing runs', () => {
    const { shell, untouched } = shellSetup();
    const r = shell('fish', ['--no-config', '-c', 'net-journal completion fish | source; complete -C "net-journal show "; complete -C "net-journal show Rec"']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(0, HOSTILE.length).sort()).toEqual([...HOSTILE].sort());
    expect(lines.slice(HOSTILE.length)).toEqual(['Recruiter $(touch INJECTED1)']);
    untouched();
  });
});

describe('S4: exports and JSON never pass raw control characters to a terminal', () => {
  const EVIL = 'Eve \x1b]0;pwned\x07\x1b[31mRed\u009b2J\u202eevil\u200f';

  it('--json escapes C0, C1 and bidi controls as \\u sequences, and the text reads back exact', () => {
    const j = tempJournal();
    j.ok('add', EVIL, '--note', `note \u009b31m \u2066x\u2069`);
    for (const args of [['list', '--json'], ['show', '1', '--json'], ['export'], ['find', 'Eve', '--json'], ['report', '--format', 'json']]) {
      const r = j.ok(...args);
      expect(r.stdout, `net ${args.join(' ')}`).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
      expect(r.stdout).toContain('\\u009b');
    }
    expect(j.json<ShowJson>('show', '1', '--json').name).toBe(EVIL);
    expect(JSON.parse(j.ok('export').stdout).contacts[0].name).toBe(EVIL);
  });

  it('export --format csv and vcard on a terminal show control characters as text; piped they are exact', () => {
    const j = tempJournal();
    j.ok('add', EVIL, '--company', 'Acme\x1b[2J');
    for (const format of ['csv', 'vcard']) {
      const tty = spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" export --format ${format}`, '/dev/null'], {
        cwd: ROOT,
        env: baseEnv(j.db),
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(tty.status, tty.stderr).toBe(0);
      const shown = tty.stdout.replace(/\r\n/g, '\n');
      expect(shown, format).toMatch(/Eve \\x1b\]0\\?;pwned\\x07\\x1b\[31mRed\\x9b2J\\u202eevil\\u200f/);
      expect(shown, format).not.toMatch(/[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200f]/);
      expect(j.ok('export', '--format', format).stdout).toMatch(/\x1b\]0\\?;pwned\x07/);
    }
  });
});

// ---------------------------------------------------------------------------------------
// Messages

/** Runs a command in process on a pretend terminal with the given prompter. */
async function onTerminal(j: TempJournal, argv: string[], prompter: Partial<Prompter>) {
  const io = memoryIO({ tty: true });
  const full: Prompter = {
    input: async () => {
      throw new Error('unexpected input');
    },
    select: async () => {
      throw new Error('unexpected select');
    },
    confirm: async () => {
      throw new Error('unexpected confirm');
    },
    ...prompter,
  };
  const code = await run(argv, { io, env: { NET_DB: j.db, NET_TODAY: j.today }, now: new Date(), version: 'test', prompter: async () => full });
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('B1: a contact removed by another command meanwhile is named', () => {
  it('log: the contact picked from a list is removed before the write; the error says who, and nothing is written', async () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield');
    j.ok('add', 'Dana Brown');
    const r = await onTerminal(j, ['log', 'Dana', 'coffee'], {
      select: async <T>(_m: string, choices: Array<{ name: string; value: T }>) => {
        const pick = choices.find((c) => c.name.includes('Whitfield'));
        expect(runNetWithDb(j.db, ['rm', 'Dana Whitfield', '--yes']).code).toBe(0);
        return pick?.value as T;
      },
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Dana Whitfield \(#1\) was removed by another net command while this one ran; nothing was changed/);
    expect(r.err).not.toMatch(/FOREIGN KEY|unexpected/);
    expect(j.json<Array<{ name: string }>>('list', '--json').map((c) => c.name)).toEqual(['Dana Brown']);
  });

  it('merge: the duplicate is removed while the confirmation is asked; the error says who', async () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield');
    j.ok('add', 'Dana W');
    const r = await onTerminal(j, ['merge', 'Dana Whitfield', 'Dana W'], {
      confirm: async () => {
        expect(runNetWithDb(j.db, ['rm', 'Dana W', '--yes']).code).toBe(0);
        return true;
      },
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Dana W \(#2\) was removed by another net command/);
  });
});

describe('B6: an export to a closed stdout is an error', () => {
  it('net export >&- exits 1 with a sentence, while > /dev/null is fine', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield');
    const sh = (redirect: string) =>
      spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" export ${redirect}; echo "status=$?" >&2`], { cwd: ROOT, env: baseEnv(j.db), encoding: 'utf8' });
    const closed = sh('>&-');
    expect(closed.stderr).toMatch(/Standard output is closed/);
    expect(closed.stderr).toContain('status=1');
    for (const cmd of ['report', 'calendar']) {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" ${cmd} >&-; echo "status=$?" >&2`], { cwd: ROOT, env: baseEnv(j.db), encoding: 'utf8' });
      expect(r.stderr, cmd).toContain('status=1');
    }
    expect(sh('> /dev/null').stderr).toContain('status=0');
    const toFile = path.join(j.dir, 'x.json');
    expect(spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" export -o "${toFile}" >&-; echo "status=$?" >&2`], { cwd: ROOT, env: baseEnv(j.db), encoding: 'utf8' }).stderr).toContain('status=0');
  });

  it('net export | head: a reader that stops early ends the export quietly, exit 0, as net list | head does', () => {
    const j = tempJournal();
    // More than a pipe holds, so that the export is still reading the journal when the reader goes.
    const note = 'Met at the data meetup; interested in platform roles. '.repeat(20);
    const backup = path.join(j.dir, 'big.json');
    const contacts = Array.from({ length: 600 }, (_, i) => ({ uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Person ${i}`, notes: note }));
    fs.writeFileSync(backup, JSON.stringify({ format: 'net-journal', version: 1, exported_at: '2026-04-14T10:00:00.000Z', contacts, interactions: [], leads: [], promises: [], needs: [] }));
    j.ok('import', backup);
    for (const cmd of ['export', 'export --format csv', 'list']) {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" ${cmd} | head -c 5 > /dev/null; echo "status=\${PIPESTATUS[0]}" >&2`], { cwd: ROOT, env: baseEnv(j.db), encoding: 'utf8' });
      expect(r.stderr, cmd).toBe('status=0\n');
    }
  });
});

// ---------------------------------------------------------------------------------------
// Install on npm 12

describe('install on npm 12: install scripts allowed exactly where needed', () => {
  it('allowScripts covers every dependency with an install script, and allows only better-sqlite3 (it builds the SQLite addon)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([k]) => k.replace(/^.*node_modules\//, ''))
      .sort();
    expect(Object.keys(pkg.allowScripts ?? {}).sort()).toEqual(withScripts);
    expect(pkg.allowScripts).toEqual({ 'better-sqlite3': true, esbuild: false });
  });

  it('a better-sqlite3 installed without its addon: the first command and net doctor say how to install it', () => {
    // net as npm 12 lays it out when better-sqlite3's install script did not run: the
    // package is there, its compiled addon is not.
    const dir = fs.mkdtempSync(path.join(ROOT, 'dist', 'no-addon-'));
    try {
      const sqlite = path.join(dir, 'node_modules', 'better-sqlite3');
      fs.mkdirSync(sqlite, { recursive: true });
      fs.copyFileSync(path.join(ROOT, 'node_modules', 'better-sqlite3', 'package.json'), path.join(sqlite, 'package.json'));
      const built = spawnSync(process.execPath, ['scripts/build.mjs'], {
        cwd: ROOT,
        env: { ...process.env, NET_BUILD_OUTFILE: path.join(dir, 'dist', 'net.cjs'), NET_BUILD_SQLITE_ADDON: '../node_modules/better-sqlite3/build/Release/better_sqlite3.node' },
        encoding: 'utf8',
      });
      expect(built.status, built.stderr).toBe(0);
      const j = tempJournal();
      for (const args of [['due'], ['doctor'], ['add', 'Dana']]) {
        const s = spawnSync(process.execPath, [path.join(dir, 'dist', 'net.cjs'), ...args], { cwd: dir, env: baseEnv(j.db), encoding: 'utf8' });
        const r = { code: s.status, stdout: s.stdout, stderr: s.stderr, ms: 0 };
        expectRefused(r, 1, `net ${args.join(' ')}`, /SQLite's compiled module is missing/, /npm install -g --allow-scripts=better-sqlite3 net-journal/, /npm ci/);
      }
      expect(fs.existsSync(j.db)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('K1: a stored date that is not a calendar date is named', () => {
  it('due and show say what is wrong instead of "something unexpected", and doctor names the records', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', '--every', '30d');
    j.ok('promise', 'Dana', 'send the deck', '--by', '2026-10-10');
    const db = new Database(j.db);
    behindNetsBack(db, () => {
      db.prepare("UPDATE promises SET by_date = '2026-02-30'").run();
      db.prepare("UPDATE contacts SET met_on = 'soon'").run();
    });
    db.close();
    for (const args of [['due'], ['show', 'Dana']]) {
      expectRefused(j.net(...args), 1, `net ${args.join(' ')}`, /holds the date "2026-02-30", which is not a calendar date/, /net doctor/);
    }
    const doctor = j.net('doctor');
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/Dates +2 not a calendar date: c1 met_on "soon"; p1 by_date "2026-02-30"/);
  });
});
