// Small command-line slips a tester found: each refusal is one plain sentence on stderr,
// with the right exit code, and changes nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, type Result, STACK_LINE, type TempJournal, baseEnv, cleanupJournals, tempJournal } from './helpers.js';

afterAll(cleanupJournals);

/** Runs net in `cwd` (the helpers run it in the project's folder), on j's journal and day. */
function netIn(j: TempJournal, cwd: string, ...args: string[]): Result {
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: baseEnv(j.db, j.today), input: '', encoding: 'utf8', timeout: 15_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
}

function expectUsage(r: Result, stderr: string): void {
  expect(r.stderr).toBe(`net: ${stderr}\n`);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stdout).toBe('');
  expect(r.code).toBe(2);
}

describe('an empty path is refused like a missing one', () => {
  it('net sync "" is exit 2 and writes nothing into the current folder', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield');
    const here = fs.mkdtempSync(path.join(j.dir, 'cwd-'));
    const before = j.snapshot();
    for (const arg of ['', ' ']) {
      expectUsage(
        netIn(j, here, 'sync', arg),
        'The path of the sync folder is empty. Give the folder to sync through, one your machines already keep in sync: net sync ~/Sync/net',
      );
    }
    expect(fs.readdirSync(here)).toEqual([]);
    expect(j.snapshot()).toEqual(before);
  });

  it('net sync --passphrase-file "" is exit 2, not a sync without encryption', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield');
    const folder = path.join(j.dir, 'sync');
    expectUsage(
      j.net('sync', folder, '--passphrase-file', ''),
      'The path of the passphrase file is empty. Give the file that holds your sync passphrase on its first line: --passphrase-file ~/.config/net/passphrase',
    );
    expect(fs.existsSync(folder)).toBe(false);
  });

  it('-o "" of export, report, calendar and draft, net backup "" and net import "" say the path is empty', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', '--every', '1d');
    const before = j.snapshot();
    const empty = 'The file name given to -o is empty. Give the path of a file with -o, or leave -o out to print to standard output.';
    for (const args of [['export'], ['report'], ['calendar'], ['draft', 'c1']]) expectUsage(j.net(...args, '-o', ''), empty);
    expectUsage(
      j.net('backup', ''),
      'The path of the backup file is empty. Give the file or folder to copy the journal to (net backup ~/Backups), or leave it out for a copy beside the journal.',
    );
    expectUsage(j.net('import', ''), 'The path of the file to import is empty. Give the path of the file: net import ~/Downloads/Connections.csv');
    expect(j.snapshot()).toEqual(before);
  });
});

describe('a file that cannot be written or read is judged by what it is', () => {
  it('-o into a folder that takes no new file says so, with what the system answered', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield');
    expectUsage(
      j.net('report', '-o', '/proc/version'),
      'Cannot write /proc/version: the folder /proc does not let net create a file in it (no such file or directory). Choose another path with -o.',
    );
    const missing = path.join(j.dir, 'nowhere', 'r.md');
    expectUsage(j.net('report', '-o', missing), `Cannot write ${missing}: its folder does not exist. Choose another path with -o.`);
  });

  it('a .json file, or one that opens like JSON, is judged as a backup', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield');
    const before = fs.readFileSync(j.db);
    const array = path.join(j.dir, 'x.json');
    fs.writeFileSync(array, '[1,2]\n');
    expectUsage(j.net('import', array), `${array} is not a net backup: it is not a JSON object.`);
    const named = path.join(j.dir, 'contacts.JSON');
    fs.writeFileSync(named, 'First Name,Last Name\nAna,Bell\n');
    const r = j.net('import', named);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^net: .*contacts\.JSON is not valid JSON \(.*\)\. Import a file written by net export\.\n$/);
    expect(fs.readFileSync(j.db)).toEqual(before);
  });
});

