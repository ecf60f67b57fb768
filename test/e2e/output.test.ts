// How output leaves the process: written straight to the descriptor, complete through
// slow, blocking and non-blocking pipes, quiet when the reader goes away; and the start-up
// path that makes `net due` fast (SQLite's addon loaded without searching for it).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, baseEnv, cleanupJournals, onTerminal, ROOT, STACK_LINE, type TempJournal, tempJournal } from './helpers.js';

let j: TempJournal;
let fullList: string;

beforeAll(() => {
  j = tempJournal();
  // 8,000 contacts: `net list` prints several times a pipe's 64 KiB buffer.
  const contacts = Array.from({ length: 8000 }, (_, i) => ({
    uuid: `c0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `Person ${i} Ünïcode 名前`,
    company: `Company ${i % 97}`,
    role: null,
    email: null,
    phone: null,
    url: null,
    met_where: null,
    met_on: '2026-01-01',
    introduced_by: null,
    tags: [],
    notes: null,
    cadence_days: null,
    archived: false,
    snoozed_until: null,
    created_at: '2026-01-01T00:00:00.000Z',
  }));
  const backup = path.join(j.dir, 'big.json');
  fs.writeFileSync(
    backup,
    JSON.stringify({ format: 'net-journal', version: 1, exported_at: '2026-01-01T00:00:00.000Z', contacts, interactions: [], leads: [], promises: [], needs: [] }),
  );
  j.ok('import', backup);
  fullList = j.ok('list').stdout;
  expect(Buffer.byteLength(fullList)).toBeGreaterThan(256 * 1024);
}, 60_000);

afterAll(cleanupJournals);

describe('output through pipes', () => {
  it('a reader that is slow to start still gets every byte', async () => {
    const child = spawn(process.execPath, [BIN, 'list'], { cwd: ROOT, env: baseEnv(j.db, j.today), stdio: ['ignore', 'pipe', 'pipe'] });
    const closed = new Promise((r) => child.on('close', r));
    child.stdout.pause();
    await new Promise((r) => setTimeout(r, 1500));
    expect(child.exitCode).toBe(null);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stdout.resume();
    const code = await closed;
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(fullList);
  });

  it('a non-blocking pipe read slowly gets every byte, in order', () => {
    // Python gives net a pipe whose write end is O_NONBLOCK, so writes can fail with EAGAIN.
    const script = `
import fcntl, os, subprocess, sys, time
r, w = os.pipe()
fl = fcntl.fcntl(w, fcntl.F_GETFL)
fcntl.fcntl(w, fcntl.F_SETFL, fl | os.O_NONBLOCK)
p = subprocess.Popen([sys.argv[1], sys.argv[2], 'list'], stdout=w)
os.close(w)
time.sleep(1.5)
out = b''
while True:
    chunk = os.read(r, 4096)
    if not chunk:
        break
    out += chunk
    time.sleep(0.0005)
sys.stdout.buffer.write(out)
sys.exit(p.wait())
`;
    const r = spawnSync('python3', ['-c', script, process.execPath, BIN], { cwd: ROOT, env: baseEnv(j.db, j.today), encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(fullList);
  });

  it('a reader that stops early (net list | head -1) ends it quietly with exit 0', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" list | head -1; echo "status=\${PIPESTATUS[0]}"`], {
      cwd: ROOT,
      env: baseEnv(j.db, j.today),
      encoding: 'utf8',
    });
    expect(r.stdout.split('\n')[0]).toMatch(/^ID\s+NAME/);
    expect(r.stdout).toContain('status=0');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).toBe('');
  });
});

