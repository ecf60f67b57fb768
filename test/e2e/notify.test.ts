// net due --notify with a fake notifier on PATH, and the README's morning recipes (cron and
// a systemd user timer) run as written against a temp home.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, cleanupJournals, ROOT, tempJournal, type TempJournal } from './helpers.js';

afterEach(cleanupJournals);

/** A folder with a notify-send that appends each call's arguments, one per line, to `calls`. */
function fakeBin(j: TempJournal, exitCode = 0): { bin: string; calls: () => string[][] } {
  const bin = path.join(j.dir, 'bin');
  fs.mkdirSync(bin);
  const log = path.join(j.dir, 'calls.json');
  fs.writeFileSync(
    path.join(bin, 'notify-send'),
    `#!${process.execPath}\nconst fs = require('node:fs');\nfs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');\nprocess.exit(${exitCode});\n`,
    { mode: 0o755 },
  );
  // `net` itself, for the recipes.
  fs.writeFileSync(path.join(bin, 'net'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
  return {
    bin,
    calls: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as string[]) : []),
  };
}

function owing(j: TempJournal): void {
  j.ok('add', 'Dana Whitfield', '--met', 'coffee at Bennu', '--kind', 'coffee');
  j.ok('add', 'Eve <b>"x"</b> & $(touch pwned); `id`', '--met', 'call', '--kind', 'call');
  j.ok('lead', 'Dana', 'Acme is hiring', '--on', '2026-09-20');
}

const TEXT = [
  '--app-name=net',
  '--',
  'net: 3 things owed today',
  // The lead given on 09-20 was recorded today: due today, after the thank-yous.
  "thank Dana Whitfield, thank Eve &lt;b&gt;\"x\"&lt;/b&gt; &amp; $(touch pwned); `id`, follow Dana Whitfield's lead. See them with: net due",
];

describe('net due --notify', () => {
  it('calls the notifier on PATH once, with the summary, and prints nothing', () => {
    const j = tempJournal();
    owing(j);
    const { bin, calls } = fakeBin(j);
    const r = j.netWith({ env: { PATH: bin } }, 'due', '--notify');
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(calls()).toEqual([TEXT]);
    expect(fs.existsSync(path.join(ROOT, 'pwned'))).toBe(false);
    expect(fs.existsSync(path.join(j.dir, 'pwned'))).toBe(false);
  });

  it('exits 0 silently when nothing is owed, or when there is no notifier', () => {
    const j = tempJournal();
    const { bin, calls } = fakeBin(j);
    j.ok('add', 'Dana Whitfield', '--met', 'coffee', '--kind', 'coffee');
    j.ok('thank', 'Dana');
    const nothing = j.netWith({ env: { PATH: bin } }, 'due', '--notify');
    expect([nothing.code, nothing.stdout, nothing.stderr]).toEqual([0, '', '']);
    expect(calls()).toEqual([]);

    j.ok('add', 'Bob Ortiz', '--met', 'call', '--kind', 'call');
    const empty = path.join(j.dir, 'empty');
    fs.mkdirSync(empty);
    for (const PATH of [empty, undefined]) {
      const r = j.netWith({ env: { PATH } }, 'due', '--notify');
      expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    }
    expect(calls()).toEqual([]);
  });

  it('a notifier that fails is a warning, never a failed timer; --notify goes alone', () => {
    const j = tempJournal();
    owing(j);
    const { bin, calls } = fakeBin(j, 1);
    const r = j.netWith({ env: { PATH: bin } }, 'due', '--notify');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^net: warning: no notification shown: notify-send failed \(exit 1\)\.\n$/);
    expect(calls()).toHaveLength(1);
    for (const extra of ['--json', '--all']) {
      const bad = j.netWith({ env: { PATH: bin } }, 'due', '--notify', extra);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--notify');
    }
    expect(calls()).toHaveLength(1);
  });
});