describe('net help <word>', () => {
  it('a word that is no command is refused as net <word> is: one line and the pointer, exit 2, no help', () => {
    const j = tempJournal();
    for (const args of [['help', 'bogus'], ['bogus']]) {
      const r = j.net(...args);
      expect(r.stderr).toBe("error: unknown command 'bogus'\nRun net --help (or net <command> --help) for usage and examples.\n");
      expect(r.stdout).toBe('');
      expect(r.code).toBe(2);
    }
    expect(j.net('help', 'hlep').stderr).toBe("error: unknown command 'hlep'\n(Did you mean help?)\nRun net --help (or net <command> --help) for usage and examples.\n");
  });

  it('a command, or an alias, still gets its help', () => {
    const j = tempJournal();
    for (const topic of ['add', 'find', 'snooze']) {
      const r = j.net('help', topic);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^Usage: net ${topic} \\[options\\]`));
    }
  });
});

describe('net edit --untag', () => {
  it('matches tags as net list --tag does: ignoring case, accents and spacing', () => {
    const j = tempJournal();
    j.ok('add', 'Tess One', '--tag', 'Recruiter', '--tag', 'Data  Éng', '--tag', 'mentor');
    expect(j.ok('edit', 'Tess One', '--untag', 'recruiter', '--untag', 'DATA eng').stdout).toBe('Updated Tess One (#1): tags.\nNext: net show 1\n');
    expect(j.json<{ tags: string[] }>('show', '1', '--json').tags).toEqual(['mentor']);
    expect(j.json<unknown[]>('list', '--tag', 'recruiter', '--json')).toEqual([]);
  });

  it('a tag the contact does not have is exit 2 naming the tags they have, and nothing changes, other fields included', () => {
    const j = tempJournal();
    j.ok('add', 'Tess One', '--tag', 'Recruiter');
    j.ok('add', 'Bare Two');
    const before = j.snapshot();
    expectUsage(j.net('edit', 'Tess One', '--untag', 'nosuchtag', '--company', 'Dell'), 'Tess One (#1) has no tag "nosuchtag": their tags are "Recruiter". Nothing was changed.');
    expectUsage(j.net('edit', 'Tess One', '--untag', 'a,recruiter', '--untag', 'b'), 'Tess One (#1) has no tags "a", "b": their tags are "Recruiter". Nothing was changed.');
    expectUsage(j.net('edit', 'Bare Two', '--untag', 'x'), 'Bare Two (#2) has no tag "x": they have no tags. Nothing was changed.');
    expectUsage(j.net('edit', 'Tess One', '--untag', ''), '--untag needs the tag to remove: net edit Dana --untag recruiter.');
    expect(j.snapshot()).toEqual(before);
  });
});

describe('a zero cadence', () => {
  it('is refused by add, edit and import with the range and the way to say never, and nothing changes', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', '--every', '30d');
    const csv = path.join(j.dir, 'c.csv');
    fs.writeFileSync(csv, 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Bell,,,,,12 Mar 2024\n');
    const before = fs.readFileSync(j.db);
    for (const every of ['0d', '0m', '0', ' 0w ']) {
      const said = `--every "${every}" is no time at all: a cadence runs from 1 day to 10 years (1d to 3650d). To never be reminded, say --every never.`;
      expectUsage(j.net('add', 'Bo Zero', '--every', every), said);
      expectUsage(j.net('edit', 'Dana Whitfield', '--every', every), said);
      expectUsage(j.net('import', csv, '--every', every), said);
    }
    expect(fs.readFileSync(j.db)).toEqual(before);
    expect(j.json<Array<{ cadence_days: number | null }>>('list', '--json').map((c) => c.cadence_days)).toEqual([30]);
    j.ok('edit', 'Dana Whitfield', '--every', '1d');
    j.ok('add', 'Bo Never', '--every', 'never');
    expect(j.json<Array<{ name: string; cadence_days: number | null }>>('list', '--json').map((c) => [c.name, c.cadence_days])).toEqual([
      ['Bo Never', null],
      ['Dana Whitfield', 1],
    ]);
  });
});

describe('a zero cadence for net landed', () => {
  it('is refused with the range and the default, since never is refused there too', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield');
    expectUsage(
      j.net('landed', 'Data engineer', '--company', 'Hooli', '--every', '0d', '--dry-run'),
      '--every "0d" is no time at all: a cadence runs from 1 day to 10 years (1d to 3650d). Leave --every out for 90 days.',
    );
  });
});

describe('net doctor on a journal missing a table', () => {
  it.each(['needs', 'interactions', 'sync_devices'])('says what is wrong and what to do itself, without sending the user to net doctor (%s)', (table) => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield');
    j.ok('sync', path.join(j.dir, 'sync'));
    const db = new Database(j.db);
    // Without foreign keys, so that no cascade runs the history's guard: a hand edit in the sqlite3 shell.
    db.exec(`PRAGMA foreign_keys = OFF; DROP TABLE ${table}`);
    db.close();
    const r = j.net('doctor');
    expect(r.stderr).toBe(
      `net: The journal ${j.db} has no table ${table}, which every net journal has: it was changed outside net, and net cannot read it. ` +
        'Restore a copy of the journal if you have one. Or import your last export into a new journal: net --db <new file> import <export.json>.\n',
    );
    expect(r.code).toBe(1);
  });
});

describe('net list says what is true when it lists nobody', () => {
  it('no one yet, everyone archived (with how to see them), or no match for the filter', () => {
    const j = tempJournal();
    expect(j.ok('list').stdout).toBe('No contacts yet. Add the first person you met: net add "Dana Whitfield" --met "coffee at Bennu"\n');
    j.ok('add', 'Dana Whitfield', '--tag', 'recruiter');
    j.ok('edit', 'Dana Whitfield', '--archive');
    expect(j.ok('list').stdout).toBe('No contacts to list: your one contact is archived. See them with: net list --archived\n');
    j.ok('add', 'Bob Ortiz');
    j.ok('edit', 'Bob Ortiz', '--archive');
    expect(j.ok('list').stdout).toBe('No contacts to list: all 2 of your contacts are archived. See them with: net list --archived\n');
    expect(j.ok('list', '--archived').stdout).toMatch(/Bob Ortiz[\s\S]*Dana Whitfield/);
    expect(j.ok('list', '--tag', 'nosuch').stdout).toBe('No contacts match. Try net list without filters.\n');
    expect(j.ok('list', '--tag', 'recruiter').stdout).toBe('No contacts match. Try net list without filters.\n');
  });

  it('an empty --tag or --company is refused (exit 2), in JSON too', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', '--company', 'Dell');
    expectUsage(j.net('list', '--tag', ''), '--tag needs a tag to look for: net list --tag recruiter.');
    expectUsage(j.net('list', '--tag', ' ', '--json'), '--tag needs a tag to look for: net list --tag recruiter.');
    expectUsage(j.net('list', '--company', ''), '--company needs a company to look for: net list --company acme.');
  });
});

describe('--thanks with --no-thanks', () => {
  it('is exit 2 for net log and net edit, in either order, and nothing is written', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', '--met', 'coffee');
    const before = j.snapshot();
    for (const pair of [['--thanks', '--no-thanks'], ['--no-thanks', '--thanks']]) {
      expectUsage(j.net('log', 'Dana Whitfield', 'call', ...pair), 'Give one of --thanks or --no-thanks, not both.');
      expectUsage(j.net('edit', 'i1', ...pair), 'Give one of --thanks or --no-thanks, not both.');
    }
    expect(j.snapshot()).toEqual(before);
    expect(j.ok('log', 'Dana Whitfield', 'call', '--no-thanks').stdout).toBe('Logged i2: other with Dana Whitfield on 2026-10-01.\nNext: net due\n');
  });
});
