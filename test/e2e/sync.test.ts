// net sync as a user meets it: two journals on one machine (a laptop and a desktop), one
// folder between them, a week of edits on both.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, STACK_LINE, type TempJournal, baseEnv, cleanupJournals, tempJournal } from './helpers.js';

afterAll(cleanupJournals);

function folder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'net-sync-folder-'));
}

/** The export without its time stamp, each list by uuid (local ids, and so the order, differ by device). */
/** Two machines on one folder: `a` added Ann Lee and made the folder, `b` joined from it. */
function joined(): { dir: string; a: TempJournal; b: TempJournal } {
  const dir = folder();
  const a = tempJournal();
  const b = tempJournal();
  a.ok('add', 'Ann Lee');
  a.ok('sync', dir);
  b.ok('sync', dir, '--join');
  return { dir, a, b };
}

function exported(j: TempJournal, today: string): unknown {
  const r = j.netWith({ env: { NET_TODAY: today } }, 'export');
  expect(r.code, r.stderr).toBe(0);
  const { exported_at: _, ...rest } = JSON.parse(r.stdout) as Record<string, unknown>;
  for (const [k, v] of Object.entries(rest)) {
    if (Array.isArray(v)) rest[k] = [...(v as Array<{ uuid: string }>)].sort((a, b) => a.uuid.localeCompare(b.uuid));
  }
  return rest;
}

