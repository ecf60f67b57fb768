// The `net add` wizard: in process through a scripted prompter, and once in a real
// pseudo-terminal (tmux) with real keystrokes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryIO } from '../memory-io.js';
import type { Choice, Prompter } from '../../src/cli/prompter.js';
import { run } from '../../src/cli/run.js';
import { CancelledError } from '../../src/core/errors.js';
import { BIN, type ContactJson, type ShowJson, TODAY, type TempJournal, baseEnv, byName, cleanupJournals, tempJournal } from './helpers.js';

afterAll(cleanupJournals);

/** The wizard's steps in the order the issue gives them, each recognised by its question. */
const STEPS = [
  ['name', /name/i],
  ['where met', /where.*(meet|met)|(meet|met).*where/i],
  ['when met', /when did you meet/i],
  ['introduced', /introduc/i],
  ['company', /company/i],
  ['role', /role/i],
  ['email', /email/i],
  ['tags', /tags/i],
  ['talked about', /talk/i],
  ['needs', /need/i],
  ['leads', /lead/i],
  ['my promises', /you promise/i],
  ['my by when', /by when will you/i],
  ['their promises', /they promise/i],
  ['their by when', /by when will they/i],
  ['cadence', /keep in touch|cadence|how often/i],
] as const;
type Step = (typeof STEPS)[number][0];

/** Where a step comes in the wizard: "by when?" is asked right after each promise, so it shares the promise's place. */
function rank(step: Step): number {
  const of = step === 'my by when' ? 'my promises' : step === 'their by when' ? 'their promises' : step;
  return STEPS.findIndex(([s]) => s === of);
}

function stepOf(question: string): Step {
  const found = STEPS.find(([, re]) => re.test(question));
  if (!found) throw new Error(`unexpected question: ${question}`);
  return found[0];
}

interface Asked {
  kind: 'input' | 'select' | 'confirm';
  message: string;
}

const CANCEL = Symbol('cancel');
type Answer = string | typeof CANCEL;

/**
 * A prompter that answers each wizard question from a queue kept per step (Enter, '',
 * once a queue is empty) and records every question it was asked.
 */
function scriptedPrompter(script: Partial<Record<Step, Answer[]>>, extra: { select?: (choices: Array<Choice<unknown>>) => unknown; confirm?: boolean } = {}) {
  const asked: Asked[] = [];
  const queues = new Map(Object.entries(script).map(([k, v]) => [k, [...(v ?? [])]]));
  const prompter: Prompter = {
    async input(message, opts = {}) {
      asked.push({ kind: 'input', message });
      const answer = queues.get(stepOf(message))?.shift() ?? '';
      if (answer === CANCEL) throw new CancelledError();
      const value = answer === '' && opts.default !== undefined ? opts.default : answer;
      if (opts.validate) {
        const ok = opts.validate(value);
        if (ok !== true) throw new Error(`the scripted answer ${JSON.stringify(value)} to "${message}" was refused: ${ok}`);
      }
      if (opts.required && value.trim() === '') throw new Error(`"${message}" needs an answer`);
      return value;
    },
    async select<T>(message: string, choices: Array<Choice<T>>): Promise<T> {
      asked.push({ kind: 'select', message });
      if (!extra.select) throw new Error(`unexpected select: ${message}`);
      return extra.select(choices as Array<Choice<unknown>>) as T;
    },
    async confirm(message: string) {
      asked.push({ kind: 'confirm', message });
      if (extra.confirm === undefined) throw new Error(`unexpected confirm: ${message}`);
      return extra.confirm;
    },
  };
  let loads = 0;
  return {
    asked,
    get loads() {
      return loads;
    },
    factory: async () => {
      loads += 1;
      return prompter;
    },
  };
}

async function runOnTerminal(j: TempJournal, argv: string[], prompter: () => Promise<Prompter>) {
  const io = memoryIO({ tty: true });
  const code = await run(argv, { io, env: { NET_DB: j.db, NET_TODAY: j.today }, now: new Date(), version: 'test', prompter });
  return { code, io };
}

