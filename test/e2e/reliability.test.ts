// Reliability, end to end (issue 5): the real binary under concurrent use, SIGKILL during a
// long import, damaged and foreign files, a full disk, hostile text wherever it enters, huge
// inputs, synced folders, and the privacy of every file net writes. Figures (writers, kill
// points, input sizes, times, peak memory) are printed with console.log for the README.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse as parseCsv } from 'csv-parse/sync';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ANSI,
  BIN,
  type ContactJson,
  type DueJson,
  ROOT,
  type Result,
  STACK_LINE,
  type ShowJson,
  TODAY,
  type TempJournal,
  UNSAFE_CHARS,
  baseEnv,
  cleanupJournals,
  runNet,
  sha256,
  tempJournal,
} from './helpers.js';

afterAll(cleanupJournals);

// ---------------------------------------------------------------------------------------
// Helpers

interface Started {
  child: ChildProcess;
  done: Promise<Result & { signal: NodeJS.Signals | null }>;
}

/** Starts `net ...args` without waiting for it (stdin closed, no terminal). */
function startNet(db: string, args: readonly string[], env: Record<string, string | undefined> = {}): Started {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: baseEnv(db, TODAY, env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<Result & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - started }));
  });
  return { child, done };
}

const runAsync = (db: string, args: readonly string[], env: Record<string, string | undefined> = {}) => startNet(db, args, env).done;

/** Runs net with a large output buffer (the helpers' runNet keeps spawnSync's 1 MB limit). */
function runBig(db: string, args: readonly string[], opts: { env?: Record<string, string | undefined>; timeout?: number } = {}): Result {
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: baseEnv(db, TODAY, opts.env ?? {}),
    input: '',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: opts.timeout ?? 120_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
}

const TIME_BIN = '/usr/bin/time';
const HAVE_TIME = fs.existsSync(TIME_BIN) && spawnSync(TIME_BIN, ['-f', '%M', 'true']).status === 0;

/** Runs net under /usr/bin/time and returns its peak RSS in MB (null when time is missing). */
function runMeasured(db: string, args: readonly string[], timeout = 120_000, extra: Record<string, string | undefined> = {}): Result & { rssMb: number | null } {
  if (!HAVE_TIME) return { ...runBig(db, args, { timeout, env: extra }), rssMb: null };
  const out = path.join(os.tmpdir(), `net-rss-${process.pid}-${randomInt(1e9)}.txt`);
  const started = performance.now();
  const r = spawnSync(TIME_BIN, ['-f', '%M', '-o', out, process.execPath, BIN, ...args], {
    cwd: ROOT,
    env: baseEnv(db, TODAY, extra),
    input: '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout,
  });
  if (r.error) throw r.error;
  const ms = performance.now() - started;
  const kb = Number(fs.readFileSync(out, 'utf8').trim().split('\n').pop());
  fs.rmSync(out, { force: true });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms, rssMb: Number.isFinite(kb) ? Math.round(kb / 1024) : null };
}

/** Contact count from `net doctor` (cheap even for 100,000 contacts, unlike list --json). */
function doctorCounts(j: TempJournal): { code: number | null; contacts: number; out: Result } {
  const r = j.net('doctor');
  const m = /(\d+) contacts/.exec(r.stdout);
  return { code: r.code, contacts: m ? Number(m[1]) : -1, out: r };
}

/** A LinkedIn Connections.csv with `n` rows, optionally with the `Notes:` preamble. */
function linkedinCsv(n: number, prefix = 'Person'): string {
  const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < n; i++) {
    lines.push(`${prefix}${i},Surname${i},https://www.linkedin.com/in/${prefix.toLowerCase()}-${i},${prefix.toLowerCase()}${i}@example.com,"Company ${i % 700}, Inc.",Engineer ${i % 13},12 Mar 2024`);
  }
  return `${lines.join('\n')}\n`;
}

const mode = (p: string) => (fs.statSync(p).mode & 0o777).toString(8).padStart(4, '0');

/** Files beside `dir` left by an interrupted atomic write. */
const tmpLeftovers = (dir: string) => fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));

function expectClean(r: Result, label: string): void {
  expect(r.stdout, `${label}: stdout has a raw control character`).not.toMatch(UNSAFE_CHARS);
  expect(r.stderr, `${label}: stderr has a raw control character`).not.toMatch(UNSAFE_CHARS);
  expect(r.stdout, `${label}: stdout has colour`).not.toMatch(ANSI);
  expect(r.stderr, `${label}: stderr has a stack trace`).not.toMatch(STACK_LINE);
}