function on(j: TempJournal, today: string, ...args: string[]): string {
  const r = j.netWith({ env: { NET_TODAY: today } }, ...args);
  if (r.code !== 0) throw new Error(`net ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

function contact(j: TempJournal, today: string, name: string): Record<string, unknown> | undefined {
  const list = JSON.parse(on(j, today, 'list', '--json')) as Array<Record<string, unknown>>;
  return list.find((c) => c.name === name);
}

describe('net sync: two machines, one journal', () => {
  it('stays identical through a scripted week of edits on both sides', () => {
    const dir = folder();
    const laptop = tempJournal();
    const desktop = tempJournal();
    const both = (today: string) => {
      on(laptop, today, 'sync');
      on(desktop, today, 'sync');
      on(laptop, today, 'sync');
      expect(exported(desktop, today)).toEqual(exported(laptop, today));
    };

    // Monday: the laptop has the journal; the desktop joins from the folder.
    const mon = '2026-10-05';
    on(laptop, mon, 'add', 'Dana Whitfield', '--company', 'Acme', '--met', 'PyData', '--need', 'an intro at Globex');
    on(laptop, mon, 'add', 'Kim Lee', '--via', 'Dana Whitfield', '--company', 'Initech');
    expect(on(laptop, mon, 'sync', dir)).toMatch(/sent \d+ changes/);
    expect(on(desktop, mon, 'sync', dir, '--join')).toMatch(/applied \d+ changes from 1 other device/);
    expect(exported(desktop, mon)).toEqual(exported(laptop, mon));
    expect(on(desktop, mon, 'due')).toContain('Dana Whitfield');

    // Tuesday: both edit the same contact, different fields; a conversation on the desktop.
    const tue = '2026-10-06';
    on(laptop, tue, 'edit', 'Dana', '--role', 'Staff engineer');
    on(desktop, tue, 'edit', 'Dana', '--email', 'dana@example.com');
    on(desktop, tue, 'log', 'Dana', 'coffee about Globex', '--kind', 'coffee');
    both(tue);
    const dana = contact(laptop, tue, 'Dana Whitfield');
    expect(dana?.role).toBe('Staff engineer');
    expect(dana?.email).toBe('dana@example.com');
    expect(dana?.last_contact).toBe(tue);

    // Wednesday: the same field on both sides: the later edit wins, on both.
    const wed = '2026-10-07';
    on(laptop, wed, 'edit', 'Kim', '--company', 'Globex');
    on(desktop, wed, 'edit', 'Kim', '--company', 'Umbrella');
    both(wed);
    expect(contact(laptop, wed, 'Kim Lee')?.company).toBe('Umbrella');

    // Thursday: a delete against an edit: the removal wins over the older edit.
    const thu = '2026-10-08';
    on(desktop, thu, 'edit', 'Kim', '--role', 'CTO');
    on(laptop, thu, 'rm', 'Kim', '--yes');
    both(thu);
    expect(contact(desktop, thu, 'Kim Lee')).toBeUndefined();

    // Friday: undo on one side travels to the other.
    const fri = '2026-10-09';
    on(desktop, fri, 'promise', 'Dana', 'send the deck', '--by', '2026-10-12');
    on(laptop, fri, 'edit', 'Dana', '--company', 'Globex');
    both(fri);
    const promises = (j: TempJournal) => (JSON.parse(on(j, fri, 'show', 'Dana', '--json')) as { promises: Array<{ what: string }> }).promises.map((p) => p.what);
    expect(promises(laptop)).toEqual(['send the deck']);
    // The desktop's last command is the promise (a sync is never what net undo takes back).
    expect(on(desktop, fri, 'undo')).toMatch(/Undid "net promise Dana 'send the deck'/);
    expect(on(laptop, fri, 'undo')).toMatch(/Undid "net edit Dana --company Globex"/);
    both(fri);
    expect(promises(laptop)).toEqual([]);
    expect(contact(desktop, fri, 'Dana Whitfield')?.company).toBe('Acme');

    // Saturday: a week's worth, nothing left to send on either side.
    const sat = '2026-10-10';
    const status = JSON.parse(on(laptop, sat, 'sync', '--status', '--json')) as { pending_changes: number; devices: Array<{ this_device: boolean; segments_to_apply: number }> };
    expect(status.pending_changes).toBe(0);
    expect(status.devices).toHaveLength(2);
    expect(status.devices.every((d) => d.segments_to_apply === 0)).toBe(true);
  });

  it('does not send back what it applied, and net undo leaves a sync alone', () => {
    const { a, b } = joined();
    expect(b.ok('sync').stdout).toContain('nothing new to send');
    const undo = b.net('undo');
    expect(undo.code).toBe(0);
    expect(undo.stdout).toContain('Nothing to undo on this device');
    const history = b.ok('undo', '--list');
    expect(history.stdout).toContain('Nothing to undo');
    const n = /^\s*(\d+)\s/m.exec(b.ok('history').stdout)?.[1] ?? '1';
    const refused = b.net('undo', n);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("applied other devices' changes");
    // A command whose record another device has changed since cannot be undone here.
    a.ok('edit', 'Ann', '--company', 'Acme');
    b.ok('edit', 'Ann', '--role', 'CTO');
    b.ok('sync');
    a.ok('sync');
    const later = a.net('undo');
    expect(later.code).toBe(2);
    expect(later.stderr).toMatch(/Cannot undo "net edit Ann --company Acme": another device has since changed #1 \(brought in by net sync/);
  });

  it('moves to a new folder: the journal starts it with a snapshot, and a machine joins from it', () => {
    const [old, next] = [folder(), folder()];
    const [a, b, c] = [tempJournal(), tempJournal(), tempJournal()];
    a.ok('add', 'Ann Lee');
    a.ok('sync', old);
    b.ok('sync', old, '--join');
    b.ok('edit', 'Ann', '--role', 'CTO');
    b.ok('sync');
    a.ok('sync');
    expect(a.ok('sync', next).stdout).toContain('wrote snapshot 1');
    b.ok('sync', next);
    c.ok('sync', next, '--join');
    expect(exported(c, c.today)).toEqual(exported(a, a.today));
    b.ok('edit', 'Ann', '--company', 'Acme');
    b.ok('sync');
    a.ok('sync');
    c.ok('sync');
    expect(contact(a, a.today, 'Ann Lee')).toMatchObject({ role: 'CTO', company: 'Acme' });
    expect(exported(c, c.today)).toEqual(exported(a, a.today));
  });

  it('keeps the HLC rule: a change made after a sync wins over what it brought, even from a machine whose clock runs ahead', () => {
    const dir = folder();
    const a = tempJournal();
    const b = tempJournal();
    // b's wall clock runs an hour ahead of a's.
    const skew = path.join(b.dir, 'ahead.cjs');
    fs.writeFileSync(skew, 'const now = Date.now; Date.now = () => now() + 3600000;\n');
    const ahead = { env: { NODE_OPTIONS: `--require ${skew}` } };
    a.ok('add', 'Ann Lee');
    a.ok('sync', dir);
    expect(b.netWith(ahead, 'sync', dir, '--join').code).toBe(0);
    expect(b.netWith(ahead, 'edit', 'Ann', '--company', 'From B').code).toBe(0);
    expect(b.netWith(ahead, 'sync').code).toBe(0);
    a.ok('sync');
    expect(contact(a, a.today, 'Ann Lee')?.company).toBe('From B');
    // Made on a after it saw b's change, by a clock an hour behind: still the later change.
    a.ok('edit', 'Ann', '--company', 'From A');
    a.ok('sync');
    expect(b.netWith(ahead, 'sync').code).toBe(0);
    a.ok('sync');
    expect(contact(a, a.today, 'Ann Lee')?.company).toBe('From A');
    expect(contact(b, b.today, 'Ann Lee')?.company).toBe('From A');
  });

  it('refuses a folder made for another journal, and --join into a journal with records', () => {
    const dir = folder();
    const a = tempJournal();
    const b = tempJournal();
    a.ok('add', 'Ann Lee');
    a.ok('sync', dir);
    b.ok('add', 'Bob Stone');
    const before = b.snapshot().hash;
    const other = b.net('sync', dir);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/already holds a synced journal.*--join/);
    const join = b.net('sync', dir, '--join');
    expect(join.code).toBe(2);
    expect(join.stderr).toContain('already holds records');
    expect(b.snapshot().hash).toBe(before);
    // A journal that syncs elsewhere is refused too.
    const elsewhere = folder();
    b.ok('sync', elsewhere);
    const mixed = b.net('sync', dir);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('sync folder of another journal');
    const none = tempJournal().net('sync');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Give the folder');
    for (const r of [other, join, mixed, none]) expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('names a folder with spaces, $(…) and quotes in its hints as one shell word: a pasted hint joins that folder and runs nothing else', () => {
    const parent = folder();
    const marker = path.join(parent, 'INJECTED');
    const dir = path.join(parent, `my "sync" $(touch INJECTED) it's`);
    fs.mkdirSync(dir);
    const a = tempJournal();
    const b = tempJournal();
    a.ok('add', 'Ann Lee');
    a.ok('sync', dir);
    b.ok('add', 'Bob Stone');
    const refused = b.net('sync', dir);
    expect(refused.code).toBe(2);
    const hint = /(net --db <new file> sync .* --join)/.exec(refused.stderr)?.[1] ?? '';
    const fresh = path.join(parent, 'new.db');
    const pasted = spawnSync('bash', ['-c', `net() { node ${JSON.stringify(BIN)} "$@"; }; ${hint.replace('<new file>', fresh)}`], {
      cwd: parent,
      env: baseEnv(fresh, b.today),
      encoding: 'utf8',
    });
    expect(pasted.status, pasted.stderr).toBe(0);
    expect(fs.existsSync(marker)).toBe(false);
    expect(tempJournal({ from: fresh }).json<Array<{ name: string }>>('list', '--json').map((c) => c.name)).toEqual(['Ann Lee']);
  });

  it('skips a damaged segment with a warning, applies nothing of it, and reads it once it is whole', () => {
    const { dir, a, b } = joined();
    a.ok('edit', 'Ann', '--company', 'Acme');
    a.ok('sync');
    const device = fs.readdirSync(dir).find((d) => fs.existsSync(path.join(dir, d, '00000002.seg'))) as string;
    const seg = path.join(dir, device, '00000002.seg');
    const whole = fs.readFileSync(seg, 'utf8');
    fs.writeFileSync(seg, whole.slice(0, whole.length / 2));
    const r = b.ok('sync');
    expect(r.stderr).toMatch(/Warning: Skipped segment 2 of device \w+: the segment is not valid JSON\. It is tried again/);
    expect(contact(b, b.today, 'Ann Lee')?.company).toBeNull();
    fs.writeFileSync(seg, whole);
    expect(b.ok('sync').stderr).toBe('');
    expect(contact(b, b.today, 'Ann Lee')?.company).toBe('Acme');
  });
});

