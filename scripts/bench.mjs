#!/usr/bin/env node
// npm run bench [-- --contacts N --runs R --mbox-gb G --keep]
// Builds two journals as net backups and imports them with `net import`: a realistic one
// (800 contacts, 4,000 interactions over two years, about 50 in the last week) and a
// stress one of N contacts (default 10,000: 10N interactions, 2N leads, 2N promises, N
// needs over three years), each with what a real journal would have closed by now closed
// (see the README). Then it times whole processes of each command interleaved with bare
// `node -e "require('better-sqlite3')"` and prints the median ratio, a table per journal.
// Last, it writes a mailbox of G GB (default 2; 0 skips it) and times `net import mail.mbox`
// on it, with its peak memory (see mailboxBench).
// Both sides run without NODE_OPTIONS and NODE_EXTRA_CA_CERTS, which add to every Node
// start (a CA bundle: about 40 ms) and would hide net's own cost. Nothing here is
// asserted: it measures.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'net.js');
const TODAY = '2026-11-23';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}
const CONTACTS = arg('contacts', 10_000);
const MBOX_GB = arg('mbox-gb', 2);
const RUNS = Math.max(7, arg('runs', 7));

// A small deterministic generator, so every run measures the same journal.
let seed = 42;
// mulberry32: 32-bit integer arithmetic only, so every value is exact.
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
// Each kind's uuids start with its own hex digits (a uuid is hex only), so kinds never collide.
const uuid = (kind, i) => `${kind.charCodeAt(0).toString(16).padEnd(8, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`;
const day = (offset) => {
  const d = new Date(Date.UTC(2026, 10, 23) - offset * 86_400_000);
  return d.toISOString().slice(0, 10);
};
const FIRST = ['Ana', 'Ben', 'Chloé', 'Dana', 'Eli', 'Fatima', 'Goran', 'Hiro', 'Ines', 'José', 'Kai', 'Lena', 'Maria', 'Noor', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Thom'];
// A real network has thousands of surnames and hundreds of employers: build them from syllables.
const SYL = ['ka', 'lo', 'mi', 'ra', 'ten', 'vo', 'sil', 'dor', 'bel', 'nu', 'fa', 'gre', 'han', 'jo', 'qui', 'zet'];
const word = (k, parts) => Array.from({ length: parts }, (_, i) => SYL[(k >> (4 * i)) % 16]).join('');
const cap = (w) => w[0].toUpperCase() + w.slice(1);
const LAST = Array.from({ length: 2000 }, (_, k) => cap(word(k * 7 + 3, 3)));
const COMPANIES = [...Array.from({ length: 300 }, (_, k) => `${cap(word(k * 13 + 5, 2))}${pick2(k)}`), 'Acme', 'Initech', 'Globex', 'Hooli', 'Dell'];
function pick2(k) {
  return [' Labs', ' Systems', ' Health', ' Bank', ' Studio', ''][k % 6];
}
const KINDS = ['coffee', 'call', 'meeting', 'interview', 'email', 'message', 'event', 'intro', 'other'];

/**
 * A journal of `n` contacts: `interactions` of them over `days` days (of which `week` in
 * the last seven), and leads, promises and needs in proportion to the contacts.
 */
function journalBackup(n, { interactions: talks = 10 * n, days = 1095, week = 0 } = {}) {
  const contacts = [];
  for (let i = 0; i < n; i++) {
    contacts.push({
      uuid: uuid('c', i),
      name: `${pick(FIRST)} ${pick(LAST)}`,
      company: pick(COMPANIES),
      role: pick(['Engineer', 'Recruiter', 'Data lead', 'Director', null]),
      email: `person${i}@example.com`,
      phone: null,
      url: null,
      met_where: pick(['coffee', 'meetup', 'conference', 'LinkedIn']),
      met_on: day(Math.floor(rand() * days)),
      introduced_by: i > 0 && rand() < 0.3 ? uuid('c', Math.floor(rand() * i)) : null,
      tags: rand() < 0.2 ? ['recruiter'] : [],
      notes: rand() < 0.3 ? 'Met through the data community; interested in ML platform roles.' : null,
      // Most of a large network comes from imports, which set no cadence.
      cadence_days: rand() < 0.1 ? pick([30, 60, 90, 180]) : null,
      archived: false,
      snoozed_until: null,
      created_at: '2024-01-01T00:00:00.000Z',
    });
  }
  const c = () => uuid('c', Math.floor(rand() * n));
  // People with a cadence are kept in touch with, mostly on time: each gets its latest
  // interaction within about its cadence (one in ten a little late).
  const kept = contacts.filter((x) => x.cadence_days !== null);
  const interactions = [];
  for (let i = 0; i < talks; i++) {
    const keeper = kept[i];
    const age = i >= talks - week ? Math.floor(rand() * 7) : keeper ? Math.floor(rand() * keeper.cadence_days * 1.1) : Math.floor(rand() * days);
    const on = day(age);
    const kind = pick(KINDS);
    interactions.push({
      uuid: uuid('i', i),
      contacts: keeper ? [keeper.uuid] : rand() < 0.1 ? [c(), c()].filter((v, k, a) => a.indexOf(v) === k) : [c()],
      on,
      kind,
      summary: `${kind} about ${pick(COMPANIES)} and the ${pick(['data', 'platform', 'design', 'sales'])} team`,
      thanks_owed: ['coffee', 'call', 'meeting', 'interview', 'intro'].includes(kind),
      // Someone who reads net due each morning sends thank-yous within a couple of days.
      thanked_on: age > 2 || rand() < 0.5 ? on : null,
      no_reply: kind === 'email' && rand() < 0.2,
      snoozed_until: null,
    });
  }
  const leads = [];
  for (let i = 0; i < talks / 5; i++) {
    // Leads older than a week were reported or dropped; newer ones are at every step.
    const age = Math.floor(rand() * days);
    const status = age > 7 ? pick(['reported', 'reported', 'dropped']) : pick(['open', 'followed', 'reported', 'dropped']);
    const given = day(age);
    leads.push({
      uuid: uuid('l', i),
      source: c(),
      what: `${pick(FIRST)} runs ${pick(['data', 'hiring', 'platform'])} at ${pick(COMPANIES)}`,
      person: rand() < 0.5 ? c() : null,
      company: pick(COMPANIES),
      job: null,
      given_on: given,
      status,
      followed_on: status === 'open' ? null : given,
      reported_on: status === 'reported' ? given : null,
      outcome: null,
      snoozed_until: null,
    });
  }
  const promises = [];
  for (let i = 0; i < talks / 5; i++) {
    const age = Math.floor(rand() * days);
    const status = age > 7 ? pick(['kept', 'kept', 'dropped']) : pick(['open', 'kept']);
    const made = day(age);
    promises.push({
      uuid: uuid('p', i),
      contact: c(),
      what: pick(['send my notes', 'intro to a recruiter', 'share the article', 'review their resume']),
      direction: pick(['mine', 'theirs']),
      made_on: made,
      by: rand() < 0.5 ? made : null,
      status,
      closed_on: status === 'open' ? null : made,
      nudges: 0,
      last_nudged_on: null,
      snoozed_until: null,
    });
  }
  const needs = [];
  for (let i = 0; i < talks / 10; i++) {
    const age = Math.floor(rand() * days);
    // Needs go stale: most older than three months were met or dropped.
    const status = age > 90 && rand() < 0.9 ? pick(['met', 'dropped']) : 'open';
    const noted = day(age);
    needs.push({ uuid: uuid('n', i), contact: c(), what: `an intro at ${pick(COMPANIES)}`, noted_on: noted, status, closed_on: status === 'open' ? null : noted });
  }
  return { format: 'net-journal', version: 1, exported_at: new Date().toISOString(), contacts, interactions, leads, promises, needs };
}

const DEVNULL = fs.openSync(os.devNull, 'w');

function timeMs(cmd, args, env) {
  const start = process.hrtime.bigint();
  // Output goes to /dev/null, an open file: net refuses to write a report to a closed stdout.
  const r = spawnSync(cmd, args, { env, stdio: ['ignore', DEVNULL, 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// What every process here runs with: nothing that changes how Node starts (NODE_OPTIONS,
// a CA bundle to load) or how net prints (colour).
const CLEAN = { ...process.env };
for (const k of ['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS', 'FORCE_COLOR']) delete CLEAN[k];

function buildJournal(dir, name, n, shape) {
  const backup = path.join(dir, `${name}.json`);
  fs.writeFileSync(backup, JSON.stringify(journalBackup(n, shape)));
  const db = path.join(dir, `${name}.db`);
  const env = { ...CLEAN, NET_DB: db, NET_TODAY: TODAY };
  const importMs = timeMs(process.execPath, [BIN, 'import', backup], env);
  return { db, env, importMs, size: fs.statSync(db).size };
}

const BARE = [process.execPath, ['-e', "require('better-sqlite3')"]];

function measure(env, args) {
  const ratios = [];
  const times = [];
  const bare = [];
  const argsFor = (i) => (typeof args === 'function' ? args(i) : args);
  timeMs(process.execPath, [BIN, ...argsFor(-1)], env);
  timeMs(...BARE, env);
  for (let i = 0; i < RUNS; i++) {
    const b = timeMs(...BARE, env);
    const t = timeMs(process.execPath, [BIN, ...argsFor(i)], env);
    bare.push(b);
    times.push(t);
    ratios.push(t / b);
  }
  return { ms: median(times), bare: median(bare), ratio: median(ratios) };
}

function peakRss(env, args) {
  if (!fs.existsSync('/usr/bin/time')) return null;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const kb = Number(r.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : null;
}

/**
 * net sync on journal `j`: its first sync sends every record to a folder, then a new
 * journal joins from it (each record one change applied), then `j` sends a week of edits.
 * And `net due` on `j` before and after it has synced (sync's tables are never read by it).
 */
function syncBench(j) {
  const before = measure(j.env, ['due']);
  const folder = path.join(dir, 'sync-folder');
  const sent = timeMs(process.execPath, [BIN, 'sync', folder], j.env);
  const env = { ...CLEAN, NET_DB: path.join(dir, 'joined.db'), NET_TODAY: TODAY };
  // CPU time too (from /usr/bin/time, when there): on a shared machine the wall time is mostly waiting.
  const timed = fs.existsSync('/usr/bin/time');
  const cmd = timed ? ['/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, BIN, 'sync', folder, '--join']] : [process.execPath, [BIN, 'sync', folder, '--join']];
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd[1], { env, encoding: 'utf8' });
  const joinMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`net sync --join exited ${r.status}: ${r.stderr}`);
  const applied = /applied (\d+) changes/.exec(r.stdout)?.[1] ?? '?';
  const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  const after = measure(j.env, ['due']);
  console.log(
    `\nnet sync: first sync (sends every record) ${(sent / 1000).toFixed(2)} s; --join applying ${applied} changes ${(joinMs / 1000).toFixed(2)} s` +
      ` (whole process${cpu ? `; CPU ${(Number(cpu[1]) + Number(cpu[2])).toFixed(2)} s` : ''})`,
  );
  console.log(`net due before its first sync ${before.ms.toFixed(1)} ms (${before.ratio.toFixed(2)}×), after ${after.ms.toFixed(1)} ms (${after.ratio.toFixed(2)}×)`);
}

/**
 * A mailbox of `gb` GB as a job seeker's would be: a quarter of the messages in threads with
 * one of 500 contacts (replies name what they answer), half from mailing lists and
 * newsletters, a quarter from strangers; bodies of 2 to 30 KB, some with `From ` lines.
 * Written as it is generated, so the bench itself holds none of it.
 */
function writeMailbox(file, gb) {
  const fd = fs.openSync(file, 'w');
  const target = gb * 2 ** 30;
  const para = `${'Thanks for the chat yesterday, here are the notes we talked about. '.repeat(8)}\n`;
  let bytes = 0;
  let n = 0;
  let buf = [];
  let size = 0;
  const start = Date.UTC(2025, 11, 1);
  while (bytes < target) {
    const r = rand();
    const t = new Date(start + n * 60_000 * 3).toUTCString().replace('GMT', '+0000');
    const contact = `person${Math.floor(rand() * 500)}@bench.example`;
    const mine = rand() < 0.5;
    const headers =
      r < 0.25
        ? [`From: ${mine ? 'Me <me@bench.example>' : `=?UTF-8?Q?Ren=C3=A9e?= <${contact}>`}`, `To: ${mine ? contact : 'me@bench.example'}`, `Subject: Re: our chat ${n % 997}`, ...(n % 4 ? [`In-Reply-To: <${n - 1}@bench.example>`] : [])]
        : r < 0.75
          ? ['From: News <news@lists.example>', 'To: me@bench.example', 'List-Id: <news.lists.example>', `Subject: Weekly ${n}`]
          : [`From: Stranger ${n} <s${n}@strangers.example>`, 'To: me@bench.example', `Subject: Hello ${n}`];
    const paragraphs = 4 + Math.floor(rand() * 50);
    const body = para.repeat(paragraphs) + (n % 10 === 0 ? '\nFrom what I heard, this line is body.\n' : '');
    const msg = `From x@bench.example ${t.slice(0, 3)} Jan  1 00:00:00 2026\n${headers.join('\n')}\nDate: ${t}\nMessage-ID: <${n}@bench.example>\n\n${body}\n`;
    buf.push(msg);
    size += msg.length;
    bytes += msg.length;
    n++;
    if (size > 8 * 2 ** 20) {
      fs.writeSync(fd, buf.join(''));
      buf = [];
      size = 0;
    }
  }
  fs.writeSync(fd, buf.join(''));
  fs.closeSync(fd);
  return n;
}

/** Times `net import mail.mbox` on a generated mailbox of MBOX_GB GB, with its peak memory. */
function mailboxBench(dir) {
  const backup = path.join(dir, 'mail-contacts.json');
  const contacts = Array.from({ length: 500 }, (_, i) => ({
    uuid: uuid('m', i), name: `Person ${i}`, company: null, role: null, email: `person${i}@bench.example`, phone: null, url: null,
    met_where: null, met_on: null, introduced_by: null, tags: [], notes: null, cadence_days: 90, archived: false, snoozed_until: null, created_at: '2025-01-01T00:00:00Z',
  }));
  fs.writeFileSync(backup, JSON.stringify({ format: 'net-journal', version: 1, exported_at: new Date().toISOString(), contacts, interactions: [], leads: [], promises: [], needs: [] }));
  const env = { ...CLEAN, NET_DB: path.join(dir, 'mail.db'), NET_TODAY: TODAY };
  timeMs(process.execPath, [BIN, 'import', backup], env);
  const file = path.join(dir, 'mail.mbox');
  const messages = writeMailbox(file, MBOX_GB);
  const gib = fs.statSync(file).size / 2 ** 30;
  const args = [BIN, 'import', file, '--me', 'me@bench.example', '--since', '2025-01-01'];
  const timed = fs.existsSync('/usr/bin/time')
    ? spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
    : spawnSync(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (timed.status !== 0) throw new Error(`net import mail.mbox exited ${timed.status}: ${timed.stderr}`);
  const [seconds, kb] = (timed.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  console.log(`\nMailbox: ${gib.toFixed(2)} GiB, ${messages.toLocaleString('en-US')} messages (a quarter with 500 contacts)`);
  console.log(timed.stdout.split('\n')[0]);
  if (Number.isFinite(seconds) && Number.isFinite(kb)) {
    console.log(`net import mail.mbox: ${seconds.toFixed(1)} s, ${((seconds * 100_000) / messages).toFixed(1)} s per 100,000 messages, peak RSS ${(kb / 1024).toFixed(0)} MB`);
  } else {
    console.log('net import mail.mbox: no /usr/bin/time, no figures');
  }
  fs.rmSync(file, { force: true });
}

// `net due` as a terminal shows it: a page of the 30 most urgent (piped, it lists everything;
// that is timed on its own below, on a journal owing 5,000 items).
const COMMANDS = [
  ['due', ['due', '--limit', '30']],
  ['add', (i) => ['add', `Bench Person ${i}`, '--company', 'Acme', '--met', 'bench', '--need', 'an intro at Dell']],
  ['list', ['list']],
  ['find', ['find', 'Acme']],
  ['show', ['show', '17']],
  ['report', ['report']],
];

/** Times every command on journal `j` and prints the table. */
function timeCommands(j) {
  const items = JSON.parse(spawnSync(process.execPath, [BIN, 'due', '--json'], { env: j.env, encoding: 'utf8' }).stdout).length;
  console.log(`(net due lists ${items} items on this journal)`);
  console.log('command   median ms   bare ms   ratio');
  for (const [name, args] of COMMANDS) {
    const m = measure(j.env, args);
    console.log(`${name.padEnd(9)} ${m.ms.toFixed(1).padStart(9)} ${m.bare.toFixed(1).padStart(9)} ${m.ratio.toFixed(2).padStart(6)}×`);
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'net-bench-'));
// net's own code cache, apart from any other net on this machine (another checkout's bundle
// would replace it at every turn, and every run would compile from scratch).
CLEAN.XDG_CACHE_HOME = path.join(dir, 'cache');
try {
  console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
  console.log(`${RUNS} runs after a warm-up, each interleaved with bare node -e "require('better-sqlite3')"; NODE_OPTIONS and NODE_EXTRA_CA_CERTS unset for both`);

  const real = buildJournal(dir, 'realistic', 800, { interactions: 4000, days: 730, week: 50 });
  console.log(`\nRealistic journal: 800 contacts, 4000 interactions over two years (50 in the last week), 800 leads, 800 promises, 400 needs`);
  console.log(`import of the backup: ${(real.importMs / 1000).toFixed(2)} s (journal ${(real.size / 2 ** 20).toFixed(1)} MiB)`);
  timeCommands(real);
  syncBench(real);

  const j = buildJournal(dir, 'stress', CONTACTS);
  console.log(`\nStress journal: ${CONTACTS} contacts, ${10 * CONTACTS} interactions, ${2 * CONTACTS} leads, ${2 * CONTACTS} promises, ${CONTACTS} needs over three years`);
  console.log(`import of the backup: ${(j.importMs / 1000).toFixed(2)} s (journal ${(j.size / 2 ** 20).toFixed(1)} MiB)`);
  timeCommands(j);
  // A journal that owes a lot: 5,000 open promises past their date, all listed by a piped `net due`.
  const owing = journalBackup(1000, { interactions: 1000, days: 365 });
  owing.promises = Array.from({ length: 5000 }, (_, i) => ({
    uuid: uuid('q', i),
    contact: uuid('c', i % 1000),
    what: 'send the deck',
    direction: 'mine',
    made_on: day(30 + (i % 300)),
    by: day(1 + (i % 28)),
    status: 'open',
    closed_on: null,
    nudges: 0,
    last_nudged_on: null,
    snoozed_until: null,
  }));
  const owingFile = path.join(dir, 'owing.json');
  fs.writeFileSync(owingFile, JSON.stringify(owing));
  const owingEnv = { ...CLEAN, NET_DB: path.join(dir, 'owing.db'), NET_TODAY: TODAY };
  timeMs(process.execPath, [BIN, 'import', owingFile], owingEnv);
  const owed = JSON.parse(spawnSync(process.execPath, [BIN, 'due', '--json'], { env: owingEnv, encoding: 'utf8', maxBuffer: 1 << 28 }).stdout).length;
  const all = measure(owingEnv, ['due', '--limit', '0']);
  console.log(`\nnet due listing all ${owed} items owed: ${all.ms.toFixed(1)} ms, bare ${all.bare.toFixed(1)} ms, ${all.ratio.toFixed(2)}×`);
  const rss = peakRss(j.env, ['report']);
  console.log(`\npeak RSS of net report: ${rss === null ? 'n/a (no /usr/bin/time)' : `${rss.toFixed(0)} MB`}`);
  if (CONTACTS > 10_000) {
    const small = buildJournal(dir, 'stress-10000', 10_000);
    const big = measure(j.env, ['due']);
    const base = measure(small.env, ['due']);
    console.log(`net due at ${CONTACTS}: ${big.ms.toFixed(1)} ms; at 10000: ${base.ms.toFixed(1)} ms; scale ratio ${(big.ms / base.ms).toFixed(2)}×`);
  }
  if (MBOX_GB > 0) mailboxBench(dir);
  let task = null;
  try {
    task = execFileSync('sh', ['-c', 'command -v task'], { encoding: 'utf8' }).trim();
  } catch {
    task = null;
  }
  if (task) {
    const data = path.join(dir, 'task');
    fs.mkdirSync(data);
    const env = { ...CLEAN, TASKDATA: data, TASKRC: path.join(dir, 'taskrc') };
    fs.writeFileSync(env.TASKRC, `data.location=${data}\nconfirmation=off\nverbose=nothing\n`);
    const lines = [];
    for (let i = 0; i < CONTACTS; i++) lines.push(JSON.stringify({ description: `follow up ${i}`, status: 'pending', entry: '20260101T000000Z', due: `2026${String(1 + (i % 12)).padStart(2, '0')}15T000000Z`, uuid: uuid('t', i) }));
    fs.writeFileSync(path.join(dir, 'tasks.json'), lines.join('\n'));
    spawnSync(task, ['import', path.join(dir, 'tasks.json')], { env, stdio: 'ignore' });
    const ratios = [];
    for (let i = 0; i < RUNS; i++) {
      const b = timeMs(...BARE, env);
      const t = spawnSync(task, ['next'], { env, stdio: 'ignore' }) && timeMs(task, ['rc.verbose=nothing', 'next'], env);
      ratios.push(t / b);
    }
    console.log(`Taskwarrior task next on ${CONTACTS} tasks: ${median(ratios).toFixed(2)}× bare node`);
  } else {
    console.log('Taskwarrior (task) is not installed: no comparison.');
  }
} finally {
  if (process.argv.includes('--keep')) console.log(`kept the journals in ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
