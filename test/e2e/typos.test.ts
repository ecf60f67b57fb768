// Issue 13, item 4: the same name added twice, typed names that match nobody, and an
// introducer who is not in the journal yet. Scripts (no terminal) through the real binary;
// the terminal's questions through an injected prompter.
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIO } from '../memory-io.js';
import type { Choice, Prompter } from '../../src/cli/prompter.js';
import { run } from '../../src/cli/run.js';
import { type ContactJson, type ShowJson, STACK_LINE, type TempJournal, byName, cleanupJournals, tempJournal } from './helpers.js';

afterAll(cleanupJournals);

function seeded(): TempJournal {
  const j = tempJournal();
  j.ok('add', 'Thom Baker', '--company', 'Acme', '--email', 'thom@acme.example');
  j.ok('add', 'Dana Whitfield', '--met', 'coffee at Bennu');
  j.ok('add', 'José Núñez');
  return j;
}

const names = (j: TempJournal) => j.json<ContactJson[]>('list', '--json').map((c) => c.name).sort();

describe('net add of a name already in the journal, in a script', () => {
  it.each([['Thom Baker'], ['thom baker'], ['THOM  BAKER'], ['Jose Nunez'], ['JOSÉ NÚÑEZ'], ['Jose\u0301 Nu\u0301n\u0303ez']])(
    '%j exits 2 naming the contact and changes nothing',
    (name) => {
      const j = seeded();
      const existing = j.json<ContactJson[]>('list', '--json').find((c) => c.name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ') === name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' '));
      if (!existing) throw new Error(`no contact for ${name}`);
      const before = j.snapshot();
      const r = j.net('add', name, '--met', 'a fair', '--need', 'a designer');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${existing.name} (#${existing.id})`);
      expect(r.stderr).toContain('--new');
      expect(r.stderr).toContain(`net log ${existing.id} `);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(j.snapshot()).toEqual(before);
    },
  );

  it('the hint it gives to log to them works', () => {
    const j = seeded();
    const r = j.net('add', 'Thom Baker');
    const hint = /net log (\d+) "([^"]+)"/.exec(r.stderr);
    expect(hint).not.toBeNull();
    j.ok('log', hint?.[1] ?? '', hint?.[2] ?? '');
    expect(j.json<ShowJson>('show', 'Thom Baker', '--json').interactions).toHaveLength(1);
  });

  it('--new adds a second person of that name', () => {
    const j = seeded();
    const r = j.ok('add', 'Thom Baker', '--new', '--company', 'Globex');
    expect(r.stdout).toMatch(/^Added #\d+ Thom Baker\./);
    const thoms = j.json<ContactJson[]>('list', '--json').filter((c) => c.name === 'Thom Baker');
    expect(thoms.map((c) => c.company).sort()).toEqual(['Acme', 'Globex']);
  });

  it('a name that only contains an existing one is a new person', () => {
    const j = seeded();
    j.ok('add', 'Thom Bakerson');
    j.ok('add', 'Thom');
    expect(names(j)).toEqual(['Dana Whitfield', 'José Núñez', 'Thom', 'Thom Baker', 'Thom Bakerson']);
  });
});

/** Every command that takes `<who>`, with the typo in that place. */
const WHO_COMMANDS: Array<[string, string[]]> = [
  ['show', ['show', 'Thomm']],
  ['log', ['log', 'Thomm', 'a call']],
  ['log --with', ['log', 'Dana', 'a call', '--with', 'Thomm']],
  ['lead', ['lead', 'Thomm', 'Sam at Globex']],
  ['promise', ['promise', 'Thomm', 'send the deck']],
  ['need', ['need', 'Thomm', 'a designer']],
  ['thank', ['thank', 'Thomm']],
  ['edit', ['edit', 'Thomm', '--company', 'Globex']],
  ['edit --via', ['edit', 'Dana', '--via', 'Thomm']],
  ['rm', ['rm', 'Thomm', '--yes']],
  ['merge (keep)', ['merge', 'Thomm', 'Dana', '--yes']],
  ['merge (other)', ['merge', 'Dana', 'Thomm', '--yes']],
];

describe('a name that matches nobody: Did you mean …?', () => {
  const j = seeded();
  const thom = byName(j, 'Thom Baker');

  it.each(WHO_COMMANDS)('net %s says the close name, exits 2, changes nothing', (_name, args) => {
    const before = j.snapshot();
    const r = j.net(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`No contact matches "Thomm". Did you mean Thom Baker (#${thom.id})?`);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(j.snapshot()).toEqual(before);
  });

  it.each([
    ['Thom Bakr', 'Thom Baker'],
    ['Dnaa', 'Dana Whitfield'], // two letters swapped: one edit
    ['Dmae', null], // four letters, three edits from Dana: too far to guess

    ['Dana Whitfeild', 'Dana Whitfield'],
    ['Whitfeld', 'Dana Whitfield'],
    ['Jose Nunes', 'José Núñez'],
  ])('%j suggests %j', (typed, meant) => {
    const r = j.net('show', typed);
    expect(r.code).toBe(2);
    if (meant === null) {
      expect(r.stderr).not.toContain('Did you mean');
      expect(r.stderr).toContain(`No contact matches "${typed}". See everyone with net list`);
    } else {
      expect(r.stderr).toContain(`No contact matches "${typed}". Did you mean ${meant} (#${byName(j, meant).id})?`);
    }
  });

  it('several close names are all offered, closest first', () => {
    const k = seeded();
    k.ok('add', 'Tom Lee');
    const r = k.net('show', 'Thomm');
    expect(r.stderr).toContain(`Did you mean Thom Baker (#${byName(k, 'Thom Baker').id}) or Tom Lee (#${byName(k, 'Tom Lee').id})?`);
  });

  it('nothing close: says where to look, and the add it suggests works', () => {
    const r = j.net('show', 'Xavier Quinn');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No contact matches "Xavier Quinn". See everyone with net list, or add them with: net add "Xavier Quinn"');
  });

  it('an id that names nobody is refused without guessing', () => {
    const r = j.net('show', '99');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No contact has id 99');
    expect(r.stderr).not.toContain('Did you mean');
  });

  it('names from the journal in the suggestion are escaped', () => {
    const k = tempJournal();
    k.ok('add', 'Evil\u001b[31m Name');
    const r = k.net('show', 'Evil[31m Nme');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Did you mean Evil\\x1b[31m Name (#1)?');
    expect(r.stderr).not.toContain('\u001b');
  });
});

describe('--via someone not in the journal', () => {
  it('adds them as the introducer, without a cadence, and says so', () => {
    const j = seeded();
    const r = j.ok('add', 'Xena Young', '--via', 'Kim Park', '--met', 'coffee');
    const kim = byName(j, 'Kim Park');
    const xena = byName(j, 'Xena Young');
    expect(r.stdout).toContain(`Added #${xena.id} Xena Young`);
    expect(r.stdout).toContain(`Also added #${kim.id} Kim Park, who introduced you (no keep-in-touch cadence until you talk to them).`);
    expect(xena.introduced_by).toEqual({ id: kim.id, name: 'Kim Park' });
    expect(xena.cadence_days).toBe(90);
    const card = j.json<ShowJson>('show', 'Kim Park', '--json');
    // The introduction itself is all that happened with Kim: she is owed a thank-you for it.
    expect(card).toMatchObject({ cadence_days: null, met_on: null, introduced_by: null, last_contact: j.today });
    expect(card.interactions).toMatchObject([{ kind: 'intro', summary: 'introduced you to Xena Young', thanks_owed: true }]);
    expect(r.stdout).toContain('Kim Park is owed a thank-you for the introduction');
    // Nobody is owed a follow-up for someone you have not talked to yet.
    expect(j.json<Array<{ kind: string; contact: { id: number } }>>('due', '--json', '--all').filter((d) => d.contact.id === kim.id).filter((d) => d.kind === 'followup')).toEqual([]);
  });

  it('a known introducer is linked, not added again', () => {
    const j = seeded();
    const r = j.ok('add', 'Xena Young', '--via', 'thom');
    expect(r.stdout).not.toContain('Also added');
    expect(byName(j, 'Xena Young').introduced_by).toEqual({ id: byName(j, 'Thom Baker').id, name: 'Thom Baker' });
    expect(names(j)).toHaveLength(4);
  });

  it('a typo of someone known is added too, with the merge that folds it in', () => {
    const j = seeded();
    const r = j.ok('add', 'Xena Young', '--via', 'Thom Bakr');
    const stray = byName(j, 'Thom Bakr');
    const thom = byName(j, 'Thom Baker');
    expect(r.stdout).toContain(`Did you mean Thom Baker (#${thom.id})? If so, fold the new one in: net merge ${thom.id} ${stray.id} --yes`);
    j.ok('merge', String(thom.id), String(stray.id), '--yes');
    expect(byName(j, 'Xena Young').introduced_by).toEqual({ id: thom.id, name: 'Thom Baker' });
    expect(names(j)).not.toContain('Thom Bakr');
  });

  it('an id that names nobody is still refused', () => {
    const j = seeded();
    const before = j.snapshot();
    const r = j.net('add', 'Xena Young', '--via', '#99');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No contact has id 99');
    expect(j.snapshot()).toEqual(before);
  });

  it('someone cannot introduce themselves', () => {
    const j = seeded();
    const before = j.snapshot();
    const r = j.net('add', 'Xena Young', '--via', 'xena young');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot have introduced themselves');
    expect(j.snapshot()).toEqual(before);
  });

  it('a failed add adds no introducer either', () => {
    const j = seeded();
    const before = j.snapshot();
    const r = j.net('add', 'Xena Young', '--via', 'Kim Park', '--on', 'someday soonish');
    expect(r.code).toBe(2);
    expect(j.snapshot()).toEqual(before);
  });
});

interface Scripted {
  asked: Array<{ kind: string; message: string; choices: string[] }>;
  factory: () => Promise<Prompter>;
}

/** Answers every select with the choice whose label matches `pick`; any other question fails the test. */
function picking(pick: RegExp): Scripted {
  const asked: Scripted['asked'] = [];
  const prompter: Prompter = {
    input: async (message) => {
      throw new Error(`unexpected input: ${message}`);
    },
    async select<T>(message: string, choices: Array<Choice<T>>): Promise<T> {
      asked.push({ kind: 'select', message, choices: choices.map((c) => c.name) });
      const found = choices.find((c) => pick.test(c.name));
      if (!found) throw new Error(`no choice matches ${pick}: ${choices.map((c) => c.name).join(' | ')}`);
      return found.value;
    },
    confirm: async (message) => {
      throw new Error(`unexpected confirm: ${message}`);
    },
  };
  return { asked, factory: async () => prompter };
}

async function onTerminal(j: TempJournal, argv: string[], p: Scripted) {
  const io = memoryIO({ tty: true });
  const code = await run(argv, { io, env: { NET_DB: j.db, NET_TODAY: j.today }, now: new Date(), version: 'test', prompter: p.factory });
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('on a terminal', () => {
  it('the same name: "the same person" logs the meeting to them and fills what they lacked', async () => {
    const j = seeded();
    const thom = byName(j, 'Thom Baker');
    const p = picking(/^Yes/);
    const r = await onTerminal(j, ['add', 'thom baker', '--met', 'PyData', '--role', 'CTO', '--company', 'Globex', '--need', 'a designer'], p);
    expect(r.code, r.err).toBe(0);
    expect(p.asked).toHaveLength(1);
    expect(p.asked[0]?.message).toContain('is already in the journal');
    expect(p.asked[0]?.choices.some((c) => c.includes(`#${thom.id} Thom Baker`))).toBe(true);
    expect(r.out).toContain(`Logged to #${thom.id} Thom Baker: met ${j.today} (PyData), 1 need, filled in role, where met.`);
    expect(r.out).toContain('Kept their company as the journal has it');
    const card = j.json<ShowJson>('show', String(thom.id), '--json');
    expect(card).toMatchObject({ company: 'Acme', role: 'CTO', met_where: 'PyData' });
    expect(card.interactions).toHaveLength(1);
    expect(card.needs.map((n) => n.what)).toEqual(['a designer']);
    expect(names(j)).toHaveLength(3);
  });

  it('the same name: "a new person" adds a second one', async () => {
    const j = seeded();
    const p = picking(/^No/);
    const r = await onTerminal(j, ['add', 'Thom Baker', '--company', 'Globex'], p);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Added #\d+ Thom Baker\./);
    expect(j.json<ContactJson[]>('list', '--json').filter((c) => c.name === 'Thom Baker')).toHaveLength(2);
  });

  it('--new asks nothing', async () => {
    const j = seeded();
    const p = picking(/never/);
    const r = await onTerminal(j, ['add', 'Thom Baker', '--new'], p);
    expect(r.code, r.err).toBe(0);
    expect(p.asked).toEqual([]);
  });

  it('a typo offers the close names, and picking one goes on with it', async () => {
    const j = seeded();
    const p = picking(/Thom Baker/);
    const r = await onTerminal(j, ['show', 'Thomm', '--json'], p);
    expect(r.code, r.err).toBe(0);
    expect(p.asked[0]?.message).toContain('No contact matches "Thomm"');
    expect(p.asked[0]?.choices.at(-1)).toMatch(/None of them/);
    expect((JSON.parse(r.out) as ShowJson).name).toBe('Thom Baker');
  });

  it('a typo where "none of them" is picked exits 2', async () => {
    const j = seeded();
    const r = await onTerminal(j, ['show', 'Thomm'], picking(/None of them/));
    expect(r.code).toBe(2);
    expect(r.err).toContain('No contact matches "Thomm"');
  });

  it('--via with a typo asks: the known person, or someone new', async () => {
    const known = seeded();
    const a = await onTerminal(known, ['add', 'Xena Young', '--via', 'Thom Bakr'], picking(/Thom Baker/));
    expect(a.code, a.err).toBe(0);
    expect(byName(known, 'Xena Young').introduced_by?.name).toBe('Thom Baker');
    expect(names(known)).not.toContain('Thom Bakr');

    const fresh = seeded();
    const b = await onTerminal(fresh, ['add', 'Xena Young', '--via', 'Thom Bakr'], picking(/^Nobody/));
    expect(b.code, b.err).toBe(0);
    expect(byName(fresh, 'Xena Young').introduced_by?.name).toBe('Thom Bakr');
    expect(b.out).not.toContain('Did you mean');
  });
});