describe('net sync: one transaction', () => {
  it('a change the journal refuses undoes the whole sync: nothing applied, nothing marked read or sent', () => {
    const { dir, a, b } = joined();
    a.ok('edit', 'Ann', '--company', 'Acme');
    a.ok('sync');
    b.ok('add', 'Bob Stone');
    // Segment 3 of a, altered: a name may not be empty.
    const device = fs.readdirSync(dir).find((d) => fs.existsSync(path.join(dir, d, '00000002.seg'))) as string;
    const two = JSON.parse(fs.readFileSync(path.join(dir, device, '00000002.seg'), 'utf8')) as { seq: number; body: { changes: Array<Record<string, unknown>> } };
    const change = two.body.changes[0] as Record<string, unknown>;
    two.seq = 3;
    two.body.changes = [{ ...change, c: String(change.c).replace(/ \d{9}$/, ' 000000009'), f: 'name', v: '' }];
    fs.writeFileSync(path.join(dir, device, '00000003.seg'), JSON.stringify(two));
    const before = b.snapshot().hash;
    const r = b.net('sync');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^net: A change in .* breaks a rule of this journal .*nothing was synced/);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(b.snapshot().hash).toBe(before);
    expect(contact(b, b.today, 'Ann Lee')?.company).toBeNull();
    expect((JSON.parse(b.ok('sync', '--status', '--json').stdout) as { pending_changes: number }).pending_changes).toBeGreaterThan(0);
  });
});

