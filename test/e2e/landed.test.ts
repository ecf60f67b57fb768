// net landed (issue 14) with the real binary: the wrap-up of a search.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryIO } from '../memory-io.js';
import type { Prompter } from '../../src/cli/prompter.js';
import { run } from '../../src/cli/run.js';
import { BIN, baseEnv, cleanupJournals, type DueJson, STACK_LINE, type TempJournal, tempJournal } from './helpers.js';

afterEach(cleanupJournals);

interface LandingJson {
  dry_run: boolean;
  job: { id: number; stage: string; landed_on: string | null };
  recorded: boolean;
  withdrawn: Array<{ id: number; stage: string }>;
  helpers: Array<{ contact: { id: number; name: string }; help: string[]; acts: number; conversations: number }>;
  leads_closed: Array<{ id: number; status: string; outcome: string | null }>;
  promises_open: Array<{ id: number }>;
  cadence_given: Array<{ id: number; name: string }>;
  pay_it_forward: Array<{ id: number; what: string }>;
}

function search(j: TempJournal): void {
  j.ok('add', 'Dana', '--met', 'coffee', '--kind', 'coffee', '--on', '2026-09-01');
  j.ok('add', 'Kim', '--every', 'never');
  j.ok('add', 'Ann Lee', '--via', 'Kim', '--company', 'Hooli');
  j.ok('lead', 'Dana', 'Hooli is hiring', '--company', 'Hooli');
  j.ok('lead', 'Kim', 'Acme too');
  j.ok('promise', 'Kim', 'intro to Harry', '--theirs');
  j.ok('promise', 'kept', 'p1');
  j.ok('promise', 'Dana', 'send my notes');
  j.ok('need', 'Kim', 'a designer');
  j.ok('job', 'add', 'Data engineer', '--company', 'Hooli', '--via', 'Dana', '--lead', 'l1');
  j.ok('job', 'add', 'Analyst', '--company', 'Acme');
  j.ok('job', 'j1', 'interview', '--with', 'Ann Lee');
  j.ok('job', 'j1', 'offer');
}