const noAnsi = (t: string) => t.replace(/\x1b\[[0-9;]*m/g, '');

describe('net list on a terminal', () => {
  it('pages a list longer than the screen through $PAGER, every row included', () => {
    const paged = path.join(j.dir, 'paged.txt');
    const r = onTerminal(j.db, ['list'], { rows: 40, env: { PAGER: `cat > '${paged}'` } });
    expect(r.code).toBe(0);
    expect(r.terminal).toBe('');
    const lines = noAnsi(fs.readFileSync(paged, 'utf8')).split('\n');
    expect(lines.slice(0, 8001).join('\n')).toBe(noAnsi(fullList).replace(/\n$/, '').split('\n').map((l) => l.trimEnd()).join('\n'));
    expect(lines[8001]).toBe('8000 contacts. See one with: net show <who>');
  });

  it('prints a list that fits the screen, and any list when $PAGER is empty or cat, without a pager', () => {
    const small = tempJournal();
    small.ok('add', 'Ann Lee');
    small.ok('add', 'Bo Chen');
    const paged = path.join(small.dir, 'paged.txt');
    const fits = onTerminal(small.db, ['list'], { rows: 40, env: { PAGER: `cat > '${paged}'` } });
    expect(noAnsi(fits.terminal)).toMatch(/^ID\s+NAME[\s\S]*Ann Lee[\s\S]*Bo Chen[\s\S]*2 contacts\. See one with: net show <who>\n$/);
    expect(fs.existsSync(paged)).toBe(false);
    for (const pager of ['', 'cat']) {
      const r = onTerminal(j.db, ['list'], { rows: 40, env: { PAGER: pager } });
      expect(noAnsi(r.terminal).split('\n')).toHaveLength(8003);
    }
  });

  it('a pager that cannot be found leaves the list printed', () => {
    const r = onTerminal(j.db, ['list'], { rows: 40, env: { PAGER: 'no-such-pager-here' } });
    expect(r.code).toBe(0);
    expect(noAnsi(r.terminal)).toContain('8000 contacts. See one with: net show <who>');
  });

  it('piped, the list is complete and no pager runs', () => {
    const paged = path.join(j.dir, 'piped.txt');
    const r = spawnSync(process.execPath, [BIN, 'list'], { cwd: ROOT, env: baseEnv(j.db, j.today, { PAGER: `cat > '${paged}'` }), encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(r.stdout).toBe(fullList);
    expect(r.stdout.split('\n')).toHaveLength(8002);
    expect(fs.existsSync(paged)).toBe(false);
  });
});

describe("the report's long sections", () => {
  it('list the first 20 owed items and open needs, then how many more and where; JSON and the commands named have them all', () => {
    const r = tempJournal({ today: '2026-10-01' });
    const contact = (i: number) => ({
      uuid: `c0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `Person ${i}`,
      company: null, role: null, email: null, phone: null, url: null, met_where: null, met_on: '2026-01-01', introduced_by: null,
      tags: [], notes: null, cadence_days: null, archived: false, snoozed_until: null, created_at: '2026-01-01T00:00:00.000Z',
    });
    const contacts = Array.from({ length: 5 }, (_, i) => contact(i));
    const promises = Array.from({ length: 23 }, (_, i) => ({
      uuid: `e0000000-0000-4000-8000-${String(i).padStart(12, '0')}`, contact: contacts[i % 5]!.uuid, what: `promise ${i}`, direction: 'mine',
      made_on: '2026-09-01', by: '2026-09-10', status: 'open', closed_on: null, nudges: 0, last_nudged_on: null, snoozed_until: null,
    }));
    const needs = Array.from({ length: 1025 }, (_, i) => ({
      uuid: `d0000000-0000-4000-8000-${String(i).padStart(12, '0')}`, contact: contacts[i % 5]!.uuid, what: `need ${i}`, noted_on: '2026-09-01', status: 'open', closed_on: null,
    }));
    const backup = path.join(r.dir, 'long.json');
    fs.writeFileSync(backup, JSON.stringify({ format: 'net-journal', version: 1, exported_at: '2026-01-01T00:00:00.000Z', contacts, interactions: [], leads: [], promises, needs }));
    r.ok('import', backup);
    const md = r.ok('report').stdout;
    const section = (title: string) => md.slice(md.indexOf(`## ${title}`), md.indexOf('\n## ', md.indexOf(`## ${title}`) + 3));
    const rows = (text: string) => text.split('\n').filter((l) => /^\| [pn]\d+ /.test(l)).length;
    expect(rows(section('Owed now'))).toBe(20);
    expect(section('Owed now')).toMatch(/\|\n\n… and 3 more: net due\n/);
    expect(rows(section('Ways to give'))).toBe(20);
    expect(section('Ways to give')).toMatch(/\|\n\n… and 1,005 more: net needs\n/);
    // Promises is not open-ended: every open one.
    expect(rows(section('Promises'))).toBe(23);
    const json = r.json<{ owed_now: unknown[]; ways_to_give: unknown[] }>('report', '--format', 'json');
    expect(json.owed_now).toHaveLength(23);
    expect(json.ways_to_give).toHaveLength(1025);
    expect(r.json<unknown[]>('due', '--json')).toHaveLength(23);
    expect(r.json<unknown[]>('needs', '--json')).toHaveLength(1025);
    expect(r.ok('needs').stdout).toContain('need 1024');
  });
});

describe('start-up path', () => {
  it('loads the SQLite addon from where the build found it, without the bindings package', () => {
    // A preload that records every module Node loads, then lists them on exit.
    const hook = path.join(j.dir, 'record-loads.cjs');
    fs.writeFileSync(
      hook,
      `const Module = require('node:module'); const seen = [];
const load = Module._load;
Module._load = function (request, ...rest) { seen.push(request); return load.call(this, request, ...rest); };
process.on('exit', () => require('node:fs').writeSync(2, 'LOADED ' + JSON.stringify(seen) + '\\n'));`,
    );
    const r = spawnSync(process.execPath, ['--require', hook, BIN, 'due'], { cwd: ROOT, env: baseEnv(j.db, j.today), encoding: 'utf8' });
    expect(r.status).toBe(0);
    const loaded = JSON.parse(/LOADED (.*)/.exec(r.stderr)?.[1] ?? 'null') as string[];
    expect(loaded).toContain(BIN);
    expect(loaded.filter((m) => /bindings|better-sqlite3|better_sqlite3|^(node:)?stream$|^(node:)?tty$/.test(m))).toEqual([]);
  });
});

describe('a SQLite addon that moved since the build', () => {
  const build = (outfile: string) =>
    spawnSync(process.execPath, ['scripts/build.mjs'], {
      cwd: ROOT,
      env: { ...process.env, NET_BUILD_OUTFILE: outfile, NET_BUILD_SQLITE_ADDON: '../nowhere/better_sqlite3.node' },
      encoding: 'utf8',
    });

  it('is found again through better-sqlite3’s package', () => {
    const dir = fs.mkdtempSync(path.join(ROOT, 'dist', 'moved-'));
    try {
      expect(build(path.join(dir, 'net.cjs')).status).toBe(0);
      const r = spawnSync(process.execPath, [path.join(dir, 'net.cjs'), 'due'], { cwd: ROOT, env: baseEnv(j.db, j.today), encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('and when it cannot be found at all, says what to do (exit 1, no stack)', () => {
    // Outside the project, better-sqlite3's package cannot be resolved either.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'net-moved-'));
    try {
      expect(build(path.join(dir, 'net.cjs')).status).toBe(0);
      const r = spawnSync(process.execPath, [path.join(dir, 'net.cjs'), 'due'], { cwd: dir, env: baseEnv(j.db, j.today), encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/SQLite's compiled module could not be loaded .*npm ci/);
      expect(r.stderr).not.toMatch(STACK_LINE);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Node 22.1+ keeps its own compile cache (Module.enableCompileCache); on older Nodes bin/net.js does.
describe.runIf(typeof (Module as { enableCompileCache?: unknown }).enableCompileCache !== 'function')('the code cache (Node before 22.1)', () => {
  const run = (cache: string, args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: baseEnv(j.db, j.today, { XDG_CACHE_HOME: cache }), encoding: 'utf8' });
  const caches = (dir: string) => fs.readdirSync(path.join(dir, 'net')).sort();

  it('is one private file, written again only when a command it has not held runs', () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'net-cache-'));
    try {
      fs.mkdirSync(path.join(cache, 'net'), { mode: 0o700 });
      fs.writeFileSync(path.join(cache, 'net', 'notes.txt'), 'not ours');
      const file = path.join(cache, 'net', 'net.v8');
      const commands = () => fs.readFileSync(file, 'latin1').split('\n')[1];
      // A run that stopped at a usage error ran little of its command's code: not learned.
      expect(run(cache, ['due', '--bogus']).status).toBe(2);
      expect(commands()).toBe('');
      expect(run(cache, ['due']).status).toBe(0);
      expect(commands()).toBe('due');
      const first = fs.readFileSync(file);
      // A command it holds reads it and leaves it as it was.
      expect(run(cache, ['due']).status).toBe(0);
      expect(fs.readFileSync(file).equals(first)).toBe(true);
      // A command it has not held writes it again, with that command's code too.
      expect(run(cache, ['--db', j.db, 'list']).status).toBe(0);
      expect(commands()).toBe('due list');
      expect(fs.statSync(file).size).toBeGreaterThan(first.length);
      const second = fs.readFileSync(file);
      expect(run(cache, ['due']).status).toBe(0);
      expect(run(cache, ['list']).status).toBe(0);
      expect(fs.readFileSync(file).equals(second)).toBe(true);
      // An occasional command runs from the full bundle, which this cache is not for.
      expect(run(cache, ['--version']).status).toBe(0);
      expect(fs.readFileSync(file).equals(second)).toBe(true);
      expect(caches(cache)).toEqual(['net.v8', 'notes.txt']);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.join(cache, 'net')).mode & 0o777).toBe(0o700);
    } finally {
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });

  it('a cache of another build, or a damaged one, changes nothing the user sees, and is written again', () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'net-cache-'));
    try {
      const clean = run(cache, ['list']);
      const file = path.join(cache, 'net', 'net.v8');
      const good = fs.readFileSync(file);
      const header = good.subarray(0, good.indexOf(10) + 1);
      const bad = [
        Buffer.concat([Buffer.from('/elsewhere/dist/net.cjs 1 2 v20.0.0 x64\n'), good.subarray(header.length)]),
        Buffer.concat([header, Buffer.alloc(4096, 7)]),
        Buffer.alloc(4096, 7),
      ];
      for (const data of bad) {
        fs.writeFileSync(file, data);
        const r = run(cache, ['list']);
        expect(r.status).toBe(0);
        expect(r.stderr).toBe('');
        expect(r.stdout).toBe(clean.stdout);
        const again = fs.readFileSync(file);
        expect(again.equals(data)).toBe(false);
        expect(again.subarray(0, header.length).equals(header)).toBe(true);
      }
    } finally {
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });
});
