// Black-box helpers: run the built binary against a throw-away journal with a fixed clock
// and no terminal, the way a script or a cron job would.
import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { dropHistoryTriggers, installHistoryTriggers } from '../../src/store/history.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'net.js');
export const TODAY = '2026-10-01';

/** ESC, BEL, other C0 controls (tab and newline aside), DEL, C1 controls, bidi embeddings, overrides and isolates. */
export const UNSAFE_CHARS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
export const ANSI = /\x1b\[[0-9;]*m/;
export const STACK_LINE = /^\s+at /m;

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time of the run, in milliseconds. */
  ms: number;
}

export interface RunOptions {
  /** Extra variables; `undefined` removes one. */
  env?: Record<string, string | undefined>;
  /** Kill the process after this many milliseconds (default 15 s). */
  timeout?: number;
  /** Text piped to stdin; stdin is a closed pipe when absent, never a terminal. */
  input?: string;
}

/** The test runner's environment without anything that would change how net behaves. */
export function baseEnv(db: string, today = TODAY, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'NET_DB', 'NET_TODAY', 'NET_DEBUG']) delete env[k];
  env.NET_DB = db;
  env.NET_TODAY = today;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Runs `node bin/net.js ...args` to completion. */
export function runNet(db: string, args: readonly string[], opts: RunOptions = {}): Result {
  const started = performance.now();
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: baseEnv(db, TODAY, opts.env),
    input: opts.input ?? '',
    stdio: ['pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
    // A journal of thousands of records prints more than spawnSync's default of 1 MiB.
    maxBuffer: 1 << 26,
    timeout: opts.timeout ?? 15_000,
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw r.error;
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: performance.now() - started };
}

/**
 * Runs net with stdin left open (a pipe nobody writes to) and resolves when it exits or
 * after `timeout` ms (then with code null): proves a command never waits for input.
 */
export function runNetOpenStdin(db: string, args: readonly string[], timeout: number, env: Record<string, string | undefined> = {}): Promise<Result> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: baseEnv(db, TODAY, env), stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: null, stdout, stderr, ms: performance.now() - started });
    }, timeout);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

export interface TerminalOptions {
  /** The terminal's size (default 24 rows of 100 columns). */
  rows?: number;
  columns?: number;
  /** Extra variables; `undefined` removes one. */
  env?: Record<string, string | undefined>;
  today?: string;
}

/**
 * Runs net on a pseudo-terminal of the given size (Python's pty), stdout, stderr and stdin
 * all on it: what reached the terminal, CRLF turned back into newlines.
 */
