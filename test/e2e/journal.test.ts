// End to end: the real binary, a temp journal, NET_TODAY fixed, no terminal.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCEPTANCE_SESSION,
  ANSI,
  CONTACT_KEYS,
  type ContactJson,
  type DueJson,
  ROOT,
  type Result,
  STACK_LINE,
  type ShowJson,
  TODAY,
  type TempJournal,
  UNSAFE_CHARS,
  byName,
  cleanupJournals,
  runNetOpenStdin,
  seedAcceptance,
  tempJournal,
} from './helpers.js';

afterAll(cleanupJournals);

/** A journal holding the acceptance session, built once and copied for each test that changes it. */
let template: TempJournal;
beforeAll(() => {
  template = tempJournal();
  seedAcceptance(template);
});

function seeded(today = TODAY): TempJournal {
  return tempJournal({ from: template.db, today });
}

const show = (j: TempJournal, who: string) => j.json<ShowJson>('show', who, '--json');
const due = (j: TempJournal, ...flags: string[]) => j.json<DueJson[]>('due', '--json', ...flags);
const dueIds = (j: TempJournal, ...flags: string[]) => due(j, ...flags).map((d) => d.id);

function only<T>(items: readonly T[], pred: (t: T) => boolean, what: string): T {
  const found = items.filter(pred);
  if (found.length !== 1) throw new Error(`expected exactly one ${what}, found ${found.length}`);
  return found[0] as T;
}

function expectClean(r: Result, label: string): void {
  const both = `${r.stdout}\n${r.stderr}`;
  const bad = UNSAFE_CHARS.exec(both);
  expect(bad, `${label} printed U+${bad?.[0].codePointAt(0)?.toString(16).padStart(4, '0')}: ${JSON.stringify(both)}`).toBeNull();
}

