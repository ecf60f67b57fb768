// End to end: ids that never move, the change history, undo, and edit/rm of every record kind.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, type ShowJson, cleanupJournals, tempJournal } from './helpers.js';

afterAll(cleanupJournals);

interface HistoryJson {
  id: number;
  uuid: string;
  command: string;
  argv: string[];
  at: string;
  hlc: string;
  device: string;
  undoes: number | null;
  undone_by: number | null;
  changes: Array<{ record: string | null; kind: string; uuid: string; field: string | null; old: unknown; new: unknown }>;
}

describe('ids are never reused', () => {
  it('after net rm, a new contact gets a new id', () => {
    const j = tempJournal();
    j.ok('add', 'Ann');
    j.ok('add', 'Ben');
    j.ok('rm', 'Ben', '--yes');
    expect(j.ok('add', 'Cy').stdout).toMatch(/#3\b/);
  });

  it('after net merge, and after undoing an add, the ids used stay used; undoing a removal brings the same id back', () => {
    const j = tempJournal();
    j.ok('add', 'Ann');
    j.ok('add', 'Ann B');
    j.ok('merge', 'Ann', 'Ann B', '--yes');
    expect(j.ok('add', 'Cy').stdout).toMatch(/#3\b/);
    j.ok('undo');
    expect(j.ok('add', 'Dee').stdout).toMatch(/#4\b/);
    j.ok('log', 'Dee', 'coffee', '--kind', 'coffee');
    j.ok('undo');
    expect(j.ok('log', 'Dee', 'tea', '--kind', 'coffee').stdout).toMatch(/\bi2\b/);
    // Undoing the merge brings Ann B back as #2.
    j.ok('rm', 'Dee', '--yes');
    j.ok('undo');
    expect(j.json<ShowJson>('show', '4', '--json').name).toBe('Dee');
  });
});

describe('net undo', () => {
  it('says what it reverted, walks back when repeated, and is itself in the history', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', '--company', 'Acme');
    j.ok('log', 'Dana', 'coffee at Bennu', '--kind', 'coffee');
    j.ok('edit', 'Dana', '--company', 'Dell');
    expect(j.ok('undo').stdout).toBe('Undid "net edit Dana --company Dell": changed #1 (company).\n');
    expect(j.ok('undo').stdout).toBe(`Undid "net log Dana 'coffee at Bennu' --kind coffee": removed i1.\n`);
    expect(j.json<ShowJson>('show', 'Dana', '--json')).toMatchObject({ company: 'Acme', interactions: [] });
    expect(j.ok('undo').stdout).toBe(`Undid "net add 'Dana Whitfield' --company Acme": removed #1.\n`);
    expect(j.ok('undo').stdout).toMatch(/^Nothing left to undo/);
    const history = j.json<HistoryJson[]>('history', '--json');
    expect(history.map((h) => [h.command, h.undoes, h.undone_by])).toEqual([
      ['net undo', 1, null],
      ['net undo', 2, null],
      ['net undo', 3, null],
      ['net edit Dana --company Dell', null, 4],
      ["net log Dana 'coffee at Bennu' --kind coffee", null, 5],
      ["net add 'Dana Whitfield' --company Acme", null, 6],
    ]);
  });

  it('--list shows the last 20 commands that can be undone, newest first', () => {
    const j = tempJournal();
    for (let i = 1; i <= 22; i++) j.ok('add', `P${i}`);
    j.ok('undo');
    const lines = j.ok('undo', '--list').stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toMatch(/^\s+21\s.*net add P21 {2}— added #21$/);
    expect(lines[19]).toMatch(/^\s+2\s.*net add P2 {2}— added #2$/);
    expect(lines[20]).toBe('Next: net undo (takes back 21)');
  });

  it('refuses, with a clear sentence, when a later command changed the same records; works once that one is undone', () => {
    const j = tempJournal();
    j.ok('add', 'Dana');
    j.ok('log', 'Dana', 'call', '--kind', 'call');
    j.ok('thank', 'Dana');
    const refused = j.net('undo', '2');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe('net: Cannot undo "net log Dana call --kind call": a later command, "net thank Dana" (3), changed i1 too. Undo that one first (net undo 3), then this one.\n');
    expect(j.json<ShowJson>('show', 'Dana', '--json').interactions).toHaveLength(1);
    j.ok('undo', '3');
    expect(j.ok('undo', '2').stdout).toBe('Undid "net log Dana call --kind call": removed i1.\n');
    // Removing a contact that a later command refers to is refused too.
    j.ok('add', 'Eve');
    j.ok('need', 'Eve', 'a mentor');
    expect(j.net('undo', '6').stderr).toMatch(/^net: Cannot undo "net add Eve": a later command, "net need Eve 'a mentor'" \(7\)/);
  });

  it('refuses what is not a command it can take back', () => {
    const j = tempJournal();
    j.ok('add', 'Dana');
    j.ok('undo');
    expect(j.net('undo', '1').stderr).toMatch(/^net: Command 1 was already undone \(by 2\)/);
    expect(j.net('undo', '2').stderr).toMatch(/^net: Command 2 was itself an undo/);
    expect(j.net('undo', 'x9').code).toBe(2);
  });
});

describe('net history', () => {
  it('records per record its uuid, field, old and new value, a hybrid clock, the device and the command line without --db', () => {
    const j = tempJournal();
    j.ok('--db', j.db, 'add', 'Dana', '--company', 'Acme');
    j.ok('edit', `--db=${j.db}`, 'Dana', '--company', 'Dell');
    const [edit, add] = j.json<HistoryJson[]>('history', 'Dana', '--json');
    expect(add?.argv).toEqual(['add', 'Dana', '--company', 'Acme']);
    expect(edit?.argv).toEqual(['edit', 'Dana', '--company', 'Dell']);
    expect(edit?.changes).toEqual([{ record: '#1', kind: 'contact', uuid: add?.changes[0]?.uuid, field: 'company', old: 'Acme', new: 'Dell' }]);
    expect(add?.changes[0]).toMatchObject({ record: '#1', kind: 'contact', field: null, old: null, new: { id: 1, name: 'Dana', company: 'Acme' } });
    expect((edit?.hlc ?? '') > (add?.hlc ?? '')).toBe(true);
    expect(edit?.hlc).toMatch(/^\d{15}\.\d{6}$/);
    const db = new Database(j.db, { readonly: true });
    const device = db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get();
    db.close();
    expect(edit?.device).toBe(device);
    expect(add?.device).toBe(device);
  });

  it('keeps order when the clock steps back: the hybrid clock counts on from the last reading', () => {
    const j = tempJournal();
    j.ok('add', 'Dana');
    // A reading from the future, as another device with a clock ahead would leave.
    const db = new Database(j.db);
    db.prepare("UPDATE history_commands SET hlc = '999999999999999.000007'").run();
    db.close();
    j.ok('add', 'Eve');
    const [eve] = j.json<HistoryJson[]>('history', '--json');
    expect(eve?.hlc).toBe('999999999999999.000008');
  });

  it('shows what changed, when and by which command, for everyone or for one contact or record', () => {
    const j = tempJournal();
    j.ok('add', 'Dana', '--company', 'Acme');
    j.ok('add', 'Ben');
    j.ok('log', 'Dana', 'call', '--kind', 'call', '--with', 'Ben');
    j.ok('edit', 'Ben', '--role', 'CTO');
    const all = j.ok('history').stdout;
    expect(all).toMatch(/^ {3}4 {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}net edit Ben --role CTO\n {8}#2 role: \(none\) → CTO\n/);
    const dana = j.ok('history', 'Dana').stdout.split('\n');
    expect(dana.filter((l) => l.includes('net '))).toEqual([expect.stringContaining('net log Dana call --kind call --with Ben'), expect.stringContaining('net add Dana --company Acme')]);
    expect(dana).toContain('        i1 people: added Dana (#1)');
    expect(j.ok('history', 'i1').stdout).toContain('        added i1');
    expect(j.net('history', 'i9').code).toBe(2);
  });
});

describe('net edit and net rm of every record kind', () => {
  let template: ReturnType<typeof tempJournal> | undefined;
  const seeded = () => {
    if (!template) {
      template = tempJournal();
      template.ok('add', 'Dana Whitfield');
      template.ok('add', 'Ben Ode');
      template.ok('add', 'Cy Dunn');
      template.ok('log', 'Dana', 'call about roles', '--kind', 'call', '--with', 'Ben');
      template.ok('lead', 'Dana', 'Acme is hiring');
      template.ok('promise', 'Dana', 'send the deck', '--by', '2026-10-10');
      template.ok('need', 'Dana', 'an intro at Dell');
    }
    return tempJournal({ from: template.db });
  };

  it.each([
    [['i1', '--on', '2026-09-28'], 'Changed i1: on 2026-10-01 → 2026-09-28.'],
    [['i1', '--kind', 'coffee'], 'Changed i1: kind call → coffee.'],
    [['i1', '--summary', 'coffee chat'], 'Changed i1: summary call about roles → coffee chat.'],
    [['i1', '--summary', ''], 'Changed i1: summary call about roles → (none).'],
    [['i1', '--with', 'Cy'], 'Changed i1: people: dropped Dana Whitfield (#1); people: dropped Ben Ode (#2); people: added Cy Dunn (#3).'],
    [['i1', '--add', 'Cy'], 'Changed i1: people: added Cy Dunn (#3).'],
    [['i1', '--drop', 'Ben'], 'Changed i1: people: dropped Ben Ode (#2).'],
    [['i1', '--no-thanks'], 'Changed i1: thanks yes → no.'],
    [['i1', '--no-reply'], 'Changed i1: no reply no → yes.'],
    [['l1', '--what', 'Acme hires data people'], 'Changed l1: what Acme is hiring → Acme hires data people.'],
    [['l1', '--person', 'Cy'], 'Changed l1: person (none) → Cy Dunn (#3).'],
    [['l1', '--company', 'Acme'], 'Changed l1: company (none) → Acme.'],
    [['l1', '--job', 'Data engineer'], 'Changed l1: job (none) → Data engineer.'],
    [['l1', '--on', '2026-09-30'], 'Changed l1: on 2026-10-01 → 2026-09-30.'],
    [['p1', '--what', 'send the slides'], 'Changed p1: what send the deck → send the slides.'],
    [['p1', '--by', '2026-10-20'], 'Changed p1: by 2026-10-10 → 2026-10-20.'],
    [['p1', '--by', ''], 'Changed p1: by 2026-10-10 → (none).'],
    [['p1', '--on', '2026-09-29'], 'Changed p1: on 2026-10-01 → 2026-09-29.'],
    [['n1', '--what', 'an intro at Dell or HP'], 'Changed n1: what an intro at Dell → an intro at Dell or HP.'],
    [['n1', '--on', '2026-09-15'], 'Changed n1: on 2026-10-01 → 2026-09-15.'],
  ])('net edit %j', (args, said) => {
    const j = seeded();
    const before = j.ok('export').stdout;
    expect(j.ok('edit', ...args).stdout).toBe(`${said}\nNext: net history ${args[0]}\n`);
    expect(j.ok('export').stdout).not.toBe(before);
    expect(j.ok('undo').stdout).toMatch(new RegExp(`^Undid "net edit ${args[0]} .*": changed ${args[0]} \\(`));
    const strip = (s: string) => s.replace(/"exported_at": "[^"]*"/, '');
    expect(strip(j.ok('export').stdout)).toBe(strip(before));
  });

  it('the other half of each pair of flags, and what each change does to the records', () => {
    const j = seeded();
    j.ok('edit', 'i1', '--no-thanks', '--no-reply');
    expect(j.ok('edit', 'i1', '--thanks', '--replied').stdout).toBe('Changed i1: thanks no → yes; no reply yes → no.\nNext: net history i1\n');
    j.ok('edit', 'p1', '--by', '2026-10-02');
    const show = j.json<ShowJson>('show', 'Dana', '--json');
    expect(show.promises[0]).toMatchObject({ what: 'send the deck', by: '2026-10-02' });
    expect(j.ok('edit', 'i1', '--on', '2026-10-01').stdout).toBe('Nothing changed: i1 already had those values.\n');
  });

  it('linking a lead’s person later follows the lead when you already talked to them since', () => {
    const j = seeded();
    expect(j.ok('edit', 'l1', '--person', 'Ben').stdout).toBe(
      'Changed l1: person (none) → Ben Ode (#2); status open → followed; followed on (none) → 2026-10-01.\nNext: net history l1\n',
    );
    const fresh = seeded();
    fresh.ok('edit', 'l1', '--person', 'Cy');
    expect(fresh.json<ShowJson>('show', 'Dana', '--json').leads[0]).toMatchObject({ status: 'open', person: { id: 3, name: 'Cy Dunn' } });
    fresh.ok('log', 'Cy', 'coffee', '--kind', 'coffee');
    expect(fresh.json<ShowJson>('show', 'Dana', '--json').leads[0]).toMatchObject({ status: 'followed' });
  });

  it('refuses flags that do not apply to the kind, a record that is not there, and an interaction without people', () => {
    const j = seeded();
    const r = j.net('edit', 'p1', '--kind', 'call');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('net: --kind does not apply to a promise (p1). It takes: --what --on --by.\n');
    expect(j.net('edit', 'i9', '--on', 'today').stderr).toMatch(/^net: There is no interaction i9\./);
    expect(j.net('edit', 'i1', '--drop', 'Dana', '--drop', 'Ben').stderr).toMatch(/^net: An interaction needs at least one person/);
    expect(j.net('edit', 'Dana', '--kind', 'call').stderr).toMatch(/^net: --kind is for records/);
    expect(j.net('edit', 'l1').code).toBe(2);
  });

  it.each([
    ['i1', 'Removed i1 (call with Dana Whitfield, Ben Ode on 2026-10-01).'],
    ['l1', 'Removed l1 (lead "Acme is hiring" from Dana Whitfield).'],
    ['p1', 'Removed p1 (your promise to Dana Whitfield: "send the deck").'],
    ['n1', 'Removed n1 (Dana Whitfield needs "an intro at Dell").'],
  ])('net rm %s, and net undo brings it back with its id', (id, said) => {
    const j = seeded();
    const before = j.ok('export').stdout.replace(/"exported_at": "[^"]*"/, '');
    expect(j.net('rm', id).stderr).toMatch(/needs confirmation: add --yes/);
    expect(j.ok('rm', id, '--yes').stdout).toBe(`${said}\nNext: net undo (brings it back)\n`);
    expect(j.net('rm', id, '--yes').code).toBe(2);
    expect(j.ok('undo').stdout).toBe(`Undid "net rm ${id} --yes": restored ${id}.\n`);
    expect(j.ok('export').stdout.replace(/"exported_at": "[^"]*"/, '')).toBe(before);
    expect(j.ok('history', id).stdout).toContain(`removed ${id}`);
  });
});

describe('help and completion', () => {
  it.each(['undo', 'history', 'edit', 'rm'])('net %s --help has examples', (command) => {
    const r = tempJournal().net(command, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Examples:\\n(  net ${command}.*\\n)+`));
  });

  it('completes item ids where an item id is expected, and only there', () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield', '--need', 'an intro');
    j.ok('log', 'Dana', 'call', '--kind', 'call');
    expect(j.ok('__ids').stdout.split('\n').filter(Boolean).sort()).toEqual(['i1', 'i2', 'n1']);
    const script = `${j.ok('completion', 'bash').stdout}
net() { node ${JSON.stringify(path.resolve(BIN))} "$@"; }
COMP_WORDS=(net edit i); COMP_CWORD=2; _net_complete net; echo "edit:\${COMPREPLY[*]}"
COMP_WORDS=(net rm n); COMP_CWORD=2; _net_complete net; echo "rm:\${COMPREPLY[*]}"
COMP_WORDS=(net show i); COMP_CWORD=2; _net_complete net; echo "show:\${COMPREPLY[*]}"
COMP_WORDS=(net un); COMP_CWORD=1; _net_complete net; echo "cmd:\${COMPREPLY[*]}"`;
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, NET_DB: j.db, NET_TODAY: j.today } });
    expect(r.stdout.split('\n')).toEqual(['edit:i2 i1', 'rm:n1', 'show:', 'cmd:undo', '']);
    expect(spawnSync('zsh', ['-n'], { input: j.ok('completion', 'zsh').stdout }).status).toBe(0);
    expect(j.ok('completion', 'fish').stdout).toContain("complete -c net -n '__fish_seen_subcommand_from edit rm history done snooze lead promise need job' -a '(__net_ids)'");
  });
});