/** A failure the contract asks for: the exit code, one clear sentence saying what to do, no stack. */
function expectRefusal(r: Result, code: number, label: string, ...mentions: RegExp[]): void {
  expect(r.code, `${label}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(code);
  expect(r.stderr, label).not.toMatch(STACK_LINE);
  expect(r.stderr.trim().length, `${label}: nothing on stderr`).toBeGreaterThan(20);
  expect(r.stderr, `${label}: no advice`).toMatch(/\b(choose|update|restore|run|check|point|free|fix|give|try)\b/i);
  expect(r.stderr, label).not.toMatch(UNSAFE_CHARS);
  // Paths are taken out so that a folder's name cannot satisfy a check on the wording.
  const words = r.stderr.replace(/(^|\s)\/\S+/g, '$1<path>');
  for (const m of mentions) expect(words, label).toMatch(m);
}

const IS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

/** Runs net as an ordinary user (uid `nobody`) when the tests run as root, who ignores permissions. */
function runAsUser(db: string, args: readonly string[]): Result {
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...baseEnv(db), HOME: '/nonexistent' },
    input: '',
    encoding: 'utf8',
    timeout: 15_000,
    ...(IS_ROOT ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
}

/** Whether a child can run as `nobody` here (needed to test permissions when we are root). */
const CAN_DROP_ROOT =
  IS_ROOT && spawnSync(process.execPath, ['-e', 'process.exit(process.getuid() === 65534 ? 0 : 1)'], { uid: NOBODY, gid: NOBODY }).status === 0;

// ---------------------------------------------------------------------------------------
// 1. Concurrent use

describe('concurrent use', () => {
  it('4 processes each adding 15 contacts at once, on a journal that does not exist yet: all exit 0, none locked, all 60 there', async () => {
    const j = tempJournal({ file: 'data/net/net.db' });
    const WRITERS = 4;
    const EACH = 15;
    const started = performance.now();
    let writing = true;
    // A cron-style export running beside the writers, like a backup job would.
    const exporter = (async () => {
      const runs: Result[] = [];
      while (writing) runs.push(await runAsync(j.db, ['export', '-o', path.join(j.dir, `cron-${runs.length % 2}.json`)]));
      return runs;
    })();
    const writer = async (w: number) => {
      const results: Result[] = [];
      for (let k = 0; k < EACH; k++) results.push(await runAsync(j.db, ['add', `Writer ${w} Contact ${k}`, '--company', `Company ${w}`]));
      return results;
    };
    const all = (await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)))).flat();
    writing = false;
    const exports = await exporter;
    const ms = Math.round(performance.now() - started);
    for (const r of [...all, ...exports]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/locked|busy/i);
    }
    const names = j.json<ContactJson[]>('list', '--json').map((c) => c.name).sort();
    const expected = Array.from({ length: WRITERS * EACH }, (_, n) => `Writer ${Math.floor(n / EACH)} Contact ${n % EACH}`).sort();
    expect(names).toEqual(expected);
    expect(j.net('doctor').code).toBe(0);
    const slowest = Math.round(Math.max(...all.map((r) => r.ms)));
    console.log(`[concurrency] ${WRITERS} writers x ${EACH} adds (+${exports.length} concurrent exports): ${all.length} processes, all exit 0, ${names.length} contacts, ${ms} ms total, slowest add ${slowest} ms`);
  }, 120_000);

  it('net due and net list answer while a 20,000-row LinkedIn import is running', async () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', '--met', 'coffee', '--on', '2026-09-01', '--promise', 'send notes');
    const csv = path.join(j.dir, 'connections.csv');
    fs.writeFileSync(csv, linkedinCsv(20_000));
    const imp = startNet(j.db, ['import', csv]);
    let importRunning = true;
    const importDone = imp.done.then((r) => {
      importRunning = false;
      return r;
    });
    const readers: Array<{ cmd: string; r: Result; whileImporting: boolean }> = [];
    const loop = async (args: string[]) => {
      while (importRunning) {
        const r = await runAsync(j.db, args);
        readers.push({ cmd: args.join(' '), r, whileImporting: importRunning && imp.child.exitCode === null && imp.child.signalCode === null });
      }
    };
    await Promise.all([loop(['due']), loop(['list']), loop(['due', '--json'])]);
    const result = await importDone;
    expect(result.code, result.stderr).toBe(0);
    for (const { cmd, r } of readers) {
      expect(r.code, `${cmd}: ${r.stderr}`).toBe(0);
      expect(r.stderr, cmd).not.toMatch(/locked|busy/i);
      if (cmd === 'due') expect(r.stdout).toContain('Dana Whitfield');
    }
    const during = readers.filter((x) => x.whileImporting);
    // The readers start with the import; the first ones finish long before 20,000 rows are in.
    expect(during.length, `no reader finished while the import (${Math.round(result.ms)} ms) was running`).toBeGreaterThan(0);
    expect(doctorCounts(j).contacts).toBe(20_001);
    const slowest = Math.round(Math.max(...during.map((x) => x.r.ms)));
    console.log(`[concurrency] 20,000-row import took ${Math.round(result.ms)} ms; ${readers.length} reads (due, list, due --json), ${during.length} answered (exit 0) while it ran, slowest ${slowest} ms`);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------
// 2. Crashes

describe('SIGKILL during a 20,000-row import', () => {
  const ROWS = 20_000;
  const PRE = 3;
  let seed: TempJournal;
  let csv: string;

  beforeAll(() => {
    seed = tempJournal();
    seed.ok('add', 'Pre One', '--met', 'coffee', '--need', 'a designer');
    seed.ok('add', 'Pre Two', '--company', 'Acme');
    seed.ok('add', 'Pre Three', '--lead', 'talk to Sam');
    csv = path.join(seed.dir, 'connections.csv');
    fs.writeFileSync(csv, linkedinCsv(ROWS));
  });

  function fresh(): TempJournal {
    const j = tempJournal({ from: seed.db });
    fs.chmodSync(j.db, 0o600);
    return j;
  }

  it('leaves none or all of the import at every kill point, and net doctor passes', async () => {
    // How long a whole import takes here, so that some kill points land in its write phase.
    const full = fresh();
    const whole = await runAsync(full.db, ['import', csv]);
    expect(whole.code, whole.stderr).toBe(0);
    expect(doctorCounts(full).contacts).toBe(PRE + ROWS);
    const T = Math.round(whole.ms);
    // Timed kills (the import keeps its transaction in memory until it commits), plus kills
    // triggered by the commit itself: as soon as the write-ahead log starts to grow, and once
    // it holds 2 MB of the ~7 MB the commit writes.
    const timed = [50, 150, 300, 600, ...[0.5, 0.75, 0.9, 1, 1.1].map((f) => Math.round(T * f)), randomInt(20, Math.max(T, 40))];
    const points: Array<{ label: string; at?: number; walBytes?: number }> = [
      ...timed.map((at) => ({ label: `${at} ms`, at })),
      { label: 'WAL > 0 (commit started)', walBytes: 1 },
      { label: 'WAL > 2 MB (mid-commit)', walBytes: 2 * 1024 * 1024 },
    ];
    const outcomes: string[] = [];
    let killedAfterStart = 0;
    for (const point of points) {
      const j = fresh();
      const before = sha256(j.db);
      const wal = `${j.db}-wal`;
      const walSize = () => (fs.existsSync(wal) ? fs.statSync(wal).size : 0);
      const run = startNet(j.db, ['import', csv]);
      let walAtKill = 0;
      const kill = () => {
        // How much had reached the write-ahead log when the process died.
        walAtKill = walSize();
        run.child.kill('SIGKILL');
      };
      const timer =
        point.at !== undefined
          ? setTimeout(kill, point.at)
          : setInterval(() => {
              if (walSize() >= (point.walBytes ?? 1)) kill();
            }, 1);
      const r = await run.done;
      clearTimeout(timer);
      clearInterval(timer);
      const killed = r.signal === 'SIGKILL';
      if (killed) killedAfterStart++;
      else expect(r.code, r.stderr).toBe(0);
      const doctor = doctorCounts(j);
      expect(doctor.code, `net doctor after a kill at ${point.label}:\n${doctor.out.stdout}\n${doctor.out.stderr}`).toBe(0);
      expect(doctor.out.stdout).toContain('All good.');
      expect([PRE, PRE + ROWS], `kill at ${point.label} left ${doctor.contacts} contacts`).toContain(doctor.contacts);
      if (doctor.contacts === PRE) {
        // Nothing of the import: the pre-existing records are intact too.
        const names = j.json<ContactJson[]>('list', '--json').map((c) => c.name).sort();
        expect(names).toEqual(['Pre One', 'Pre Three', 'Pre Two']);
      }
      outcomes.push(
        `${point.label}: ${killed ? `killed (WAL ${Math.round(walAtKill / 1024)} KB)` : 'finished first'}, ${doctor.contacts === PRE ? 'none' : 'all'} of the import${sha256(j.db) === before && doctor.contacts === PRE ? ', file unchanged' : ''}`,
      );
      // Importing again after the crash completes it without duplicates.
      if (point === points[points.length - 1]) {
        const again = runBig(j.db, ['import', csv]);
        expect(again.code, again.stderr).toBe(0);
        expect(doctorCounts(j).contacts).toBe(PRE + ROWS);
      }
      j.cleanup();
    }
    full.cleanup();
    expect(killedAfterStart, 'no kill point landed before the import finished').toBeGreaterThan(2);
    console.log(`[crash] uninterrupted 20,000-row import: ${T} ms; kill points: ${outcomes.join('; ')}`);
  }, 120_000);

  it('killed the moment it prints success (while it closes the journal), the whole import is on disk', async () => {
    const j = fresh();
    const run = startNet(j.db, ['import', csv]);
    let printed = '';
    run.child.stdout?.once('data', (d: Buffer | string) => {
      printed = String(d);
      run.child.kill('SIGKILL');
    });
    const r = await run.done;
    expect(printed).toMatch(/Imported .*20000 contacts added/);
    const doctor = doctorCounts(j);
    expect(doctor.code, doctor.out.stdout + doctor.out.stderr).toBe(0);
    expect(doctor.contacts).toBe(PRE + ROWS);
    console.log(`[crash] killed on its success message: ${r.signal === 'SIGKILL' ? 'killed before exiting' : `had already exited ${r.code}`}; all ${ROWS} rows present`);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------
// 3. Bad files

describe('bad files: exit 1, what to do, and the file byte-for-byte unchanged', () => {
  /** Runs commands on a broken journal and checks each one refuses without touching it. */
  function expectUntouched(j: TempJournal, cmds: string[][], ...mentions: RegExp[]) {
    const before = j.snapshot();
    for (const args of cmds) {
      const r = j.net(...args);
      expectRefusal(r, 1, `net ${args.join(' ')}`, ...mentions);
      expect(j.snapshot(), `net ${args.join(' ')} changed the file or left files beside it`).toEqual(before);
    }
  }

  it('a damaged journal (random bytes over pages in the middle of a journal of 300+ contacts)', () => {
    const j = tempJournal();
    const csv = path.join(j.dir, 'c.csv');
    fs.writeFileSync(csv, linkedinCsv(300));
    j.ok('import', csv);
    fs.rmSync(csv);
    for (let i = 0; i < 5; i++) j.ok('add', `Noted ${i}`, '--note', 'x'.repeat(2000), '--met', 'coffee', '--need', 'a job');
    const buf = fs.readFileSync(j.db);
    const PAGE = 4096;
    const pages = buf.length / PAGE;
    let s = 20261001;
    const rnd = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    const from = Math.floor(pages / 3);
    const to = Math.floor((2 * pages) / 3);
    for (let p = from; p < to; p++) for (let i = 0; i < PAGE; i++) buf[p * PAGE + i] = rnd();
    fs.writeFileSync(j.db, buf);
    console.log(`[bad files] damaged journal: ${pages} pages of ${PAGE} bytes, pages ${from}-${to - 1} overwritten`);
    expectUntouched(j, [['list'], ['add', 'New Person'], ['due'], ['show', '1'], ['find', 'Noted'], ['export'], ['doctor']], /damaged/i);
  });

  it('a file that is not a database', () => {
    const j = tempJournal();
    fs.writeFileSync(j.db, `My networking notes\n${'Met Dana at the meetup, follow up next week.\n'.repeat(100)}`, { mode: 0o600 });
    expectUntouched(j, [['list'], ['add', 'New Person'], ['due'], ['doctor'], ['import', path.join(ROOT, 'test', 'fixtures', 'apple.vcf')]], /not a net journal|not a SQLite/i);
  });

  it('a journal written by a newer version of net', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', '--met', 'coffee');
    const db = new Database(j.db);
    db.pragma('user_version = 99');
    db.close();
    expect(fs.existsSync(`${j.db}-wal`)).toBe(false);
    expectUntouched(j, [['list'], ['add', 'New Person'], ['due'], ['export'], ['doctor']], /newer version/i, /Update net/);
  });

  it('a missing parent that is a regular file (NET_DB=<file>/net.db)', () => {
    const j = tempJournal({ file: 'notes.txt/net.db' });
    const parent = path.join(j.dir, 'notes.txt');
    fs.writeFileSync(parent, 'not a folder\n', { mode: 0o600 });
    const before = sha256(parent);
    for (const args of [['add', 'Dana'], ['list'], ['doctor']]) {
      const r = j.net(...args);
      expectRefusal(r, 1, `net ${args.join(' ')}`);
      expect(sha256(parent)).toBe(before);
      expect(fs.readdirSync(j.dir)).toEqual(['notes.txt']);
    }
    expect(j.net('add', 'Dana').stderr).toMatch(/a part of the path is a file|not a folder/i);
  });

  it('a folder the user cannot write to, the journal not there yet', (ctx) => {
    ctx.skip(IS_ROOT && !CAN_DROP_ROOT, 'running as root, which ignores permissions, and a child cannot be started as uid 65534 here');
    const j = tempJournal({ file: 'locked/net.db' });
    const locked = path.join(j.dir, 'locked');
    fs.mkdirSync(locked);
    fs.chmodSync(j.dir, 0o755);
    if (IS_ROOT) fs.chownSync(locked, NOBODY, NOBODY);
    fs.chmodSync(locked, 0o500);
    try {
      for (const args of [['add', 'Dana'], ['list'], ['due']]) {
        const r = runAsUser(j.db, args);
        expectRefusal(r, 1, `net ${args.join(' ')} in a read-only folder`, /permission denied|cannot be written|read-only/i);
        expect(fs.readdirSync(locked)).toEqual([]);
      }
    } finally {
      fs.chmodSync(locked, 0o700);
    }
  });

  it('an existing journal in a read-only folder: writes refused, file unchanged', (ctx) => {
    ctx.skip(IS_ROOT && !CAN_DROP_ROOT, 'running as root, which ignores permissions, and a child cannot be started as uid 65534 here');
    const j = tempJournal({ file: 'ro/net.db' });
    j.ok('add', 'Dana Whitfield', '--met', 'coffee');
    const dir = path.dirname(j.db);
    fs.chmodSync(j.dir, 0o755);
    if (IS_ROOT) {
      fs.chownSync(dir, NOBODY, NOBODY);
      fs.chownSync(j.db, NOBODY, NOBODY);
    }
    fs.chmodSync(j.db, 0o400);
    fs.chmodSync(dir, 0o500);
    const before = sha256(j.db);
    try {
      for (const args of [['add', 'Sam'], ['log', 'Dana', 'call'], ['import', path.join(ROOT, 'test', 'fixtures', 'apple.vcf')]]) {
        const r = runAsUser(j.db, args);
        expectRefusal(r, 1, `net ${args.join(' ')} on a read-only journal`, /read-only|permission/i);
        expect(sha256(j.db)).toBe(before);
        expect(fs.readdirSync(dir)).toEqual(['net.db']);
      }
    } finally {
      fs.chmodSync(dir, 0o700);
      fs.chmodSync(j.db, 0o600);
    }
  });
});

describe('a journal that cannot be created', () => {
  // /proc holds no folders a program can make: the first open fails at the mkdir.
  it.each([['export'], ['list'], ['due'], ['due', '--json'], ['needs'], ['report'], ['find', 'x']])(
    'net %s prints nothing on stdout, only the error (exit 1)',
    (...args) => {
      const j = tempJournal();
      const r = runNet('/proc/net-journal-test/j.db', args, { env: { NET_TODAY: j.today } });
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('net: Cannot create the journal folder /proc/net-journal-test: that place cannot hold folders. Choose another place with --db or NET_DB.\n');
      expect(r.code).toBe(1);
    },
  );

  it('a failed command, or a dry run, on a journal not there yet leaves no folder or file behind', () => {
    const j = tempJournal({ file: 'a/b/net.db' });
    expect(j.net('show', 'Nobody').code).toBe(2);
    expect(j.net('add', 'Dana', '--every', 'soon').code).toBe(2);
    const csv = path.join(j.dir, 'c.csv');
    fs.writeFileSync(csv, 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Bell,,,,,12 Mar 2024\n');
    expect(j.ok('import', csv, '--dry-run').stdout).toContain('would add: Ana Bell');
    expect(fs.readdirSync(j.dir)).toEqual(['c.csv']);
  });
});

describe('typed dates far out of range', () => {
  it('net add --on 9999y and net promise --by 9999y are refused or stored as real dates; show, due, report and a restore keep working', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', '--met', 'coffee');
    const results = [
      j.net('add', 'Old Friend', '--met', 'school', '--on', '9999y'),
      j.net('promise', 'Dana', 'send my notes', '--by', '9999y'),
      j.net('log', 'Dana', 'call', '--on', '5000y'),
    ];
    for (const r of results) {
      expect([0, 2], r.stderr).toContain(r.code);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
    const dates = (c: ShowJson) => [c.met_on, ...c.promises.map((p) => p.by), ...c.interactions.map((i) => i.on)].filter((d) => d !== null);
    for (const c of j.json<ContactJson[]>('list', '--json')) {
      for (const d of dates(j.json<ShowJson>('show', String(c.id), '--json'))) expect(d, `${c.name}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    for (const args of [['due'], ['due', '--json'], ['show', 'Dana'], ['report'], ['list']]) {
      const r = j.net(...args);
      expect(r.code, `net ${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const backup = path.join(j.dir, 'backup.json');
    j.ok('export', '-o', backup);
    const restored = tempJournal();
    const r = restored.net('import', backup);
    expect(r.code, r.stderr).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------
// 3b. A full disk: a small tmpfs, when this machine lets us mount one.

const MNT_ROOT = fs.mkdtempSync(path.join(os.tmpdir(), 'net-disk-'));
const MOUNTED: string[] = [];
function mountTmpfs(name: string, sizeKb: number): string | null {
  const dir = path.join(MNT_ROOT, name);
  fs.mkdirSync(dir, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0700`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  MOUNTED.push(dir);
  return dir;
}
const CAN_MOUNT = (() => {
  const probe = mountTmpfs('probe', 64);
  if (!probe) return false;
  spawnSync('umount', [probe]);
  MOUNTED.pop();
  return true;
})();
afterAll(() => {
  for (const dir of MOUNTED.splice(0)) spawnSync('umount', [dir]);
  fs.rmSync(MNT_ROOT, { recursive: true, force: true });
});

/** Fills a file system until fewer than `leaveBytes` are free. */
function fill(dir: string, leaveBytes: number): string {
  const filler = path.join(dir, 'filler');
  const st = fs.statfsSync(dir);
  const free = st.bavail * st.bsize;
  const fd = fs.openSync(filler, 'w');
  try {
    const target = Math.max(0, free - leaveBytes);
    const chunk = Buffer.alloc(4096, 1);
    let written = 0;
    while (written < target) {
      try {
        written += fs.writeSync(fd, chunk, 0, Math.min(chunk.length, target - written));
      } catch {
        break;
      }
    }
    if (leaveBytes === 0) {
      for (;;) {
        try {
          if (fs.writeSync(fd, chunk, 0, 512) === 0) break;
        } catch {
          break;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}

describe.skipIf(!CAN_MOUNT)('a full disk (2 MB tmpfs; skipped where mount -t tmpfs is not allowed)', () => {
  function journalOn(name: string) {
    // 2 MB: the import below writes each record twice, once in its table and once in the change history.
    const mnt = mountTmpfs(name, 2048);
    if (!mnt) throw new Error('mount failed after the probe succeeded');
    const db = path.join(mnt, 'net', 'net.db');
    const j = tempJournal();
    const run = (...args: string[]) => runBig(db, args);
    for (let i = 0; i < 5; i++) expect(run('add', `Person ${i}`, '--company', 'Acme', '--met', 'coffee').code).toBe(0);
    const big = path.join(j.dir, 'big.json');
    fs.writeFileSync(
      big,
      JSON.stringify({
        format: 'net-journal',
        version: 1,
        contacts: Array.from({ length: 400 }, (_, i) => ({ uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Imported ${i}`, notes: 'n'.repeat(1000) })),
        interactions: [],
        leads: [],
        promises: [],
        needs: [],
      }),
    );
    return { mnt, db, run, big };
  }

  it('nearly full: a large import fails with "the disk is full", nothing is written, and it works once there is space', () => {
    const { mnt, db, run, big } = journalOn('nearly');
    const before = sha256(db);
    const filler = fill(mnt, 160 * 1024);
    const r = run('import', big);
    console.log(`[full disk] nearly full (160 KB free), 400-contact import: exit ${r.code}: ${r.stderr.trim()}`);
    expectRefusal(r, 1, 'import on a nearly full disk', /full/i);
    expect(sha256(db)).toBe(before);
    fs.rmSync(filler);
    const doctor = run('doctor');
    expect(doctor.code, doctor.stderr).toBe(0);
    expect(doctor.stdout).toMatch(/5 contacts/);
    expect(run('import', big).code).toBe(0);
    expect(run('doctor').stdout).toMatch(/405 contacts/);
  });

  it('completely full: net add fails with exit 1 and a sentence about the full disk, file unchanged', () => {
    const { mnt, db, run } = journalOn('nospace');
    const before = sha256(db);
    const filler = fill(mnt, 0);
    const r = run('add', 'New Person', '--met', 'coffee');
    console.log(`[full disk] completely full, net add: exit ${r.code}: ${r.stderr.trim()}`);
    expect(sha256(db)).toBe(before);
    fs.rmSync(filler);
    expect(run('list').stdout).not.toContain('New Person');
    expect(run('doctor').code).toBe(0);
    expectRefusal(r, 1, 'add on a full disk', /full|free some space/i);
  });

  it('a read-only file system (tmpfs remounted ro): exit 1, file unchanged', () => {
    const { mnt, db, run } = journalOn('rofs');
    const before = sha256(db);
    expect(spawnSync('mount', ['-o', 'remount,ro', mnt]).status).toBe(0);
    const results = [['add', 'Sam'], ['log', 'Person 1', 'call']].map((args) => ({ args, r: run(...args) }));
    for (const { args, r } of results) {
      expectRefusal(r, 1, `net ${args.join(' ')} on a read-only file system`);
      expect(sha256(db)).toBe(before);
    }
    // The sentence names the actual problem (open.ts has wording for EROFS and SQLITE_READONLY).
    for (const { args, r } of results) expect(r.stderr.replace(/(^|\s)\/\S+/g, '$1<path>'), `net ${args.join(' ')}`).toMatch(/read-only/i);
  });
});

// ---------------------------------------------------------------------------------------
// 4. Hostile text

/** Terminal escapes of every kind: CSI colour, OSC title, CR, BS, BEL, VT, FF, DEL, C1 CSI, bidi override and isolate. */
const HOSTILE = 'Eve \u001b[31mRed\u001b[0m \u001b]0;pwned\u0007 CR\rBS\b bell\u0007 vt\u000bff\u000c del\u007f C1\u009b2J \u202eevil\u202c \u2066iso\u2069 clear\u001b[2J\u001b[H';
/** The same without CR, for formats whose lines CR would break. */
const HOSTILE_LINE = HOSTILE.replace(/\r/g, '');

describe('hostile text never reaches the terminal raw', () => {
  const humanCommands = (who: string): string[][] => [
    ['list'],
    ['list', '--archived'],
    ['show', who],
    ['due'],
    ['due', '--all'],
    ['find', 'Eve'],
    ['find', 'pwned'],
    ['needs'],
    ['needs', 'Eve'],
    ['report', '--since', '2026-01-01'],
    ['report', '--since', '2026-01-01', '--graph'],
  ];

  function checkHuman(j: TempJournal, who: string) {
    for (const args of humanCommands(who)) {
      const r = j.net(...args);
      expect(r.code, `net ${args.join(' ')}: ${r.stderr}`).toBe(0);
      expectClean(r, `net ${args.join(' ')}`);
    }
    // The report stays valid markdown: every table row has its header's cell count, no HTML, no links.
    const md = j.ok('report', '--since', '2026-01-01', '--graph').stdout;
    const html = micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
    expect(html).not.toMatch(/<a\b|<img\b|<script|<iframe/i);
    for (const table of html.split('<table>').slice(1)) {
      const rows = table.split('</table>')[0]?.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
      const counts = rows.map((row) => (row.match(/<t[hd][ >]/g) ?? []).length);
      expect(new Set(counts).size, `a table row has a different number of cells: ${counts.join(',')}`).toBe(1);
    }
  }

  it('entered as arguments: list, show, due, find, needs, report and error messages are clean; JSON keeps the raw text', () => {
    const j = tempJournal();
    const H = HOSTILE;
    j.ok('add', H, '--company', H, '--role', H, '--met', H, '--on', '2026-09-01', '--tag', H, '--note', H, '--summary', H, '--need', H, '--lead', H, '--promise', H, '--expect', H, '--kind', 'coffee');
    j.ok('add', `${H} Two`, '--company', H, '--via', '1');
    j.ok('lead', '1', H, '--person', `${H} Person`, '--company', H, '--job', H);
    j.ok('log', '1', H, '--with', '2', '--kind', 'call');
    j.ok('lead', 'followed', '1', '--outcome', H);
    const added = j.net('add', `${H} Three`, '--company', H, '--need', H);
    expectClean(added, 'net add');
    checkHuman(j, '1');

    // Errors that echo names or typed text.
    const errors: Array<[string[], number]> = [
      [['show', 'Eve'], 2], // ambiguous: lists the hostile candidates
      [['log', 'Eve', 'hi'], 2],
      [['show', `zz${H}`], 2], // unknown contact, echoed
      [['add', 'X', '--on', H], 2], // bad date, echoed
      [['add', 'X', '--kind', H], 2],
      [['add', 'X', '--every', H], 2],
      [['import', path.join(j.dir, `missing${HOSTILE_LINE}.csv`)], 2],
      [['export', '--format', H], 2],
      [['done', H], 2],
    ];
    for (const [args, code] of errors) {
      const r = j.net(...args);
      expect(r.code, `net ${args.join(' ')}: ${r.stderr}`).toBe(code);
      expectClean(r, `net ${args.join(' ')}`);
    }

    // JSON keeps exactly what was typed.
    const card = j.json<ShowJson>('show', '1', '--json');
    expect(card.name).toBe(H);
    expect(card.company).toBe(H);
    expect(card.role).toBe(H);
    expect(card.met_where).toBe(H);
    expect(card.tags).toEqual([H]);
    expect(card.notes).toBe(H);
    expect(card.needs.map((n) => n.what)).toEqual([H]);
    expect(card.promises.map((p) => p.what)).toEqual([H, H]);
    expect(card.leads.map((l) => l.what)).toEqual([H, H]);
    expect(card.leads.find((l) => l.id === 1)?.outcome).toBe(H);
    expect(card.interactions.filter((i) => i.kind !== 'intro').map((i) => i.summary)).toEqual([H, H]);
    // The thank-yous owed for introducing the others through leads name them as typed.
    expect(card.interactions.filter((i) => i.kind === 'intro').map((i) => i.summary)).toEqual([`introduced you to ${H} Two`, `introduced you to ${H} Person`]);
    expect(j.json<ContactJson[]>('list', '--json').map((c) => c.name).sort()).toEqual([H, `${H} Two`, `${H} Person`, `${H} Three`].sort());
    expect(j.json<DueJson[]>('due', '--json').some((d) => d.contact.name === H && d.title.includes(H))).toBe(true);
    expect(j.json<ContactJson[]>('find', 'pwned', '--json').length).toBeGreaterThan(0);
    const report = j.json<Record<string, unknown>>('report', '--since', '2026-01-01', '--format', 'json');
    expect(JSON.stringify(report)).toContain(JSON.stringify(H).slice(1, -1));
  });

  it('commander usage errors do not echo control characters raw (unknown option or command)', () => {
    const j = tempJournal();
    for (const args of [['list', `--x${HOSTILE_LINE}`], [`x${HOSTILE_LINE}`]]) {
      const r = j.net(...args);
      expect(r.code).toBe(2);
      expectClean(r, `net ${JSON.stringify(args)}`);
    }
  });

  it('entered through imported vCard, LinkedIn CSV and JSON files', () => {
    const j = tempJournal();
    const H = HOSTILE_LINE;
    const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;');
    const vcf = path.join(j.dir, 'hostile.vcf');
    fs.writeFileSync(
      vcf,
      ['BEGIN:VCARD', 'VERSION:3.0', `FN:${esc(H)} Vcard`, `N:${esc(H)};Vcard;;;`, `ORG:${esc(H)}`, `TITLE:${esc(H)}`, `NOTE:${esc(H)}\\n${esc(H)}`, `CATEGORIES:${esc(H)}`, 'EMAIL:v@example.com', 'END:VCARD', ''].join('\r\n'),
    );
    const csv = path.join(j.dir, 'Connections.csv');
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    fs.writeFileSync(
      csv,
      `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${q(`${HOSTILE}`)},Csv,https://www.linkedin.com/in/csv,c@example.com,${q(HOSTILE)},${q(HOSTILE)},12 Mar 2024\n`,
    );
    const a = '00000000-0000-4000-8000-00000000000a';
    const b = '00000000-0000-4000-8000-00000000000b';
    const backup = {
      format: 'net-journal',
      version: 1,
      exported_at: '2026-09-30T10:00:00.000Z',
      contacts: [
        { uuid: a, name: `${HOSTILE} Json`, company: HOSTILE, role: HOSTILE, email: 'j@example.com', phone: HOSTILE, url: HOSTILE, met_where: HOSTILE, met_on: '2026-09-01', introduced_by: null, tags: [HOSTILE], notes: HOSTILE, cadence_days: 30, archived: false, snoozed_until: null, created_at: '2026-09-01T10:00:00.000Z' },
        { uuid: b, name: `${HOSTILE} Json Two`, company: null, role: null, email: null, phone: null, url: null, met_where: null, met_on: null, introduced_by: a, tags: [], notes: null, cadence_days: null, archived: false, snoozed_until: null, created_at: '2026-09-01T10:00:00.000Z' },
      ],
      interactions: [{ uuid: '10000000-0000-4000-8000-000000000001', contacts: [a, b], on: '2026-09-20', kind: 'coffee', summary: HOSTILE, thanks_owed: true, thanked_on: null, no_reply: false, snoozed_until: null }],
      leads: [{ uuid: '20000000-0000-4000-8000-000000000001', source: a, what: HOSTILE, person: b, company: HOSTILE, job: HOSTILE, given_on: '2026-09-20', status: 'followed', followed_on: '2026-09-25', reported_on: null, outcome: HOSTILE, snoozed_until: null }],
      promises: [
        { uuid: '30000000-0000-4000-8000-000000000001', contact: a, what: HOSTILE, direction: 'mine', made_on: '2026-09-20', by: '2026-09-22', status: 'open', closed_on: null, nudges: 0, last_nudged_on: null, snoozed_until: null },
        { uuid: '30000000-0000-4000-8000-000000000002', contact: b, what: HOSTILE, direction: 'theirs', made_on: '2026-09-10', by: null, status: 'open', closed_on: null, nudges: 1, last_nudged_on: '2026-09-20', snoozed_until: null },
      ],
      needs: [{ uuid: '40000000-0000-4000-8000-000000000001', contact: a, what: HOSTILE, noted_on: '2026-09-20', status: 'open', closed_on: null }],
    };
    const json = path.join(j.dir, 'backup.json');
    fs.writeFileSync(json, JSON.stringify(backup));
    for (const file of [vcf, csv, json]) {
      const dry = j.net('import', file, '--dry-run');
      expect(dry.code, dry.stderr).toBe(0);
      expectClean(dry, `net import --dry-run ${path.basename(file)}`);
      const r = j.net('import', file);
      expect(r.code, r.stderr).toBe(0);
      expectClean(r, `net import ${path.basename(file)}`);
    }
    checkHuman(j, '3');
    for (const id of ['1', '2', '3', '4']) expectClean(j.ok('show', id), `net show ${id}`);

    // Re-importing with a changed field reports the difference: the conflict lines are clean too.
    const changed = path.join(j.dir, 'changed.json');
    fs.writeFileSync(changed, JSON.stringify({ ...backup, contacts: backup.contacts.map((c) => ({ ...c, role: `${HOSTILE} changed` })) }));
    expectClean(j.ok('import', changed), 'net import with conflicts');

    // A broken file whose bad line holds escapes: the error quotes it safely.
    const broken = path.join(j.dir, 'broken.vcf');
    fs.writeFileSync(broken, `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:X\r\n${H}\r\nEND:VCARD\r\n`);
    const bad = j.net('import', broken);
    expect(bad.code).toBe(2);
    expectClean(bad, 'net import broken.vcf');
    const badCsv = path.join(j.dir, 'bad.csv');
    fs.writeFileSync(badCsv, `First Name,Last Name,Connected On\nA,B,${q(HOSTILE)}\n`);
    const badRow = j.net('import', badCsv);
    expect(badRow.code).toBe(2);
    expectClean(badRow, 'net import bad.csv');

    // JSON keeps the raw text of every imported field.
    const fromJson = j.json<ShowJson>('show', '3', '--json');
    expect(fromJson.name).toBe(`${HOSTILE} Json`);
    expect(fromJson.company).toBe(HOSTILE);
    expect(fromJson.notes).toBe(HOSTILE);
    expect(fromJson.phone).toBe(HOSTILE);
    expect(fromJson.interactions[0]?.summary).toBe(HOSTILE);
    expect(fromJson.leads[0]?.what).toBe(HOSTILE);
    expect(fromJson.leads[0]?.outcome).toBe(HOSTILE);
    expect(fromJson.needs[0]?.what).toBe(HOSTILE);
    const fromVcard = j.json<ShowJson>('show', '1', '--json');
    expect(fromVcard.name).toBe(`${H} Vcard`);
    expect(fromVcard.company).toBe(H);
    expect(fromVcard.notes).toBe(`${H}\n${H}`);
    expect(fromVcard.tags).toEqual([H]);
    const fromCsv = j.json<ShowJson>('show', '2', '--json');
    expect(fromCsv.company).toBe(HOSTILE.replace(/\r/g, '\n'));
  });

  it('CSV export has no formula cells, whatever the text starts with', () => {
    const j = tempJournal();
    const hyperlink = '=HYPERLINK("http://evil.example","click")';
    const dde = "=cmd|' /C calc'!A0";
    // Leading tabs and CRs are trimmed when stored; the formula behind them must still be neutralised.
    j.ok('add', hyperlink, '--company=+1+2', '--role=-2+3', '--email=@SUM(A1:A9)', '--note', '\t=1+1', '--phone', '\r=2+2', '--met', dde, '--tag', '=x');
    j.ok('add', '@mention', '--company=-minus', '--url', '=1');
    j.ok('add', '--role', '+plus', '--', '-5 Dashes');
    const csvIn = path.join(j.dir, 'Connections.csv');
    fs.writeFileSync(csvIn, 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"=1+1",Formula,,,"@evil","-3",12 Mar 2024\n');
    j.ok('import', csvIn);
    const out = path.join(j.dir, 'contacts.csv');
    j.ok('export', '--format', 'csv', '-o', out);
    for (const text of [j.ok('export', '--format', 'csv').stdout, fs.readFileSync(out, 'utf8')]) {
      const rows = parseCsv(text, { relax_column_count: false }) as string[][];
      expect(rows.length).toBe(5);
      const cells = rows.flat();
      for (const cell of cells) expect(cell, `cell ${JSON.stringify(cell)} could be read as a formula`).not.toMatch(/^[=+\-@\t\r\n]/);
      for (const f of [hyperlink, '+1+2', '-2+3', '@SUM(A1:A9)', '=1+1', '=2+2', dde, '=x', '@mention', '-minus', '=1', '-5 Dashes', '+plus', '=1+1 Formula', '@evil', '-3']) {
        expect(cells.some((c) => c === `'${f}` || c.startsWith(`'${f}`)), `${JSON.stringify(f)} not exported with a ' prefix`).toBe(true);
      }
      // Every field is quoted: each physical record starts with a quote.
      for (const line of text.split('\r\n').filter(Boolean)) expect(line.startsWith('"')).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------
// 4b. Huge inputs

describe('huge inputs are handled or refused clearly, in bounded memory', () => {
  const MAX_RSS_MB = 500;

  it('a 1 MB note (via a JSON import, and the largest one the OS lets through an argument) is stored and net show works', () => {
    const j = tempJournal();
    // Linux limits one argument to 128 KiB (MAX_ARG_STRLEN), so a note typed on the command
    // line cannot be 1 MB: the argument route is tested just under that limit.
    const argNote = `${'word '.repeat(25_000)}END`;
    j.ok('add', 'Arg Note', '--note', argNote);
    expect(j.json<ShowJson>('show', 'Arg Note', '--json').notes).toBe(argNote);
    const editNote = `${'edit '.repeat(25_000)}END`;
    j.ok('edit', 'Arg Note', '--note', editNote);
    expect(j.json<ShowJson>('show', 'Arg Note', '--json').notes).toBe(editNote);

    const MB = 1024 * 1024;
    const line = 'Met at the conference; talked about data platforms and hiring. ';
    const note = `${line.repeat(Math.ceil(MB / line.length)).slice(0, MB - 9)} needle42`;
    expect(note.length).toBe(MB);
    const file = path.join(j.dir, 'huge-note.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        format: 'net-journal',
        version: 1,
        contacts: [{ uuid: '00000000-0000-4000-8000-000000000001', name: 'Huge Note', notes: note, tags: [] }],
        interactions: [{ uuid: '10000000-0000-4000-8000-000000000001', contacts: ['00000000-0000-4000-8000-000000000001'], on: '2026-09-30', kind: 'other', summary: note }],
        leads: [],
        promises: [],
        needs: [],
      }),
    );
    const imp = runMeasured(j.db, ['import', file]);
    expect(imp.code, imp.stderr).toBe(0);
    const card = JSON.parse(runBig(j.db, ['show', 'Huge Note', '--json']).stdout) as ShowJson;
    expect(card.notes).toBe(note);
    expect(card.interactions[0]?.summary).toBe(note);
    const shown = runMeasured(j.db, ['show', 'Huge Note']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('Huge Note');
    expectClean(shown, 'net show (1 MB note)');
    for (const args of [['list'], ['due'], ['find', 'needle42'], ['report', '--since', '2026-09-01'], ['export']]) {
      const r = runBig(j.db, args);
      expect(r.code, `net ${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    expect(runBig(j.db, ['find', 'needle42']).stdout).toContain('Huge Note');
    console.log(`[huge] 1 MB note + 1 MB summary: import ${Math.round(imp.ms)} ms (${imp.rssMb ?? '?'} MB RSS), show ${Math.round(shown.ms)} ms (${shown.rssMb ?? '?'} MB RSS); argument notes of ${argNote.length} chars via add and edit`);
  }, 60_000);

  it('a ~10 MB vCard (cards with large PHOTOs) imports or is refused clearly', () => {
    const j = tempJournal();
    const file = path.join(j.dir, 'big.vcf');
    const photo = Buffer.alloc(60_000, 7).toString('base64'); // ~80 KB of base64 per card
    const fold = (s: string) => s.match(/.{1,74}/g)?.join('\r\n ') ?? '';
    const cards: string[] = [];
    const CARDS = 130;
    for (let i = 0; i < CARDS; i++) {
      cards.push(
        ['BEGIN:VCARD', 'VERSION:3.0', `FN:Photo Person ${i}`, `N:Person ${i};Photo;;;`, `EMAIL;TYPE=INTERNET:photo${i}@example.com`, 'ORG:Big Cards Inc.', fold(`PHOTO;ENCODING=b;TYPE=JPEG:${photo}`), 'END:VCARD'].join('\r\n'),
      );
    }
    fs.writeFileSync(file, `${cards.join('\r\n')}\r\n`);
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(10_000_000);
    const r = runMeasured(j.db, ['import', file]);
    expect([0, 2], r.stderr).toContain(r.code);
    expect(r.stderr).not.toMatch(STACK_LINE);
    if (r.code === 0) expect(doctorCounts(j).contacts).toBe(CARDS);
    else expect(r.stderr.trim().length).toBeGreaterThan(20);
    if (r.rssMb !== null) expect(r.rssMb).toBeLessThan(MAX_RSS_MB);
    console.log(`[huge] vCard ${(size / 1e6).toFixed(1)} MB (${CARDS} cards with ~80 KB photos): exit ${r.code}, ${Math.round(r.ms)} ms, peak RSS ${r.rssMb ?? '?'} MB`);
  }, 120_000);

  it('a ~10 MB vCard of 48,000 small cards imports or is refused clearly', () => {
    const j = tempJournal();
    const file = path.join(j.dir, 'many.vcf');
    const CARDS = 48_000;
    const parts: string[] = [];
    for (let i = 0; i < CARDS; i++) {
      parts.push(`BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Card Person ${i}\r\nN:Person ${i};Card;;;\r\nEMAIL;TYPE=INTERNET:card${i}@example.com\r\nTEL;TYPE=CELL:+1 555 ${String(i).padStart(7, '0')}\r\nORG:Company ${i % 300}\r\nTITLE:Title ${i % 17}\r\nNOTE:Met at event ${i % 50}\r\nEND:VCARD\r\n`);
    }
    fs.writeFileSync(file, parts.join(''));
    const size = fs.statSync(file).size;
    const r = runMeasured(j.db, ['import', file]);
    expect([0, 2], r.stderr).toContain(r.code);
    expect(r.stderr).not.toMatch(STACK_LINE);
    if (r.code === 0) expect(doctorCounts(j).contacts).toBe(CARDS);
    if (r.rssMb !== null) expect(r.rssMb).toBeLessThan(MAX_RSS_MB);
    console.log(`[huge] vCard ${(size / 1e6).toFixed(1)} MB (${CARDS} cards): exit ${r.code}, ${Math.round(r.ms)} ms, peak RSS ${r.rssMb ?? '?'} MB`);
  }, 120_000);

  // Issue 17 (K4) targets at most 150 MB for a CSV of any size. The bound is 130 MB: the
  // import measured 149 to 152 MB before it kept V8's young generation small (108 to 109 MB
  // after), so a return to that fails every time, not one run in a few.
  const CSV_MAX_RSS_MB = 130;

  it('a 100,000-row LinkedIn CSV imports or is refused clearly, in under 130 MB of memory (K4)', () => {
    const j = tempJournal();
    const file = path.join(j.dir, 'Connections.csv');
    const ROWS = 100_000;
    fs.writeFileSync(file, linkedinCsv(ROWS));
    const size = fs.statSync(file).size;
    const r = runMeasured(j.db, ['import', file]);
    expect([0, 2], r.stderr).toContain(r.code);
    expect(r.stderr).not.toMatch(STACK_LINE);
    if (r.code === 0) {
      const d = doctorCounts(j);
      expect(d.code).toBe(0);
      expect(d.contacts).toBe(ROWS);
      const list = runMeasured(j.db, ['due']);
      expect(list.code).toBe(0);
    }
    if (r.rssMb !== null) expect(r.rssMb).toBeLessThan(CSV_MAX_RSS_MB);
    console.log(`[huge] LinkedIn CSV ${(size / 1e6).toFixed(1)} MB (${ROWS} rows): exit ${r.code}, ${Math.round(r.ms)} ms, peak RSS ${r.rssMb ?? '?'} MB`);
  }, 120_000);

  it('a 39 MB JSON backup is read in pieces and its journal exported in pieces, never whole: both in bounded memory (K4)', () => {
    const j = tempJournal();
    const file = path.join(j.dir, 'backup.json');
    const CONTACTS = 8_000;
    const TALKS = 30_000;
    const uuid = (k: number, i: number) => `${String(k).padStart(8, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const note = 'Met at the data meetup; interested in platform roles. '.repeat(8);
    // Written a record at a time, the way net export writes it.
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, '{"format": "net-journal", "version": 2, "exported_at": "2026-04-14T10:00:00.000Z", "contacts": [\n');
    for (let i = 0; i < CONTACTS; i++) {
      const c = { uuid: uuid(1, i), name: `Person ${i}`, company: 'Acme', email: `p${i}@example.com`, introduced_by: i > 0 && i % 3 === 0 ? uuid(1, i - 1) : null, tags: ['a'], notes: note.repeat(8) };
      fs.writeSync(fd, `${i ? ',' : ''}${JSON.stringify(c, null, 2)}\n`);
    }
    fs.writeSync(fd, '], "interactions": [\n');
    for (let i = 0; i < TALKS; i++) {
      const t = { uuid: uuid(2, i), contacts: [uuid(1, i % CONTACTS)], on: '2026-02-01', kind: 'coffee', summary: `Coffee about the platform team, ${note.slice(0, 100)}`, thanks_owed: false };
      fs.writeSync(fd, `${i ? ',' : ''}${JSON.stringify(t, null, 2)}\n`);
    }
    fs.writeSync(fd, '], "leads": [], "promises": [], "needs": [], "notes": []}\n');
    fs.closeSync(fd);
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(35e6);
    const r = runMeasured(j.db, ['import', file], 300_000);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${CONTACTS} contacts added`);
    expect(r.stdout).toContain(`${TALKS} interactions`);
    expect(doctorCounts(j).contacts).toBe(CONTACTS);
    // Read whole, a file like this took 317 MB (measured); 150 MB is the target at any size.
    if (r.rssMb !== null) expect(r.rssMb).toBeLessThan(150);
    console.log(`[huge] JSON backup ${(size / 1e6).toFixed(1)} MB (${CONTACTS} contacts, ${TALKS} interactions): ${Math.round(r.ms)} ms, peak RSS ${r.rssMb ?? '?'} MB`);

    // And the journal it made exports, in every format, within a JavaScript heap smaller
    // than its text: only an export written record by record fits (one built whole, as
    // before K4's fix, runs out of heap here).
    for (const format of ['json', 'csv', 'vcard']) {
      const out = path.join(j.dir, `export.${format}`);
      const e = runMeasured(j.db, ['export', '--format', format, '-o', out], 300_000, { NODE_OPTIONS: '--max-old-space-size=24' });
      expect(e.code, e.stderr).toBe(0);
      // The contacts alone hold 28 MB of notes: more than the heap.
      expect(fs.statSync(out).size).toBeGreaterThan(28e6);
      if (e.rssMb !== null) expect(e.rssMb).toBeLessThan(150);
      console.log(`[huge] export --format ${format} of that journal (${(fs.statSync(out).size / 1e6).toFixed(1)} MB): ${Math.round(e.ms)} ms, peak RSS ${e.rssMb ?? '?'} MB`);
    }
    const back = fs.readFileSync(path.join(j.dir, 'export.json'), 'utf8');
    expect(back.split('"uuid"').length - 1).toBeGreaterThanOrEqual(CONTACTS + TALKS);
  }, 400_000);
});

// ---------------------------------------------------------------------------------------
// 6. Synced folders

describe('synced folders', () => {
  const WARNING = /warning: your journal is inside/;

  it.each([
    ['Dropbox', 'Dropbox/net.db'],
    ['OneDrive', 'OneDrive - Contoso/net/net.db'],
    ['iCloud Drive', 'Library/Mobile Documents/com~apple~CloudDocs/net.db'],
    ['Google Drive', 'Google Drive/My Drive/net.db'],
  ])('a journal in %s warns on stderr once, on the first command only', (service, file) => {
    const j = tempJournal({ file });
    const first = j.net('list');
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(WARNING);
    expect(first.stderr).toContain(service);
    expect(first.stderr).toMatch(/net backup/);
    expect(first.stderr.match(new RegExp(WARNING, 'g'))?.length).toBe(1);
    const second = j.ok('add', 'Dana Whitfield');
    expect(second.stderr).toBe('');
    expect(j.ok('list').stderr).toBe('');
  });

  it('a journal outside synced folders gets no warning', () => {
    const j = tempJournal({ file: 'Documents/net.db' });
    expect(j.ok('add', 'Dana').stderr).toBe('');
  });

  it('with NET_JOURNAL_MODE=delete every command works in Dropbox, no -wal is left, and journal_mode is delete', () => {
    const j = tempJournal({ file: 'Dropbox/net/net.db' });
    // The journal starts in WAL (default), then the user switches to the rollback journal.
    j.ok('add', 'Thom Singer', '--company', 'Singer Group');
    const env = { NET_JOURNAL_MODE: 'delete' };
    const dir = path.dirname(j.db);
    const csv = path.join(j.dir, 'Connections.csv');
    fs.writeFileSync(csv, linkedinCsv(50));
    const cmds: string[][] = [
      ['add', 'Dana Whitfield', '--company', 'Sell Computers', '--met', 'coffee', '--on', '2026-09-30', '--via', 'Thom', '--need', 'an intro at Dell', '--promise', 'send my notes', '--expect', 'a resume pass'],
      ['lead', 'Dana', 'Bob runs data at Acme', '--person', 'Bob Ortiz', '--company', 'Acme'],
      ['log', 'Bob Ortiz', 'intro call', '--kind', 'call', '--with', 'Dana'],
      ['list'],
      ['show', 'Dana'],
      ['due'],
      ['find', 'Acme'],
      ['needs'],
      ['thank', 'Dana'],
      ['edit', 'Dana', '--role', 'Data lead'],
      ['import', csv],
      ['export', '-o', path.join(j.dir, 'backup.json')],
      ['backup', path.join(j.dir, 'copy.db')],
      ['report', '-o', path.join(j.dir, 'report.md')],
      ['need', 'met', '1'],
      ['doctor'],
    ];
    for (const args of cmds) {
      const r = j.netWith({ env }, ...args);
      expect(r.code, `net ${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stderr, `net ${args.join(' ')}`).not.toMatch(/locked|busy/i);
      const left = fs.readdirSync(dir).filter((n) => /-(wal|shm|journal)$/.test(n));
      expect(left, `after net ${args.join(' ')}`).toEqual([]);
    }
    const db = new Database(j.db, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(db.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n: 53 });
    } finally {
      db.close();
    }
    expect(fs.readdirSync(dir).filter((n) => /-(wal|shm)$/.test(n))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// 7 and 8. Durability and privacy

describe('privacy: 0600 files and a 0700 folder after every write, even under umask 022', () => {
  function runUmask(db: string, args: readonly string[]): Result {
    const started = performance.now();
    const r = spawnSync('sh', ['-c', 'umask 022; exec "$0" "$@"', process.execPath, BIN, ...args], {
      cwd: ROOT,
      env: baseEnv(db),
      input: '',
      encoding: 'utf8',
      timeout: 30_000,
    });
    if (r.error) throw r.error;
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
  }

  it('add, edit, log, import, backup, export -o and report -o keep every file private and leave no temp files', () => {
    const j = tempJournal({ file: 'data/net/net.db' });
    const dir = path.dirname(j.db);
    const out = path.join(j.dir, 'out');
    fs.mkdirSync(out, { mode: 0o755 });
    fs.chmodSync(out, 0o755);
    // The umask really is 022 in the child: a plain file comes out 0644.
    const probe = path.join(out, 'probe');
    expect(spawnSync('sh', ['-c', `umask 022; : > "${probe}"`]).status).toBe(0);
    expect(mode(probe)).toBe('0644');
    fs.rmSync(probe);
    const csv = path.join(out, 'Connections.csv');
    fs.writeFileSync(csv, linkedinCsv(20));
    fs.chmodSync(csv, 0o644);
    const outputs: string[] = [];
    const steps: Array<{ args: string[]; writes?: string }> = [
      { args: ['add', 'Dana Whitfield', '--met', 'coffee', '--need', 'an intro at Dell', '--promise', 'send notes'] },
      { args: ['edit', 'Dana', '--company', 'Sell Computers'] },
      { args: ['log', 'Dana', 'follow-up call', '--kind', 'call'] },
      { args: ['import', csv] },
      { args: ['import', path.join(ROOT, 'test', 'fixtures', 'apple.vcf')] },
      { args: ['backup'] },
      { args: ['backup', path.join(out, 'copy.db')], writes: path.join(out, 'copy.db') },
      { args: ['export', '-o', path.join(out, 'backup.json')], writes: path.join(out, 'backup.json') },
      { args: ['export', '--format', 'csv', '-o', path.join(out, 'contacts.csv')], writes: path.join(out, 'contacts.csv') },
      { args: ['export', '--format', 'vcard', '-o', path.join(out, 'contacts.vcf')], writes: path.join(out, 'contacts.vcf') },
      { args: ['report', '--since', '2026-01-01', '-o', path.join(out, 'report.md')], writes: path.join(out, 'report.md') },
      { args: ['report', '--format', 'json', '-o', path.join(out, 'report.json')], writes: path.join(out, 'report.json') },
      // Overwriting an existing, world-readable file leaves it private too.
      { args: ['export', '-o', path.join(out, 'old.json')], writes: path.join(out, 'old.json') },
      { args: ['import', path.join(out, 'backup.json')] },
      { args: ['rm', 'Dana', '--yes'] },
    ];
    fs.writeFileSync(path.join(out, 'old.json'), 'old', { mode: 0o644 });
    fs.chmodSync(path.join(out, 'old.json'), 0o644);
    let count = -1;
    for (const { args, writes } of steps) {
      const r = runUmask(j.db, args);
      const label = `net ${args.join(' ')}`;
      expect(r.code, `${label}: ${r.stderr}`).toBe(0);
      expect(mode(j.db), `journal after ${label}`).toBe('0600');
      expect(mode(dir), `journal folder after ${label}`).toBe('0700');
      if (writes) {
        outputs.push(writes);
        expect(mode(writes), `${path.basename(writes)} after ${label}`).toBe('0600');
      }
      for (const bak of fs.readdirSync(dir).filter((n) => n.endsWith('.bak'))) expect(mode(path.join(dir, bak)), bak).toBe('0600');
      expect(tmpLeftovers(dir), `temp files after ${label}`).toEqual([]);
      expect(tmpLeftovers(out), `temp files after ${label}`).toEqual([]);
      // Durable: the change is in the main file once the command has printed success.
      expect(fs.readdirSync(dir).filter((n) => /-(wal|shm|journal)$/.test(n)), `after ${label}`).toEqual([]);
      const d = doctorCounts(j);
      expect(d.code, d.out.stdout + d.out.stderr).toBe(0);
      count = d.contacts;
    }
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.bak')).length).toBe(1);
    expect(count).toBeGreaterThan(20);
    for (const f of outputs) expect(fs.statSync(f).size).toBeGreaterThan(0);
    // A failed export leaves nothing behind either.
    const failed = runUmask(j.db, ['export', '-o', path.join(out, 'missing', 'x.json')]);
    expect(failed.code).toBe(2);
    expect(tmpLeftovers(out)).toEqual([]);
  });

  it('a failed first command creates nothing; a read-only first command creates the folders 0700 and the file 0600', () => {
    const j = tempJournal({ file: 'a/b/c/net.db' });
    const failed = runUmask(j.db, ['show', 'Nobody']);
    expect(failed.code).toBe(2);
    expect(fs.existsSync(path.join(j.dir, 'a'))).toBe(false);
    const r = runUmask(j.db, ['due']);
    expect(r.code, r.stderr).toBe(0);
    expect(mode(j.db)).toBe('0600');
    for (const d of ['a', 'a/b', 'a/b/c']) expect(mode(path.join(j.dir, d))).toBe('0700');
  });
});