describe('net sync --compact', () => {
  it('lets each machine remove its files once a snapshot holds them and every machine has read them; a new machine starts from the snapshot', () => {
    const dir = folder();
    const [a, b, c] = [tempJournal(), tempJournal(), tempJournal()];
    const segments = () =>
      fs
        .readdirSync(dir)
        .filter((d) => d !== 'net-sync.json')
        .flatMap((d) => fs.readdirSync(path.join(dir, d)).map((f) => `${d === deviceOf(a) ? 'a' : 'b'}/${f}`))
        .filter((f) => f.endsWith('.seg'))
        .sort();
    const deviceOf = (j: TempJournal) => (JSON.parse(j.ok('sync', '--status', '--json').stdout) as { device: string }).device;
    a.ok('add', 'Ann Lee', '--company', 'Acme');
    a.ok('sync', dir);
    b.ok('sync', dir, '--join');
    b.ok('edit', 'Ann', '--role', 'CTO');
    b.ok('sync');
    a.ok('edit', 'Ann', '--email', 'ann@acme.example');
    a.ok('sync');
    expect(segments()).toEqual(['a/00000001.seg', 'a/00000002.seg', 'b/00000001.seg']);
    // b has not read a's segment 2 yet: a keeps it.
    expect(a.ok('sync', '--compact').stdout).toMatch(/wrote snapshot 1; removed 1 old file every device has read/);
    expect(segments()).toEqual(['a/00000002.seg', 'a/snapshot-00000001.seg', 'b/00000001.seg']);
    b.ok('sync');
    a.ok('sync');
    // Each removes its own: b's segment went at b's sync, a's last at a's.
    expect(segments()).toEqual(['a/snapshot-00000001.seg']);
    expect(c.ok('sync', dir, '--join').stdout).toContain('and a snapshot');
    expect(exported(c, c.today)).toEqual(exported(a, a.today));
    expect(exported(b, b.today)).toEqual(exported(a, a.today));
    expect(contact(c, c.today, 'Ann Lee')).toMatchObject({ role: 'CTO', email: 'ann@acme.example' });
  });
});

describe('net doctor and sync', () => {
  it('warns about a machine that has not synced for 30 days, without calling the journal broken', () => {
    const dir = folder();
    const a = tempJournal();
    a.ok('add', 'Ann Lee');
    a.ok('sync', dir);
    // Sync times are the machine's clock; "today" for the rules is NET_TODAY.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const soon = a.netWith({ env: { NET_TODAY: day(29) } }, 'doctor');
    expect(soon.code).toBe(0);
    expect(soon.stdout).toMatch(/Sync\s+1 machine, each synced within 30 days/);
    expect(soon.stderr).toBe('');
    const late = a.netWith({ env: { NET_TODAY: day(31) } }, 'doctor');
    expect(late.code).toBe(0);
    expect(late.stderr).toMatch(/Warning: this machine \(\w{8}\) has not synced for 3[01] days .*Run net sync/);
    expect(late.stdout).toContain('All good.');
  });
});