describe('net landed', () => {
  it('--dry-run shows all of it and writes nothing', () => {
    const j = tempJournal();
    search(j);
    const before = j.snapshot();
    const dry = j.ok('landed', 'data engineer', '--company', 'Hooli Inc', '--dry-run');
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    expect(dry.stdout).toContain('Withdrew 1 other open application: j2 Analyst at Acme.');
    expect(dry.stdout).toMatch(/Next: net landed "Data engineer" --company "Hooli"\n$/);
    expect(j.json<LandingJson>('landed', 'data engineer', '--company', 'Hooli Inc', '--dry-run', '--json').dry_run).toBe(true);
    expect(j.snapshot()).toEqual(before);
  });

  it('accepts the application, withdraws the others, owes each helper a landed item, closes leads, keeps promises, gives cadences', () => {
    const j = tempJournal();
    search(j);
    const r = j.json<LandingJson>('landed', 'data engineer', '--company', 'Hooli Inc', '--json');
    expect(r).toMatchObject({ dry_run: false, job: { id: 1, stage: 'accepted', landed_on: '2026-10-01' }, recorded: false });
    expect(r.withdrawn.map((x) => [x.id, x.stage])).toEqual([[2, 'withdrawn']]);
    expect(r.helpers.map((h) => [h.contact.name, h.help])).toEqual([
      ['Kim', ['gave you a lead: Acme too', 'introduced you to Ann Lee', 'kept their promise: intro to Harry']],
      ['Dana', ['gave you a lead: Hooli is hiring', 'referred you for Data engineer at Hooli', '1 conversation']],
    ]);
    expect(r.leads_closed.map((l) => [l.id, l.status, l.outcome])).toEqual([
      [1, 'reported', 'landed at Hooli'],
      [2, 'reported', 'landed at Hooli'],
    ]);
    expect(r.promises_open.map((p) => p.id)).toEqual([2]);
    // Kim chose no cadence (--every never) and still gets one: everyone who helped is kept warm.
    expect(r.cadence_given.map((c) => c.name)).toEqual(['Kim']);
    expect(r.pay_it_forward.map((n) => n.what)).toEqual(['a designer']);
    const landed = () => j.json<DueJson[]>('due', '--json').filter((d) => d.kind === 'landed' || d.kind === 'report' || d.kind === 'job');
    expect(landed().map((d) => [d.id, d.kind, d.contact?.name, d.title])).toEqual([
      ['j1c1', 'landed', 'Dana', 'Tell Dana you landed at Hooli and thank them'],
      ['j1c2', 'landed', 'Kim', 'Tell Kim you landed at Hooli and thank them'],
    ]);
    // Any conversation with them since, or net done, resolves it.
    j.ok('log', 'Kim', 'told her the news', '--kind', 'call');
    j.ok('done', 'j1c1');
    expect(landed()).toEqual([]);
    expect(j.json<Array<{ id: number; stage: string }>>('jobs', '--all', '--json').map((x) => [x.id, x.stage])).toEqual([
      [1, 'accepted'],
      [2, 'withdrawn'],
    ]);
  });

  it('--keep-open keeps the other applications; an application not in the journal is recorded; --since narrows the helpers', () => {
    const j = tempJournal();
    search(j);
    const r = j.json<LandingJson>('landed', 'Staff engineer', '--company', 'Initech', '--keep-open', '--since', '2026-10-01', '--every', '30d', '--json');
    expect(r).toMatchObject({ recorded: true, job: { id: 3, stage: 'accepted' }, withdrawn: [] });
    expect(r.helpers.map((h) => h.contact.name)).toEqual(['Kim', 'Dana']);
    expect(j.json<Array<{ id: number; stage: string }>>('jobs', '--json').map((x) => [x.id, x.stage])).toEqual([
      [2, 'applied'],
      [1, 'offer'],
    ]);
  });

  it('net history and net undo name what the user changed, not the bookkeeping behind it', () => {
    const j = tempJournal();
    search(j);
    j.ok('landed', 'Data engineer', '--company', 'Hooli');
    const history = j.ok('history', '--limit', '1').stdout;
    expect(history).toContain('j1 landed on: (none) → 2026-10-01');
    expect(history).not.toMatch(/landed_after/);
    const undo = j.ok('undo').stdout;
    expect(undo).toMatch(/changed j1 \([^)]*landed on/);
    expect(undo).not.toMatch(/landed_after/);
  });

  it('refuses bad input with exit 2 and changes nothing', () => {
    const j = tempJournal();
    search(j);
    const before = j.snapshot();
    for (const args of [
      ['landed', 'Data engineer'],
      ['landed', '', '--company', 'Hooli'],
      ['landed', 'Data engineer', '--company', 'Hooli', '--on', '2099-01-01'],
      ['landed', 'Data engineer', '--company', 'Hooli', '--since', '2026-10-02', '--on', '2026-10-01'],
      ['landed', 'Data engineer', '--company', 'Hooli', '--every', 'never'],
    ]) {
      const r = j.net(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
    expect(j.snapshot()).toEqual(before);
  });
});

describe('net landed on a terminal', () => {
  /** Runs net landed in this process on a terminal, answering its one question with `answer`. */
  async function onTerminal(j: TempJournal, answer: boolean, ...extra: string[]) {
    const asked: string[] = [];
    const prompter: Prompter = {
      input: async () => {
        throw new Error('unexpected input');
      },
      select: async () => {
        throw new Error('unexpected select');
      },
      confirm: async (message) => {
        asked.push(message);
        return answer;
      },
    };
    const io = memoryIO({ tty: true });
    const code = await run(['landed', 'Data engineer', '--company', 'Hooli', ...extra], { io, env: { NET_DB: j.db, NET_TODAY: j.today }, now: new Date(), version: 'test', prompter: async () => prompter });
    return { code, asked, io };
  }
  const stages = (j: TempJournal) => j.json<Array<{ id: number; stage: string }>>('jobs', '--all', '--json').map((x) => [x.id, x.stage]);

  it('asks before withdrawing the other open applications, and keeps them when told no', async () => {
    const j = tempJournal();
    search(j);
    const r = await onTerminal(j, false);
    expect(r.code, r.io.stderr.join('\n')).toBe(0);
    expect(r.asked).toEqual(['Withdraw your other open application (j2 Analyst at Acme)?']);
    expect(stages(j)).toEqual([
      [2, 'applied'],
      [1, 'accepted'],
    ]);
  });

  it('withdraws them when told yes; --keep-open asks nothing', async () => {
    const j = tempJournal();
    search(j);
    expect((await onTerminal(j, true)).asked).toHaveLength(1);
    expect(stages(j)).toEqual([
      [1, 'accepted'],
      [2, 'withdrawn'],
    ]);
    const k = tempJournal();
    search(k);
    expect((await onTerminal(k, true, '--keep-open')).asked).toEqual([]);
    expect(stages(k)).toEqual([
      [2, 'applied'],
      [1, 'accepted'],
    ]);
  });
});

describe('the hints of job add, job and landed quote hostile text as one shell word', () => {
  it('pasting each hint into a shell runs that command on the exact text and nothing else', () => {
    const j = tempJournal();
    const marker = path.join(j.dir, 'INJECTED');
    const title = `Eng "$(touch ${marker})" \`touch ${marker}\` $HOME \\ it's!`;
    const company = `Hoo'li "$(touch ${marker})"`;
    // The hint is run as a user would paste it: by bash, `net` being this binary on this journal.
    const paste = (hint: string) =>
      spawnSync('bash', ['-c', `net() { node ${JSON.stringify(BIN)} "$@"; }; ${hint}`], {
        env: baseEnv(j.db, j.today),
        encoding: 'utf8',
      });
    const noVia = j.net('job', 'add', title, '--company', company, '--via', `Rae "$(touch ${marker})"`);
    expect(noVia.code).toBe(2);
    const addHint = /add them with: (net add .*)$/m.exec(noVia.stderr)?.[1] ?? '';
    expect(paste(addHint).status).toBe(0);
    j.ok('job', 'add', 'Analyst', '--company', 'Acme', '--via', `Rae "$(touch ${marker})"`);
    j.ok('job', 'add', title, '--company', company);
    const offer = j.ok('job', 'j2', 'offer');
    const landHint = /when you accept it, (net landed .*)$/m.exec(offer.stdout)?.[1] ?? '';
    expect(landHint).toMatch(/--dry-run$/);
    const landed = paste(landHint);
    expect(landed.status, landed.stderr).toBe(0);
    expect(landed.stdout).toContain(`Landed: ${title} at ${company} (j2`);
    const dryHint = /^Next: (net landed .*)$/m.exec(landed.stdout)?.[1] ?? '';
    expect(paste(dryHint).status).toBe(0);
    expect(fs.existsSync(marker)).toBe(false);
  });
});