/** The fenced blocks of the README's reminders section, with the file name said before each. */
function recipes(): { cron: string; units: Map<string, string> } {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Reminders on your desktop'), readme.indexOf('## Bringing your network in'));
  const cron = /```cron\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const units = new Map<string, string>();
  for (const m of section.matchAll(/`([\w-]+\.(?:service|timer))`:\n\n```ini\n([\s\S]*?)```/g)) units.set(m[1] ?? '', m[2] ?? '');
  return { cron, units };
}

function checkMorning(home: string, calls: () => string[][]): void {
  const ics = fs.readFileSync(path.join(home, 'Sync', 'net.ics'), 'utf8');
  expect(fs.statSync(path.join(home, 'Sync', 'net.ics')).mode & 0o777).toBe(0o600);
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
  expect(events.map((e) => String(e.getFirstPropertyValue('summary')))).toContain('Thank Dana Whitfield for the coffee');
  expect(calls()).toEqual([TEXT]);
}

describe("the README's morning recipes", () => {
  it('the cron line rewrites the calendar and notifies', () => {
    const { cron } = recipes();
    const lines = cron.trim().split('\n');
    expect(lines).toHaveLength(2);
    const cronPath = /^PATH=(.+)$/.exec(lines[0] ?? '')?.[1];
    expect(cronPath).toBeDefined();
    const fields = (lines[1] ?? '').split(' ');
    expect(fields.slice(0, 5)).toEqual(['30', '8', '*', '*', '*']);
    // cron runs the rest of the line with sh, with % meaning a new line: there must be none.
    const command = fields.slice(5).join(' ');
    expect(command).not.toContain('%');

    const j = tempJournal();
    owing(j);
    const { bin, calls } = fakeBin(j);
    const home = path.join(j.dir, 'home');
    fs.mkdirSync(path.join(home, 'Sync'), { recursive: true });
    const r = spawnSync('/bin/sh', ['-c', command], {
      env: { HOME: home, PATH: `${bin}:${cronPath}`, NET_DB: j.db, NET_TODAY: j.today },
      encoding: 'utf8',
    });
    expect([r.status, r.stdout, r.stderr]).toEqual([0, `Wrote 5 events to ${home}/Sync/net.ics: 3 owed today, 2 falling due in the next 60 days.\n`, '']);
    checkMorning(home, calls);
  });

  it('the systemd user timer is persistent, and its service rewrites the calendar and notifies', () => {
    const { units } = recipes();
    expect([...units.keys()]).toEqual(['net-morning.service', 'net-morning.timer']);
    const timer = units.get('net-morning.timer') ?? '';
    expect(timer).toMatch(/^\[Timer\]\nOnCalendar=\*-\*-\* 08:30\nPersistent=true\n/m);
    expect(timer).toMatch(/^\[Install\]\nWantedBy=timers\.target$/m);
    const service = units.get('net-morning.service') ?? '';
    expect(service).toContain('Type=oneshot');
    const execs = [...service.matchAll(/^ExecStart=(.+)$/gm)].map((m) => m[1] ?? '');
    expect(execs).toHaveLength(2);

    const j = tempJournal();
    owing(j);
    const { bin, calls } = fakeBin(j);
    const home = path.join(j.dir, 'home');
    fs.mkdirSync(path.join(home, 'Sync'), { recursive: true });
    // What systemd does: %h is the home folder, the words are the command (no shell), one after the other.
    for (const exec of execs) {
      const [program = '', ...args] = exec.replaceAll('%h', home).split(' ');
      const r = spawnSync(program, args, { env: { HOME: home, PATH: bin, NET_DB: j.db, NET_TODAY: j.today }, encoding: 'utf8' });
      expect([r.status, r.stderr]).toEqual([0, '']);
    }
    checkMorning(home, calls);

    // systemd's own check of both units, where systemd is installed.
    const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
    if (analyze.status === 0) {
      const dir = path.join(j.dir, 'units');
      fs.mkdirSync(dir);
      for (const [name, text] of units) fs.writeFileSync(path.join(dir, name), text);
      const v = spawnSync('systemd-analyze', ['verify', path.join(dir, 'net-morning.timer'), path.join(dir, 'net-morning.service')], { encoding: 'utf8' });
      expect([v.status, v.stderr]).toEqual([0, '']);
    }
  });
});