export function onTerminal(db: string, args: readonly string[], opts: TerminalOptions = {}): { code: number | null; terminal: string } {
  const script = `
import fcntl, os, pty, struct, subprocess, sys, termios
m, s = pty.openpty()
fcntl.ioctl(s, termios.TIOCSWINSZ, struct.pack('HHHH', int(sys.argv[1]), int(sys.argv[2]), 0, 0))
p = subprocess.Popen(sys.argv[3:], stdin=s, stdout=s, stderr=s)
os.close(s)
out = b''
while True:
    try:
        chunk = os.read(m, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
sys.stdout.buffer.write(out)
sys.exit(p.wait())
`;
  const r = spawnSync('python3', ['-c', script, String(opts.rows ?? 24), String(opts.columns ?? 100), process.execPath, BIN, ...args], {
    cwd: ROOT,
    env: baseEnv(db, opts.today ?? TODAY, opts.env),
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return { code: r.status, terminal: r.stdout.replace(/\r\n/g, '\n') };
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export interface TempJournal {
  /** The folder holding the journal (removed by cleanup). */
  dir: string;
  /** The journal file, NET_DB. */
  db: string;
  today: string;
  /** Runs net on this journal with this journal's NET_TODAY. */
  net(...args: string[]): Result;
  /** Like net, with options (env overrides, timeout, stdin). */
  netWith(opts: RunOptions, ...args: string[]): Result;
  /** Runs net, expects exit 0 and parses stdout as JSON. */
  json<T = unknown>(...args: string[]): T;
  /** Runs net and fails with its stderr unless it exits 0. */
  ok(...args: string[]): Result;
  /** The sha256 of the journal file and the names of the files beside it. */
  snapshot(): { hash: string; files: string[] };
  cleanup(): void;
}

const open = new Set<TempJournal>();

export interface TempJournalOptions {
  today?: string;
  /** The journal's path below the temp folder (default `net.db`); may name folders that do not exist yet. */
  file?: string;
  /** A journal file to start from (copied). */
  from?: string;
}

/** A journal in a fresh temp folder. Remove it with cleanup(), or all at once with cleanupJournals(). */
export function tempJournal(opts: TempJournalOptions = {}): TempJournal {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'net-e2e-'));
  const db = path.join(dir, opts.file ?? 'net.db');
  const today = opts.today ?? TODAY;
  if (opts.from) fs.copyFileSync(opts.from, db);
  const netWith = (o: RunOptions, ...args: string[]) => runNet(db, args, { ...o, env: { NET_TODAY: today, ...o.env } });
  const fail = (args: string[], r: Result) =>
    new Error(`net ${args.join(' ')} exited ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  const j: TempJournal = {
    dir,
    db,
    today,
    net: (...args) => netWith({}, ...args),
    netWith,
    ok: (...args) => {
      const r = netWith({}, ...args);
      if (r.code !== 0) throw fail(args, r);
      return r;
    },
    json: <T>(...args: string[]) => {
      const r = netWith({}, ...args);
      if (r.code !== 0) throw fail(args, r);
      return JSON.parse(r.stdout) as T;
    },
    snapshot: () => ({ hash: sha256(db), files: fs.readdirSync(path.dirname(db)).sort() }),
    cleanup: () => {
      open.delete(j);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  open.add(j);
  return j;
}

/** Removes every temp journal not yet cleaned up; call it from afterEach / afterAll. */
export function cleanupJournals(): void {
  for (const j of [...open]) j.cleanup();
}

// The JSON shapes of the contract, as far as these tests read them.
export interface Ref {
  id: number;
  name: string;
}

export interface ContactJson {
  id: number;
  uuid: string;
  name: string;
  given_name: string | null;
  family_name: string | null;
  company: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  phone_type: string | null;
  url: string | null;
  tags: string[];
  met_where: string | null;
  met_on: string | null;
  introduced_by: Ref | null;
  cadence_days: number | null;
  last_contact: string | null;
}

export interface InteractionJson {
  id: number;
  on: string;
  kind: string;
  summary: string | null;
  contacts: Ref[];
  thanks_owed: boolean;
  thanked_on: string | null;
  no_reply: boolean;
}

export interface LeadJson {
  id: number;
  what: string;
  person: Ref | null;
  company: string | null;
  status: string;
  followed_on: string | null;
  reported_on: string | null;
  outcome: string | null;
  snoozed_until: string | null;
}

export interface PromiseJson {
  id: number;
  what: string;
  direction: 'mine' | 'theirs';
  by: string | null;
  status: string;
  closed_on: string | null;
  nudges: number;
  last_nudged_on: string | null;
  snoozed_until: string | null;
}

export interface NeedJson {
  id: number;
  what: string;
  status: string;
  closed_on: string | null;
}

export interface DueJson {
  id: string;
  kind: string;
  contact: Ref;
  title: string;
  since: string;
  due: string;
  days_overdue: number;
  state?: string;
}

export interface ShowJson extends ContactJson {
  notes: string | null;
  interactions: InteractionJson[];
  leads: LeadJson[];
  promises: PromiseJson[];
  needs: NeedJson[];
  due: DueJson[];
  ledger: { gave: number; received: number };
}

export const CONTACT_KEYS = [
  'id', 'uuid', 'name', 'given_name', 'family_name', 'company', 'role', 'email', 'phone', 'phone_type', 'url', 'tags',
  'met_where', 'met_on', 'introduced_by', 'cadence_days', 'last_contact',
] as const;

/** The acceptance session: Thom, Dana (met via Thom), Dana's lead Bob, a call with Bob and Dana. */
export const ACCEPTANCE_SESSION: ReadonlyArray<readonly string[]> = [
  ['add', 'Thom Singer', '--company', 'Singer Group'],
  [
    'add', 'Dana Whitfield', '--company', 'Sell Computers', '--met', 'coffee at Bennu', '--on', '2026-09-30', '--via', 'Thom',
    '--need', 'an intro at Dell', '--promise', 'send my notes', '--expect', 'pass my resume to Harry',
  ],
  ['lead', 'Dana', 'Bob runs data at Acme', '--person', 'Bob Ortiz', '--company', 'Acme'],
  ['log', 'Bob Ortiz', 'intro call', '--kind', 'call', '--with', 'Dana'],
];

export function seedAcceptance(j: TempJournal): void {
  for (const args of ACCEPTANCE_SESSION) j.ok(...args);
}

/** The one contact with this exact name in `net list --json`. */
export function byName(j: TempJournal, name: string): ContactJson {
  const found = j.json<ContactJson[]>('list', '--json').filter((c) => c.name === name);
  if (found.length !== 1) throw new Error(`expected one contact named ${name}, found ${found.length}`);
  return found[0] as ContactJson;
}

/**
 * Writes to a journal behind net's back, as a hand edit or an older version of net would:
 * the change history's guard (which refuses writes outside Journal.write) stands aside.
 */
export function behindNetsBack(db: Database.Database, fn: () => void): void {
  dropHistoryTriggers(db);
  try {
    fn();
  } finally {
    installHistoryTriggers(db);
  }
}