describe('the acceptance session of the issue (NET_TODAY=2026-10-01)', () => {
  let j: TempJournal;
  let results: Result[];
  beforeAll(() => {
    j = tempJournal({ today: '2026-10-01' });
    results = ACCEPTANCE_SESSION.map((args) => j.net(...args));
  });

  it('runs every command as written, each saying what it did', () => {
    results.forEach((r, n) => {
      expect(r.code, `net ${ACCEPTANCE_SESSION[n]?.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout.trim()).not.toBe('');
    });
    expect(results[0]?.stdout).toContain('Thom Singer');
    expect(results[1]?.stdout).toContain('Dana Whitfield');
  });

  it('show Dana --json has the interactions, the need, both promises and a followed lead', () => {
    const dana = show(j, 'Dana');
    expect(dana.name).toBe('Dana Whitfield');
    expect(dana.company).toBe('Sell Computers');
    expect(dana.met_where).toBe('coffee at Bennu');
    expect(dana.met_on).toBe('2026-09-30');

    const first = only(dana.interactions, (i) => i.on === '2026-09-30', 'first meeting');
    expect(first.kind).toBe('meeting');
    expect(first.contacts.map((c) => c.name)).toEqual(['Dana Whitfield']);
    const call = only(dana.interactions, (i) => i.kind === 'call', 'intro call');
    expect(call.on).toBe('2026-10-01');
    expect(call.summary).toBe('intro call');
    expect(call.contacts.map((c) => c.name).sort()).toEqual(['Bob Ortiz', 'Dana Whitfield']);
    // Dana introduced Bob through her lead: she is owed a thank-you for it.
    const intro = only(dana.interactions, (i) => i.kind === 'intro', 'introduction of Bob');
    expect(intro).toMatchObject({ on: '2026-10-01', summary: 'introduced you to Bob Ortiz', thanks_owed: true });
    expect(dana.interactions).toHaveLength(3);

    expect(dana.needs.map((n) => [n.what, n.status])).toEqual([['an intro at Dell', 'open']]);

    const mine = only(dana.promises, (p) => p.direction === 'mine', 'promise of mine');
    expect([mine.what, mine.status]).toEqual(['send my notes', 'open']);
    const theirs = only(dana.promises, (p) => p.direction === 'theirs', 'promise of theirs');
    expect([theirs.what, theirs.status]).toEqual(['pass my resume to Harry', 'open']);
    expect(dana.promises).toHaveLength(2);

    expect(dana.leads).toHaveLength(1);
    const lead = dana.leads[0];
    expect(lead?.what).toBe('Bob runs data at Acme');
    expect(lead?.company).toBe('Acme');
    expect(lead?.person?.name).toBe('Bob Ortiz');
    expect(lead?.status).toBe('followed');
    expect(lead?.followed_on).toBe('2026-10-01');
  });

  it('show --json has the contract keys, with ledger {gave, received}', () => {
    const card = show(j, 'Dana');
    const dana = card as unknown as Record<string, unknown>;
    for (const key of [...CONTACT_KEYS, 'notes', 'interactions', 'leads', 'promises', 'needs', 'due', 'ledger']) {
      expect(dana, key).toHaveProperty(key);
      expect(dana[key], key).not.toBeUndefined();
    }
    for (const key of ['interactions', 'leads', 'promises', 'needs', 'due', 'tags']) expect(Array.isArray(dana[key]), key).toBe(true);
    const ledger = dana.ledger as Record<string, unknown>;
    expect(Object.keys(ledger).sort()).toEqual(expect.arrayContaining(['gave', 'received']));
    expect(Number.isInteger(ledger.gave)).toBe(true);
    expect(Number.isInteger(ledger.received)).toBe(true);
    for (const d of card.due) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['id', 'kind', 'contact', 'title', 'since', 'due', 'days_overdue']));
      expect(d.contact.name).toBe('Dana Whitfield');
    }
  });

  it('list --json: Bob introduced by Dana, Dana by Thom, every contract key present', () => {
    const list = j.json<ContactJson[]>('list', '--json');
    expect(list.map((c) => c.name).sort()).toEqual(['Bob Ortiz', 'Dana Whitfield', 'Thom Singer']);
    for (const c of list) {
      for (const key of CONTACT_KEYS) {
        expect(c, `${c.name}.${key}`).toHaveProperty(key);
        expect((c as unknown as Record<string, unknown>)[key], `${c.name}.${key}`).not.toBeUndefined();
      }
      expect(c.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
      expect(Array.isArray(c.tags)).toBe(true);
    }
    const by = (name: string) => only(list, (c) => c.name === name, name);
    const thom = by('Thom Singer');
    const dana = by('Dana Whitfield');
    const bob = by('Bob Ortiz');
    expect(bob.introduced_by).toEqual({ id: dana.id, name: 'Dana Whitfield' });
    expect(dana.introduced_by).toEqual({ id: thom.id, name: 'Thom Singer' });
    expect(thom.introduced_by).toBeNull();
    expect(thom.company).toBe('Singer Group');
    expect(bob.company).toBe('Acme');
    expect(new Set(list.map((c) => c.uuid)).size).toBe(3);
  });

  it('find Acme finds Bob', () => {
    const r = j.net('find', 'Acme');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Bob Ortiz');
    const found = j.json<ContactJson[]>('find', 'Acme', '--json');
    expect(found.map((c) => c.name)).toContain('Bob Ortiz');
    expect(found.map((c) => c.name)).not.toContain('Thom Singer');
  });
});

describe('bad dates are refused with exit 2 and change nothing', () => {
  let j: TempJournal;
  beforeAll(() => {
    j = seeded();
  });
  const dates = ['2026-13-45', '31/02/2026', 'someday soonish'];
  const commands: Array<[string, (d: string) => string[]]> = [
    ['add', (d) => ['add', 'Eve Adams', '--on', d]],
    ['add with everything', (d) => ['add', 'Eve Adams', '--met', 'a fair', '--need', 'a job', '--promise', 'a call', '--on', d]],
    ['log', (d) => ['log', 'Dana', 'coffee again', '--kind', 'coffee', '--on', d]],
    ['lead', (d) => ['lead', 'Dana', 'Carol at Initech', '--person', 'Carol King', '--on', d]],
    ['need', (d) => ['need', 'Dana', 'a reference', '--on', d]],
    ['promise --by', (d) => ['promise', 'Dana', 'send the deck', '--by', d]],
    ['thank', (d) => ['thank', 'Dana', '--on', d]],
    ['edit', (d) => ['edit', 'Dana', '--on', d]],
  ];
  const cases = dates.flatMap((d) => commands.map(([name, args]) => [name, d, args(d)] as const));

  it.each(cases)('%s with %j', (_name, date, args) => {
    const before = j.snapshot();
    const r = j.net(...args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(date);
    expect(r.stdout).not.toMatch(/Added|Logged|Thanked|Updated/);
    expect(j.snapshot()).toEqual(before);
  });

  it('the snapshot does notice a change: a good date is written', () => {
    const before = j.snapshot();
    expect(j.net('log', 'Thom', 'a good date', '--on', '2026-09-29').code).toBe(0);
    expect(j.snapshot().hash).not.toBe(before.hash);
  });

  it('leaves the records as they were', () => {
    expect(j.json<ContactJson[]>('list', '--json').map((c) => c.name).sort()).toEqual(['Bob Ortiz', 'Dana Whitfield', 'Thom Singer']);
    const dana = show(j, 'Dana');
    expect(dana.interactions).toHaveLength(3);
    expect(show(j, 'Thom').interactions.map((i) => i.summary)).toEqual(['a good date', 'introduced you to Dana Whitfield']);
    expect(dana.needs).toHaveLength(1);
    expect(dana.promises).toHaveLength(2);
    expect(dana.met_on).toBe('2026-09-30');
  });
});

describe('contact references', () => {
  let j: TempJournal;
  let dan: ContactJson;
  let dana: ContactJson;
  beforeAll(() => {
    j = seeded();
    j.ok('add', 'Dan Brown');
    dan = byName(j, 'Dan Brown');
    dana = byName(j, 'Dana Whitfield');
  });

  it.each([
    ['show', ['show', 'Nobody Atall']],
    ['log', ['log', 'Nobody Atall', 'hello']],
    ['lead', ['lead', 'Nobody Atall', 'a lead']],
    ['an unknown id', ['show', '999']],
  ])('an unknown contact (%s) is exit 2 and changes nothing', (_label, args) => {
    const before = j.snapshot();
    const r = j.net(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(args[1] === '999' ? /999/ : /Nobody Atall/);
    expect(j.snapshot()).toEqual(before);
  });

  it('an ambiguous name without a terminal is exit 2 listing every candidate with its id', () => {
    const before = j.snapshot();
    for (const args of [['show', 'Dan'], ['log', 'Dan', 'a chat']]) {
      const r = j.net(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`#?${dana.id}\\b.*Dana Whitfield`));
      expect(r.stderr).toMatch(new RegExp(`#?${dan.id}\\b.*Dan Brown`));
      expect(r.stderr).not.toContain('Thom Singer');
    }
    expect(j.snapshot()).toEqual(before);
  });

  it('finds by id, #id, any case and without accents', () => {
    j.ok('add', 'Zoë Ångström');
    expect(show(j, String(dana.id)).name).toBe('Dana Whitfield');
    expect(show(j, `#${dan.id}`).name).toBe('Dan Brown');
    expect(show(j, 'DANA').name).toBe('Dana Whitfield');
    expect(show(j, 'zoe angstrom').name).toBe('Zoë Ångström');
    expect(show(j, 'whitf').name).toBe('Dana Whitfield');
  });
});

describe('without a terminal nothing prompts', () => {
  it('net add with no name exits 2 at once, even with stdin left open', async () => {
    const j = tempJournal();
    const r = await runNetOpenStdin(j.db, ['add'], 5_000);
    expect(r.code, `timed out or failed: ${r.stderr}`).toBe(2);
    expect(r.ms).toBeLessThan(4_000);
    expect(r.stderr).toMatch(/net add/);
    expect(r.stdout).not.toMatch(/Name/);
    const closed = j.net('add');
    expect(closed.code).toBe(2);
    expect(j.json<ContactJson[]>('list', '--json')).toEqual([]);
  });

  it('net rm needs --yes: without it nothing is deleted; with it the contact is gone', () => {
    const j = seeded();
    const before = j.snapshot();
    const refused = j.net('rm', 'Thom');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');
    expect(j.snapshot()).toEqual(before);
    expect(j.json<ContactJson[]>('list', '--json').map((c) => c.name)).toContain('Thom Singer');

    const done = j.net('rm', 'Thom', '--yes');
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('Thom Singer');
    expect(j.json<ContactJson[]>('list', '--json').map((c) => c.name).sort()).toEqual(['Bob Ortiz', 'Dana Whitfield']);
    expect(j.net('show', 'Thom').code).toBe(2);
  });
});

describe('hostile names are stored exactly and printed as harmless text', () => {
  const NAMES = [
    `Robert'); DROP TABLE contacts;--`,
    `O'Brien "The Hammer" Ó Súilleabháin`,
    'Zoë 😀👩🏽‍💻 Emoji',
    'مريم الحسن',
    'שרה כהן',
    '\u001b[31mred\u001b]0;x\u0007',
    'evil\u202egnp.exe \u2066iso\u2069',
    'c1 \u009b31m csi\u0085end',
  ];
  let j: TempJournal;
  let adds: Result[];
  let ids: Map<string, number>;
  beforeAll(() => {
    j = tempJournal();
    adds = NAMES.map((name) => j.net('add', name, '--company', 'Quirk Co', '--met', name, '--need', name, '--note', name));
    ids = new Map(j.json<ContactJson[]>('list', '--json').map((c) => [c.name, c.id]));
  });

  it('every add succeeds', () => {
    adds.forEach((r, n) => expect(r.code, `${JSON.stringify(NAMES[n])}: ${r.stderr}`).toBe(0));
  });

  it('round-trips through JSON byte for byte', () => {
    expect([...ids.keys()].sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) {
      const id = ids.get(name);
      const card = show(j, String(id));
      expect(card.name).toBe(name);
      expect(card.met_where).toBe(name);
      expect(card.notes).toBe(name);
      expect(card.needs.map((n) => n.what)).toEqual([name]);
    }
    // The SQL was data: the table is still there.
    expect(j.json<ContactJson[]>('list', '--json')).toHaveLength(NAMES.length);
  });

  it('human output has no raw ESC, BEL, C1 or bidi controls', () => {
    adds.forEach((r, n) => expectClean(r, `add ${JSON.stringify(NAMES[n])}`));
    const list = j.net('list');
    expectClean(list, 'list');
    expect(list.stdout).toContain('DROP TABLE');
    expect(list.stdout).toContain('😀');
    expect(list.stdout).toContain('مريم');
    expect(list.stdout).toContain('[31mred');
    for (const [name, id] of ids) expectClean(j.net('show', String(id)), `show ${JSON.stringify(name)}`);
    const find = j.net('find', 'Quirk');
    expect(find.code).toBe(0);
    expectClean(find, 'find');
    for (const name of ['DROP TABLE', 'Hammer', '😀', 'مريم', 'כהן', '[31mred', 'gnp', 'csi']) expect(find.stdout).toContain(name);
    expectClean(j.net('due'), 'due');
    expectClean(j.netWith({ env: { NET_TODAY: '2026-12-31' } }, 'due'), 'due later');
    expectClean(j.net('needs'), 'needs');
  });

  it('error messages quote the text harmlessly', () => {
    for (const name of NAMES) {
      const r = j.net('show', `${name} nobody`);
      expect(r.code).toBe(2);
      expectClean(r, `unknown ${JSON.stringify(name)}`);
    }
    j.ok('add', '\u001b[31mred two');
    const ambiguous = j.net('show', '\u001b[31mre');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('red two');
    expectClean(ambiguous, 'ambiguous');
    const badDate = j.net('log', 'Quirk', '--on', '\u001b]0;pwned\u0007');
    expect(badDate.code).toBe(2);
    expectClean(badDate, 'bad date');
  });
});

describe('colour', () => {
  let j: TempJournal;
  beforeAll(() => {
    j = seeded();
  });

  it('no output has escape codes when piped', () => {
    const runs: Array<[string[], Result]> = [
      ['list'], ['show', 'Dana'], ['due'], ['needs'], ['find', 'Acme'], ['--help'], ['add', '--help'],
      ['show', 'Nobody'], ['show', 'Dan'], ['log', 'Dana', '--on', 'never ever'], ['bogus-command'],
    ].map((args) => [args, j.net(...args)]);
    for (const [args, r] of runs) {
      expect(r.stdout + r.stderr, args.join(' ')).not.toContain('\u001b');
    }
    expect(runs[0]?.[1].stdout).toContain('Dana Whitfield');
  });

  it('FORCE_COLOR=1 colours net list', () => {
    const r = j.netWith({ env: { FORCE_COLOR: '1' } }, 'list');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(ANSI);
  });

  it.each([
    ['NO_COLOR=1', { FORCE_COLOR: '1', NO_COLOR: '1' }, ['list']],
    ['--no-color before the command', { FORCE_COLOR: '1' }, ['--no-color', 'list']],
    ['--no-color after the command', { FORCE_COLOR: '1' }, ['list', '--no-color']],
  ])('%s wins over FORCE_COLOR', (_label, env, args) => {
    const r = j.netWith({ env }, ...args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Dana Whitfield');
    expect(r.stdout).not.toContain('\u001b');
  });
});

describe('help and version', () => {
  const COMMANDS = ['add', 'log', 'lead', 'promise', 'need', 'needs', 'thank', 'due', 'done', 'snooze', 'show', 'list', 'find', 'edit', 'rm', 'report', 'merge', 'import', 'export', 'backup', 'doctor', 'sync', 'completion'];
  let j: TempJournal;
  beforeAll(() => {
    j = tempJournal();
  });

  it.each(COMMANDS)('net %s --help exits 0 with an example', (command) => {
    const r = j.net(command, '--help');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^\\s*net ${command}(\\s|$)`, 'm'));
    expect(r.stdout).not.toContain('\u001b');
  });

  it('net --version prints the package version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = j.net('--version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});

describe('the journal file', () => {
  it('a journal from a newer net (user_version 99) is refused with exit 1 and left as it was', () => {
    const j = tempJournal();
    j.ok('add', 'Thom Singer');
    const db = new Database(j.db);
    db.pragma('user_version = 99');
    db.close();
    const before = j.snapshot();
    for (const args of [['list'], ['add', 'Dana Whitfield'], ['show', 'Thom']]) {
      const r = j.net(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/newer/i);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(j.snapshot()).toEqual(before);
    }
    const check = new Database(j.db, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(99);
    expect(check.prepare('select name from contacts').all()).toEqual([{ name: 'Thom Singer' }]);
    check.close();
  });

  it('is created 0600 in a folder created 0700', () => {
    const j = tempJournal({ file: path.join('deep', 'er', 'net.db') });
    expect(fs.existsSync(path.dirname(j.db))).toBe(false);
    j.ok('add', 'Thom Singer');
    expect(fs.statSync(j.db).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(j.db)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(j.dir, 'deep')).mode & 0o777).toBe(0o700);
  });

  it('errors are plain sentences with no stack trace unless NET_DEBUG=1', () => {
    const j = seeded();
    const notADb = path.join(j.dir, 'notes.txt');
    fs.writeFileSync(notADb, 'this is not a journal, just some notes\n'.repeat(200));
    const failures: Array<[string, Result]> = [
      ['bad date', j.net('log', 'Dana', '--on', 'someday soonish')],
      ['unknown contact', j.net('show', 'Nobody')],
      ['ambiguous-free bad id', j.net('done', 'x99')],
      ['unknown lead', j.net('lead', 'followed', 'l99')],
      ['not a journal', j.netWith({ env: { NET_DB: notADb } }, 'list')],
      ['a folder', j.netWith({ env: { NET_DB: j.dir } }, 'list')],
    ];
    for (const [label, r] of failures) {
      expect(r.code, label).not.toBe(0);
      expect(r.stderr.trim(), label).not.toBe('');
      expect(r.stderr, label).not.toMatch(STACK_LINE);
      expect(r.stderr, label).not.toMatch(/Error:|\.ts:\d|\.js:\d/);
    }
    expect(failures.find(([l]) => l === 'not a journal')?.[1].code).toBe(1);
    const debug = j.netWith({ env: { NET_DB: notADb, NET_DEBUG: '1' } }, 'list');
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(STACK_LINE);
    // The stack names the error as the sources do, though the bundle's names are minified.
    const usage = j.netWith({ env: { NET_DEBUG: '1' } }, 'show', 'Nobody');
    expect(usage.stderr).toMatch(/^UsageError: /m);
  });
});

describe('changing records', () => {
  it('leads move followed → reported, or dropped; a finished lead cannot move', () => {
    const j = seeded();
    j.ok('lead', 'Dana', 'Carol hires at Initech', '--company', 'Initech');
    j.ok('lead', 'Dana', 'Globex has an opening', '--job', 'Data engineer');
    const leads = show(j, 'Dana').leads;
    const carol = only(leads, (l) => l.what === 'Carol hires at Initech', 'Carol lead');
    const globex = only(leads, (l) => l.what === 'Globex has an opening', 'Globex lead');
    expect(carol.status).toBe('open');

    j.ok('lead', 'followed', `l${carol.id}`);
    let now = only(show(j, 'Dana').leads, (l) => l.id === carol.id, 'Carol lead');
    expect([now.status, now.followed_on]).toEqual(['followed', TODAY]);

    j.ok('lead', 'reported', String(carol.id), '--outcome', 'interview booked');
    now = only(show(j, 'Dana').leads, (l) => l.id === carol.id, 'Carol lead');
    expect([now.status, now.reported_on, now.outcome]).toEqual(['reported', TODAY, 'interview booked']);

    j.ok('lead', 'dropped', `l${globex.id}`, '--outcome', 'role filled');
    const dropped = only(show(j, 'Dana').leads, (l) => l.id === globex.id, 'Globex lead');
    expect([dropped.status, dropped.outcome]).toEqual(['dropped', 'role filled']);

    const before = j.snapshot();
    expect(j.net('lead', 'followed', `l${globex.id}`).code).toBe(2);
    expect(j.net('lead', 'followed', 'l999').code).toBe(2);
    expect(j.snapshot()).toEqual(before);
  });

  it('promises: add mine and theirs, keep one, drop the other', () => {
    const j = seeded();
    j.ok('promise', 'Dana', 'send the deck', '--by', '2026-10-10');
    j.ok('promise', 'Dana', 'intro to her manager', '--theirs', '--by', '2026-10-15');
    const promises = show(j, 'Dana').promises;
    const deck = only(promises, (p) => p.what === 'send the deck', 'deck promise');
    const intro = only(promises, (p) => p.what === 'intro to her manager', 'intro promise');
    expect([deck.direction, deck.by, deck.status]).toEqual(['mine', '2026-10-10', 'open']);
    expect([intro.direction, intro.by, intro.status]).toEqual(['theirs', '2026-10-15', 'open']);

    j.ok('promise', 'kept', `p${deck.id}`);
    j.ok('promise', 'dropped', String(intro.id));
    const after = show(j, 'Dana').promises;
    expect(only(after, (p) => p.id === deck.id, 'deck')).toMatchObject({ status: 'kept', closed_on: TODAY });
    expect(only(after, (p) => p.id === intro.id, 'intro')).toMatchObject({ status: 'dropped', closed_on: TODAY });
    expect(after.filter((p) => p.status === 'open')).toHaveLength(2);

    const before = j.snapshot();
    expect(j.net('promise', 'kept', `p${deck.id}`).code).toBe(2);
    expect(j.snapshot()).toEqual(before);
  });

  it('needs: met and dropped leave the open list', () => {
    const j = seeded();
    j.ok('need', 'Dana', 'a reference for Dell');
    const needs = show(j, 'Dana').needs;
    const dell = only(needs, (n) => n.what === 'an intro at Dell', 'Dell need');
    const ref = only(needs, (n) => n.what === 'a reference for Dell', 'reference need');
    expect(j.json<Array<{ id: number }>>('needs', '--json').map((n) => n.id).sort()).toEqual([dell.id, ref.id].sort());

    j.ok('need', 'met', `n${dell.id}`);
    j.ok('need', 'dropped', String(ref.id));
    const after = show(j, 'Dana').needs;
    expect(only(after, (n) => n.id === dell.id, 'Dell')).toMatchObject({ status: 'met', closed_on: TODAY });
    expect(only(after, (n) => n.id === ref.id, 'reference')).toMatchObject({ status: 'dropped', closed_on: TODAY });
    expect(j.json<unknown[]>('needs', '--json')).toEqual([]);
  });

  it('thank marks the open thank-you as sent', () => {
    const j = seeded();
    const meeting = only(show(j, 'Dana').interactions, (i) => i.kind === 'meeting', 'meeting');
    expect([meeting.thanks_owed, meeting.thanked_on]).toEqual([true, null]);
    expect(dueIds(j)).toContain(`i${meeting.id}`);

    const r = j.ok('thank', 'Dana');
    expect(r.stdout).toContain('Dana Whitfield');
    const after = only(show(j, 'Dana').interactions, (i) => i.id === meeting.id, 'meeting');
    expect(after.thanked_on).toBe(TODAY);
    expect(dueIds(j)).not.toContain(`i${meeting.id}`);
  });

  it('edit changes the fields given and "" clears one', () => {
    const j = seeded();
    j.ok('edit', 'Dana', '--role', 'Data lead', '--email', 'dana@example.com', '--phone', '+1 512 555 0100', '--tag', 'mentor', '--tag', 'data,austin', '--every', '30d');
    let dana = show(j, 'Dana');
    expect(dana).toMatchObject({ role: 'Data lead', email: 'dana@example.com', phone: '+1 512 555 0100', cadence_days: 30, company: 'Sell Computers' });
    expect([...dana.tags].sort()).toEqual(['austin', 'data', 'mentor']);

    j.ok('edit', 'Dana', '--email', '', '--role', '', '--via', '', '--untag', 'data');
    dana = show(j, 'Dana');
    expect(dana).toMatchObject({ email: null, role: null, introduced_by: null, phone: '+1 512 555 0100' });
    expect([...dana.tags].sort()).toEqual(['austin', 'mentor']);

    j.ok('edit', 'Dana', '--name', 'Dana W. Whitfield', '--company', 'Dell');
    expect(show(j, 'Dana')).toMatchObject({ name: 'Dana W. Whitfield', company: 'Dell' });

    const before = j.snapshot();
    expect(j.net('edit', 'Dana', '--name', '').code).toBe(2);
    expect(j.net('edit', 'Dana').code).toBe(2);
    expect(j.snapshot()).toEqual(before);
  });

  it('log --reported reports back on a followed lead', () => {
    const j = seeded();
    const lead = only(show(j, 'Dana').leads, () => true, 'lead');
    expect(lead.status).toBe('followed');
    expect(dueIds(j)).toContain(`l${lead.id}`);

    j.ok('log', 'Dana', 'told her how the Acme call went', '--kind', 'message', '--reported', `l${lead.id}`);
    const dana = show(j, 'Dana');
    expect(only(dana.leads, () => true, 'lead')).toMatchObject({ status: 'reported', reported_on: TODAY });
    expect(dana.interactions.map((i) => i.summary)).toContain('told her how the Acme call went');
    expect(dueIds(j)).not.toContain(`l${lead.id}`);
  });

  it('log --no-reply records an unanswered message that owes no thank-you', () => {
    const j = seeded();
    j.ok('log', 'Thom', 'checking in', '--kind', 'email', '--no-reply');
    const thom = show(j, 'Thom');
    const i = only(thom.interactions, (x) => x.summary === 'checking in', 'check-in');
    expect(i).toMatchObject({ kind: 'email', no_reply: true, thanks_owed: false, on: TODAY });
    j.ok('log', 'Thom', 'coffee', '--kind', 'coffee');
    const coffee = only(show(j, 'Thom').interactions, (x) => x.summary === 'coffee', 'coffee');
    expect(coffee).toMatchObject({ no_reply: false, thanks_owed: true });
  });

  describe('done and snooze, ten days later', () => {
    const LATER = '2026-10-10';

    it('done p<id> keeps my promise', () => {
      const j = seeded(LATER);
      const mine = only(show(j, 'Dana').promises, (p) => p.direction === 'mine', 'mine');
      const item = only(due(j), (d) => d.id === `p${mine.id}`, 'due promise');
      expect(item.kind).toBe('promise');
      j.ok('done', `p${mine.id}`);
      expect(only(show(j, 'Dana').promises, (p) => p.id === mine.id, 'mine')).toMatchObject({ status: 'kept', closed_on: LATER });
      expect(dueIds(j)).not.toContain(`p${mine.id}`);
    });

    it('done p<id> on their promise records a nudge; the next falls due a week later', () => {
      const j = seeded(LATER);
      const theirs = only(show(j, 'Dana').promises, (p) => p.direction === 'theirs', 'theirs');
      expect(only(due(j), (d) => d.id === `p${theirs.id}`, 'nudge').kind).toBe('nudge');
      j.ok('done', `p${theirs.id}`);
      expect(only(show(j, 'Dana').promises, (p) => p.id === theirs.id, 'theirs')).toMatchObject({
        status: 'open',
        nudges: 1,
        last_nudged_on: LATER,
      });
      expect(dueIds(j)).not.toContain(`p${theirs.id}`);
      const weekLater = j.netWith({ env: { NET_TODAY: '2026-10-17' } }, 'due', '--json');
      expect((JSON.parse(weekLater.stdout) as DueJson[]).map((d) => d.id)).toContain(`p${theirs.id}`);
    });

    it('done i<id> sends the thank-you', () => {
      const j = seeded(LATER);
      const meeting = only(show(j, 'Dana').interactions, (i) => i.kind === 'meeting', 'meeting');
      expect(only(due(j), (d) => d.id === `i${meeting.id}`, 'thanks').kind).toBe('thanks');
      j.ok('done', `i${meeting.id}`);
      expect(only(show(j, 'Dana').interactions, (i) => i.id === meeting.id, 'meeting').thanked_on).toBe(LATER);
      expect(dueIds(j)).not.toContain(`i${meeting.id}`);
    });

    it('done l<id> follows an open lead, then reports it', () => {
      const j = tempJournal({ from: template.db, today: TODAY });
      j.ok('lead', 'Thom', 'Initech is hiring', '--company', 'Initech');
      const lead = only(show(j, 'Thom').leads, () => true, 'lead');
      const later = (...args: string[]) => j.netWith({ env: { NET_TODAY: LATER } }, ...args);
      const dueLater = () => JSON.parse(later('due', '--json').stdout) as DueJson[];
      expect(only(dueLater(), (d) => d.id === `l${lead.id}`, 'lead item').kind).toBe('lead');

      expect(later('done', `l${lead.id}`).code).toBe(0);
      expect(only(show(j, 'Thom').leads, () => true, 'lead')).toMatchObject({ status: 'followed', followed_on: LATER });
      expect(only(dueLater(), (d) => d.id === `l${lead.id}`, 'report item').kind).toBe('report');

      expect(later('done', `l${lead.id}`, 'got an interview').code).toBe(0);
      expect(only(show(j, 'Thom').leads, () => true, 'lead')).toMatchObject({ status: 'reported', reported_on: LATER });
      expect(dueLater().map((d) => d.id)).not.toContain(`l${lead.id}`);
    });

    it('done c<id> logs a check-in', () => {
      const j = seeded(LATER);
      const thom = byName(j, 'Thom Singer');
      expect(only(due(j), (d) => d.id === `c${thom.id}`, 'followup').kind).toBe('followup');
      j.ok('done', `c${thom.id}`, 'sent a congrats note');
      const card = show(j, 'Thom');
      // Thom's introduction of Dana, then the check-in.
      expect(card.interactions.map((i) => i.kind)).toEqual(['intro', 'other']);
      expect(card.interactions[1]?.on).toBe(LATER);
      expect(card.last_contact).toBe(LATER);
      expect(dueIds(j)).not.toContain(`c${thom.id}`);
    });

    it('snooze hides an item until its date; --all still shows it', () => {
      const j = seeded(LATER);
      const mine = only(show(j, 'Dana').promises, (p) => p.direction === 'mine', 'mine');
      const thom = byName(j, 'Thom Singer');
      j.ok('snooze', `p${mine.id}`, '2026-10-20');
      j.ok('snooze', `c${thom.id}`, '1w');
      expect(only(show(j, 'Dana').promises, (p) => p.id === mine.id, 'mine').snoozed_until).toBe('2026-10-20');
      const ids = dueIds(j);
      expect(ids).not.toContain(`p${mine.id}`);
      expect(ids).not.toContain(`c${thom.id}`);
      const all = due(j, '--all');
      expect(all.map((d) => d.id)).toEqual(expect.arrayContaining([`p${mine.id}`, `c${thom.id}`]));
      const back = j.netWith({ env: { NET_TODAY: '2026-10-21' } }, 'due', '--json');
      expect((JSON.parse(back.stdout) as DueJson[]).map((d) => d.id)).toEqual(expect.arrayContaining([`p${mine.id}`, `c${thom.id}`]));

      const before = j.snapshot();
      expect(j.net('snooze', `p${mine.id}`, '2026-10-05').code).toBe(2);
      expect(j.net('snooze', `p${mine.id}`, 'someday soonish').code).toBe(2);
      expect(j.net('snooze', 'p999', '2026-10-20').code).toBe(2);
      expect(j.snapshot()).toEqual(before);
    });
  });
});