describe('net sync --passphrase-file', () => {
  it('encrypts every segment: no journal text in the folder; a wrong passphrase applies nothing', () => {
    const dir = folder();
    const a = tempJournal();
    const b = tempJournal();
    const secret = path.join(a.dir, 'passphrase');
    fs.writeFileSync(secret, 'correct horse battery staple\n');
    const wrong = path.join(a.dir, 'wrong');
    fs.writeFileSync(wrong, 'incorrect horse\n');
    const words = ['Zebulon Quartermaine', 'Xylophonic Widgets', 'zq@example.org', 'an intro at Quuxcorp', 'lunch at Vespertine'];
    a.ok('add', words[0] as string, '--company', words[1] as string, '--email', words[2] as string, '--need', words[3] as string);
    a.ok('log', 'Zebulon', words[4] as string, '--kind', 'coffee');
    expect(a.ok('sync', dir, '--passphrase-file', secret).stdout).not.toContain('Not encrypted');
    a.ok('edit', 'Zebulon', '--role', 'Chief Yodeler');
    a.ok('sync', '--passphrase-file', secret);
    const contents = () => {
      const all: string[] = [];
      const walk = (d: string) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          if (e.isDirectory()) walk(path.join(d, e.name));
          else all.push(fs.readFileSync(path.join(d, e.name), 'utf8'));
        }
      };
      walk(dir);
      return all;
    };
    const secretWords = [...words, 'Chief Yodeler', 'Zebulon', 'Quuxcorp', 'Yodeler'];
    // The manifest, two segments and the device's note; then a snapshot in place of the segments.
    const segments = contents();
    expect(segments).toHaveLength(4);
    a.ok('sync', '--compact', '--passphrase-file', secret);
    const snapshot = contents();
    expect(snapshot.some((t) => t.includes('"kind":"snapshot"'))).toBe(true);
    for (const text of [...segments, ...snapshot]) for (const w of secretWords) expect(text).not.toContain(w);
    // The same check can fail: without a passphrase, the words are there to read.
    const plain = folder();
    const c = tempJournal();
    c.ok('add', words[0] as string);
    c.ok('sync', plain);
    expect(fs.readFileSync(path.join(plain, fs.readdirSync(plain).find((d) => d !== 'net-sync.json') as string, '00000001.seg'), 'utf8')).toContain(words[0]);

    const noKey = b.net('sync', dir, '--join');
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('--passphrase-file');
    const bad = b.net('sync', dir, '--join', '--passphrase-file', wrong);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^net: The passphrase does not open .*Nothing was applied/);
    expect(fs.existsSync(b.db)).toBe(false);
    const good = b.netWith({ env: { NET_SYNC_PASSPHRASE_FILE: secret } }, 'sync', dir, '--join');
    expect(good.code, good.stderr).toBe(0);
    expect(contact(b, b.today, words[0] as string)?.role).toBe('Chief Yodeler');
    expect(exported(b, b.today)).toEqual(exported(a, a.today));
    // A device that has synced before: a wrong passphrase leaves its journal exactly as it was.
    a.ok('edit', 'Zebulon', '--role', 'Head of Yodeling');
    a.ok('sync', '--passphrase-file', secret);
    const before = b.snapshot().hash;
    const again = b.net('sync', '--passphrase-file', wrong);
    expect(again.code).toBe(2);
    expect(b.snapshot().hash).toBe(before);
    b.ok('sync', '--passphrase-file', secret);
    expect(contact(b, b.today, words[0] as string)?.role).toBe('Head of Yodeling');
    // The status reads no segment: it needs no passphrase.
    expect((JSON.parse(b.ok('sync', '--status', '--json').stdout) as { encrypted: boolean }).encrypted).toBe(true);
  });
});
