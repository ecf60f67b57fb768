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
import { MIGRATIONS, migrate } from '../../src/store/migrations/index.js';
import { BIN, ROOT, type Result, STACK_LINE, type ShowJson, TODAY, type TempJournal, UNSAFE_CHARS, baseEnv, cleanupJournals, sha256, tempJournal } from './helpers.js';

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

describe('D5, B11: pre-upgrade backups', () => {
  /** A journal at the schema before the latest, with a contact in it. */
  function oldJournal(j: TempJournal): number {
    const previous = MIGRATIONS.length - 1;
    const db = new Database(j.db);
    migrate(db, previous);
    db.prepare(`INSERT INTO contacts (uuid, name, name_key, tags, created_at) VALUES ('00000000-0000-4000-8000-000000000001', 'Dana Whitfield', 'dana whitfield', '[]', '2026-01-01T00:00:00.000Z')`).run();
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