const FULL: Record<Step, Answer[]> = {
  name: ['Maria Lopez'],
  'where met': ['PyData meetup'],
  'when met': ['2026-09-28'],
  introduced: ['Kim Park'],
  company: ['Initech'],
  role: ['Data lead'],
  email: ['maria@initech.example'],
  tags: ['data, pydata'],
  'talked about': ['hiring on the data team'],
  needs: ['a designer for her side project', 'a Python mentor for her nephew'],
  leads: ['Sam at Globex is hiring'],
  'my promises': ['send my portfolio'],
  'my by when': ['2026-10-09'],
  'their promises': ['intro to her manager'],
  'their by when': [''],
  cadence: ['30d'],
};

describe('the wizard through an injected prompter', () => {
  it('asks in the order of the issue and writes everything', async () => {
    const j = tempJournal();
    const p = scriptedPrompter(FULL);
    const { code, io } = await runOnTerminal(j, ['add'], p.factory);
    expect(code, io.stderr.join('\n')).toBe(0);

    const firstAsked = STEPS.map(([step]) => p.asked.findIndex((a) => stepOf(a.message) === step));
    expect(firstAsked.every((i) => i >= 0), `questions asked: ${p.asked.map((a) => a.message).join(' | ')}`).toBe(true);
    for (let n = 1; n < firstAsked.length; n++) {
      const [prev, cur] = [firstAsked[n - 1] ?? -1, firstAsked[n] ?? -1];
      // Company and role may share one question; everything else comes strictly in order.
      if (STEPS[n]?.[0] === 'role') expect(cur).toBeGreaterThanOrEqual(prev);
      else expect(cur, `${STEPS[n]?.[0]} after ${STEPS[n - 1]?.[0]}`).toBeGreaterThan(prev);
    }
    // Steps never go back: once a later step is asked, no earlier one returns.
    const order = p.asked.map((a) => rank(stepOf(a.message)));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(p.asked.every((a) => a.kind === 'input')).toBe(true);
    expect(io.stdout.join('\n')).toContain('Maria Lopez');

    const maria = j.json<ShowJson>('show', 'Maria Lopez', '--json');
    expect(maria).toMatchObject({
      name: 'Maria Lopez',
      company: 'Initech',
      role: 'Data lead',
      email: 'maria@initech.example',
      tags: ['data', 'pydata'],
      met_where: 'PyData meetup',
      met_on: '2026-09-28',
      cadence_days: 30,
    });
    expect(maria.interactions).toHaveLength(1);
    expect(maria.interactions[0]?.on).toBe('2026-09-28');
    // The introducer was not in the journal: added, with no cadence until you talk to them.
    const kim = byName(j, 'Kim Park');
    expect(maria.introduced_by).toEqual({ id: kim.id, name: 'Kim Park' });
    expect(kim.cadence_days).toBeNull();
    expect(io.stdout.join('\n')).toContain(`Also added #${kim.id} Kim Park, who introduced you`);
    expect(maria.promises.map((x) => [x.direction, x.what, x.by])).toEqual([
      ['mine', 'send my portfolio', '2026-10-09'],
      ['theirs', 'intro to her manager', null],
    ]);
    expect(JSON.stringify(maria.interactions[0])).toContain('hiring on the data team');
    expect(maria.needs.map((n) => n.what).sort()).toEqual(['a Python mentor for her nephew', 'a designer for her side project'].sort());
    expect(maria.leads.map((l) => l.what)).toEqual(['Sam at Globex is hiring']);
    expect(maria.promises.filter((x) => x.direction === 'mine').map((x) => x.what)).toEqual(['send my portfolio']);
    expect(maria.promises.filter((x) => x.direction === 'theirs').map((x) => x.what)).toEqual(['intro to her manager']);
  });

  it('keeps in touch every 90 days when the cadence is left at its default', async () => {
    const j = tempJournal();
    const p = scriptedPrompter({ name: ['Lee Park'], cadence: [''] });
    const { code, io } = await runOnTerminal(j, ['add'], p.factory);
    expect(code, io.stderr.join('\n')).toBe(0);
    const lee = j.json<ShowJson>('show', 'Lee Park', '--json');
    expect(lee.cadence_days).toBe(90);
    expect(lee.met_on).toBe(TODAY);
    expect(lee.introduced_by).toBeNull();
    expect([lee.company, lee.role, lee.met_where, lee.email, lee.tags]).toEqual([null, null, null, null, []]);
    expect([lee.needs, lee.leads, lee.promises]).toEqual([[], [], []]);
  });

  it('takes natural-language dates, and asks again when an answer is not a date', async () => {
    const j = tempJournal();
    const p = scriptedPrompter({
      name: ['Lee Park'],
      'when met': ['someday soonish', 'yesterday'],
      'my promises': ['send the deck', 'call back', 'share notes'],
      'my by when': ['in 2 weeks', '', 'not a date', '2026-10-20'],
      'their promises': ['a referral'],
      'their by when': ['tomorrow'],
    });
    const { code, io } = await runOnTerminal(j, ['add'], p.factory);
    expect(code, io.stderr.join('\n')).toBe(0);
    expect(p.asked.filter((a) => stepOf(a.message) === 'when met')).toHaveLength(2);
    expect(io.stderr.join('\n')).toContain('"someday soonish" is not a date');
    expect(io.stderr.join('\n')).toContain('"not a date" is not a date');
    const lee = j.json<ShowJson>('show', 'Lee Park', '--json');
    expect(lee.met_on).toBe('2026-09-30');
    expect(lee.interactions[0]?.on).toBe('2026-09-30');
    expect(lee.promises.map((x) => [x.what, x.by])).toEqual([
      ['send the deck', '2026-10-15'],
      ['call back', null],
      ['share notes', '2026-10-20'],
      ['a referral', '2026-10-02'],
    ]);
    // Each "by when?" comes right after its promise.
    const steps = p.asked.map((a) => stepOf(a.message)).filter((s) => s.includes('promises') || s.includes('by when'));
    expect(steps).toEqual(['my promises', 'my by when', 'my promises', 'my by when', 'my promises', 'my by when', 'my by when', 'my promises', 'their promises', 'their by when', 'their promises']);
  });

  it('an introducer already in the journal is linked; blank means nobody', async () => {
    const j = tempJournal();
    j.ok('add', 'Thom Baker');
    const known = scriptedPrompter({ name: ['Lee Park'], introduced: ['thom'] });
    expect((await runOnTerminal(j, ['add'], known.factory)).code).toBe(0);
    expect(byName(j, 'Lee Park').introduced_by).toEqual({ id: byName(j, 'Thom Baker').id, name: 'Thom Baker' });
    expect(j.json<ContactJson[]>('list', '--json')).toHaveLength(2);
  });

  it('a name already in the journal is asked about right after the name; "the same person" logs to them', async () => {
    const j = tempJournal();
    j.ok('add', 'Maria Lopez', '--company', 'Initech');
    const maria = byName(j, 'Maria Lopez');
    const p = scriptedPrompter({ name: ['maria lopez'], 'where met': ['a fair'], needs: ['a designer'] }, { select: (choices) => choices.find((c) => c.name.startsWith('Yes'))?.value });
    const { code, io } = await runOnTerminal(j, ['add'], p.factory);
    expect(code, io.stderr.join('\n')).toBe(0);
    expect(p.asked[1]?.kind).toBe('select');
    expect(p.asked[1]?.message).toContain('already in the journal');
    expect(j.json<ContactJson[]>('list', '--json')).toHaveLength(1);
    const card = j.json<ShowJson>('show', String(maria.id), '--json');
    expect(card.needs.map((n) => n.what)).toEqual(['a designer']);
    expect(card.interactions).toHaveLength(1);
  });

  it('a day ahead is a planned meeting, as with --on: nothing is asked about what came of it', async () => {
    const j = tempJournal();
    const p = scriptedPrompter({ name: ['Sam Reyes'], 'where met': ['coffee at Bennu'], 'when met': ['2026-10-08'], 'talked about': ['the data team'] });
    const { code, io } = await runOnTerminal(j, ['add'], p.factory);
    expect(code, io.stderr.join('\n')).toBe(0);
    const asked = p.asked.map((a) => stepOf(a.message));
    expect(asked).toEqual(['name', 'where met', 'when met', 'introduced', 'company', 'role', 'email', 'tags', 'talked about', 'cadence']);
    expect(p.asked.find((a) => stepOf(a.message) === 'talked about')?.message).toBe('What will you talk about?');
    expect(io.stderr.join('\n')).toContain('2026-10-08 is after today: a planned meeting. Record what they need, leads and promises after you meet.');
    expect(io.stdout.join('\n')).toBe(
      'Added #1 Sam Reyes: planned meeting on 2026-10-08 (coffee at Bennu). net due lists it that day; it owes nothing until then.\nNext: net due --all',
    );
    expect(j.json<Array<{ id: string; kind: string; due: string }>>('due', '--json', '--all').map((d) => [d.id, d.kind, d.due])).toEqual([['i1', 'upcoming', '2026-10-08']]);
  });

  it('a planned meeting with someone already in the journal is logged to them as planned', async () => {
    const j = tempJournal();
    j.ok('add', 'Maria Lopez', '--company', 'Initech');
    const p = scriptedPrompter({ name: ['maria lopez'], 'where met': ['a fair'], 'when met': ['2026-10-05'] }, { select: (choices) => choices.find((c) => c.name.startsWith('Yes'))?.value });
    const { code, io } = await runOnTerminal(j, ['add'], p.factory);
    expect(code, io.stderr.join('\n')).toBe(0);
    expect(io.stdout.join('\n')).toBe(
      'Logged to #1 Maria Lopez: planned meeting on 2026-10-05 (a fair), filled in where met. net due lists it that day; it owes nothing until then.\nNext: net due --all',
    );
  });

  // Cancel at the first question of each step, and at a repeat question inside a step.
  const cancels: Array<[string, Partial<Record<Step, Answer[]>>]> = [
    ...STEPS.map(([step]): [string, Partial<Record<Step, Answer[]>>] => [step, { ...FULL, [step]: [CANCEL] }]),
    ['the second need', { ...FULL, needs: ['a designer', CANCEL] }],
    ['the second lead', { ...FULL, leads: ['Sam at Globex', CANCEL] }],
  ];

  it.each(cancels)('Ctrl-C at %s returns 130 and writes nothing', async (step, script) => {
    const j = tempJournal();
    const p = scriptedPrompter(script);
    const { code, io } = await runOnTerminal(j, ['add'], p.factory);
    expect(code).toBe(130);
    expect(io.stdout.join('\n')).not.toMatch(/Added/);
    const last = p.asked.at(-1);
    expect(last && stepOf(last.message)).toBe(step.startsWith('the second') ? (step.endsWith('need') ? 'needs' : 'leads') : step);
    expect(j.json<ContactJson[]>('list', '--json')).toEqual([]);
    expect(j.json<unknown[]>('needs', '--json')).toEqual([]);
  });

  it('with a name and flags on a terminal nothing is asked', async () => {
    const j = tempJournal();
    const p = scriptedPrompter({});
    const { code } = await runOnTerminal(j, ['add', 'Ana Ruiz', '--company', 'Acme', '--met', 'a fair'], p.factory);
    expect(code).toBe(0);
    expect(p.asked).toEqual([]);
    expect(byName(j, 'Ana Ruiz').company).toBe('Acme');
  });

  it('an ambiguous name on a terminal asks with a pick list', async () => {
    const j = tempJournal();
    j.ok('add', 'Dana Whitfield');
    j.ok('add', 'Dan Brown');
    const dan = byName(j, 'Dan Brown');
    const dana = byName(j, 'Dana Whitfield');
    let offered: string[] = [];
    const p = scriptedPrompter(
      {},
      {
        select: (choices) => {
          offered = choices.map((c) => c.name);
          const pick = choices.find((c) => c.name.includes('Dan Brown'));
          if (!pick) throw new Error('Dan Brown was not offered');
          return pick.value;
        },
      },
    );
    const { code, io } = await runOnTerminal(j, ['show', 'Dan', '--json'], p.factory);
    expect(code, io.stderr.join('\n')).toBe(0);
    expect(p.asked.map((a) => a.kind)).toEqual(['select']);
    expect(p.asked[0]?.message).toContain('Dan');
    expect(offered).toHaveLength(2);
    expect(offered.some((o) => o.includes('Dana Whitfield') && o.includes(String(dana.id)))).toBe(true);
    expect(offered.some((o) => o.includes('Dan Brown') && o.includes(String(dan.id)))).toBe(true);
    expect((JSON.parse(io.stdout.join('\n')) as ShowJson).name).toBe('Dan Brown');
  });

  it('rm on a terminal asks first; declining deletes nothing, accepting deletes', async () => {
    const j = tempJournal();
    j.ok('add', 'Dan Brown', '--met', 'a fair');
    const before = j.snapshot();

    const no = scriptedPrompter({}, { confirm: false });
    const declined = await runOnTerminal(j, ['rm', 'Dan Brown'], no.factory);
    expect(declined.code).toBe(0);
    expect(no.asked.map((a) => a.kind)).toEqual(['confirm']);
    expect(no.asked[0]?.message).toContain('Dan Brown');
    expect(j.snapshot()).toEqual(before);
    expect(j.json<ContactJson[]>('list', '--json').map((c) => c.name)).toEqual(['Dan Brown']);

    const yes = scriptedPrompter({}, { confirm: true });
    const accepted = await runOnTerminal(j, ['rm', 'Dan Brown'], yes.factory);
    expect(accepted.code).toBe(0);
    expect(yes.asked.map((a) => a.kind)).toEqual(['confirm']);
    expect(j.json<ContactJson[]>('list', '--json')).toEqual([]);
  });

  it('rm --yes on a terminal does not ask', async () => {
    const j = tempJournal();
    j.ok('add', 'Dan Brown');
    const p = scriptedPrompter({});
    const { code } = await runOnTerminal(j, ['rm', 'Dan Brown', '--yes'], p.factory);
    expect(code).toBe(0);
    expect(p.asked).toEqual([]);
    expect(j.json<ContactJson[]>('list', '--json')).toEqual([]);
  });
});

const tmuxAvailable = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;

describe('the wizard in a real terminal (tmux)', () => {
  // A private server whose socket lives in the temp folder: nothing shared, nothing left behind.
  let socket = '';
  let session = '';
  let j: TempJournal;
  let exitFile = '';

  const tmux = (...args: string[]) => spawnSync('tmux', ['-S', socket, ...args], { encoding: 'utf8' });
  const screen = () => tmux('capture-pane', '-p', '-t', session).stdout ?? '';
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  /** The last non-blank line on screen: where the cursor waits for an answer. */
  const currentLine = () =>
    screen()
      .split('\n')
      .map((l) => l.trimEnd())
      .filter((l) => l !== '')
      .at(-1) ?? '';

  async function waitFor(what: string, test: () => boolean, ms = 8_000): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (test()) return;
      await sleep(50);
    }
    throw new Error(`timed out waiting for ${what}; screen:\n${screen()}`);
  }

  /** Waits until the prompt matching `question` is the line being answered. */
  const prompt = (question: RegExp) => waitFor(`the prompt ${question}`, () => question.test(currentLine()));

  async function answer(question: RegExp, text: string): Promise<void> {
    await prompt(question);
    if (text !== '') tmux('send-keys', '-t', session, '-l', text);
    tmux('send-keys', '-t', session, 'Enter');
    // The answered prompt is redrawn as done before the next one appears.
    await waitFor(`the answer to ${question}`, () => !question.test(currentLine()) || /another/i.test(currentLine()));
  }

  async function exitCode(): Promise<number> {
    await waitFor('net to exit', () => fs.existsSync(exitFile) && fs.readFileSync(exitFile, 'utf8').includes('\n'));
    const m = /EXIT=(\d+)/.exec(fs.readFileSync(exitFile, 'utf8'));
    return Number(m?.[1]);
  }

  beforeEach(() => {
    session = `net-wizard-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    j = tempJournal();
    exitFile = path.join(j.dir, 'exit');
    socket = path.join(j.dir, 'tmux.sock');
    const env = baseEnv(j.db, TODAY);
    const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const command =
      `env -u FORCE_COLOR -u NO_COLOR -u NET_DEBUG NET_DB=${q(j.db)} NET_TODAY=${TODAY} TERM=xterm-256color ` +
      `${q(process.execPath)} ${q(BIN)} add; echo EXIT=$? > ${q(exitFile)}`;
    const started = spawnSync('tmux', ['-S', socket, '-f', '/dev/null', 'new-session', '-d', '-s', session, '-x', '120', '-y', '40', command], {
      env,
      encoding: 'utf8',
    });
    if (tmuxAvailable && started.status !== 0) throw new Error(`tmux did not start: ${started.stderr}`);
  });

  afterEach(() => {
    tmux('kill-session', '-t', session);
    // The server on this private socket is ours alone.
    tmux('kill-server');
    j.cleanup();
  });

  it.skipIf(!tmuxAvailable)('answers every prompt with real keystrokes and writes the contact', async () => {
    await answer(/name/i, 'Maria Lopez');
    await answer(/where.*(meet|met)/i, 'PyData meetup');
    await answer(/when did you meet/i, '');
    await answer(/introduc/i, '');
    await answer(/company/i, 'Initech');
    await answer(/role/i, 'Data lead');
    await answer(/email/i, 'maria@initech.example');
    await answer(/tags/i, 'data');
    await answer(/talk/i, 'hiring on the data team');
    await answer(/need/i, 'a designer');
    await answer(/need.*another/i, '');
    await answer(/lead/i, '');
    await answer(/you promise/i, 'send my portfolio');
    await answer(/by when will you/i, 'next friday');
    await answer(/you promise.*another/i, '');
    await answer(/they promise/i, '');
    await answer(/keep in touch|cadence|how often/i, '');
    expect(await exitCode()).toBe(0);

    const maria = j.json<ShowJson>('show', 'Maria Lopez', '--json');
    expect(maria).toMatchObject({ company: 'Initech', role: 'Data lead', met_where: 'PyData meetup', met_on: TODAY, cadence_days: 90 });
    expect(maria).toMatchObject({ email: 'maria@initech.example', tags: ['data'], introduced_by: null });
    expect(maria.needs.map((n) => n.what)).toEqual(['a designer']);
    expect(maria.promises.map((p) => [p.direction, p.what])).toEqual([['mine', 'send my portfolio']]);
    expect(maria.promises[0]?.by).toMatch(/^2026-10-(0[2-9])$/);
  });

  it.skipIf(!tmuxAvailable)('Ctrl-C at the third prompt exits 130 and writes nothing', async () => {
    await answer(/name/i, 'Maria Lopez');
    await answer(/where.*(meet|met)/i, 'PyData meetup');
    await prompt(/when did you meet/i);
    tmux('send-keys', '-t', session, 'C-c');
    expect(await exitCode()).toBe(130);
    expect(j.json<ContactJson[]>('list', '--json')).toEqual([]);
  });
});
