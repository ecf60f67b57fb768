// Issue 14's acceptance: a whole job search told end to end with the real binary, checking
// every item net due shows along the way and the final report's sections.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupJournals, type DueJson, ROOT, tempJournal } from './helpers.js';

afterAll(cleanupJournals);

describe('a whole job search, from the first coffee to thanking everyone', () => {
  const j = tempJournal({ today: '2026-09-01' });
  const on = (day: string, ...args: string[]) => {
    const r = j.netWith({ env: { NET_TODAY: day } }, ...args);
    if (r.code !== 0) throw new Error(`net ${args.join(' ')} on ${day} exited ${r.code}: ${r.stderr}`);
    return r.stdout;
  };
  /** What net due shows on `day`, as `id kind contact`. */
  const due = (day: string) =>
    (JSON.parse(on(day, 'due', '--json')) as DueJson[]).map((d) => `${d.id} ${d.kind} ${d.contact?.name ?? '-'}`);

  it('tells the search', () => {
    // A coffee with Kim, who introduces Dana; Dana gives a lead and refers you.
    on('2026-09-01', 'add', 'Kim Park', '--met', 'coffee at Bennu', '--kind', 'coffee');
    expect(due('2026-09-01')).toEqual(['i1 thanks Kim Park']);
    on('2026-09-01', 'thank', 'Kim');
    on('2026-09-02', 'add', 'Dana Whitfield', '--via', 'Kim', '--met', 'call', '--kind', 'call', '--need', 'a designer');
    expect(due('2026-09-02')).toEqual(['i2 thanks Dana Whitfield', 'i3 thanks Kim Park']);
    on('2026-09-02', 'thank', 'Kim');
    on('2026-09-02', 'thank', 'Dana');
    expect(due('2026-09-02')).toEqual([]);
    on('2026-09-03', 'lead', 'Dana', 'Hooli is hiring data engineers', '--company', 'Hooli');
    expect(due('2026-09-05')).toEqual([]);
    expect(due('2026-09-06')).toEqual(['l1 lead Dana Whitfield']);
    // Applying through her lead, referred by her: the lead is followed, and she is owed a word.
    on('2026-09-06', 'job', 'add', 'Data engineer', '--company', 'Hooli Inc', '--via', 'Dana', '--lead', 'l1');
    expect(due('2026-09-06')).toEqual(['l1 report Dana Whitfield']);
    on('2026-09-06', 'done', 'l1', 'told her I applied');
    expect(due('2026-09-08')).toEqual([]);
    expect(due('2026-09-09')).toEqual(['c2 followup Dana Whitfield']);
    on('2026-09-09', 'done', 'c2', 'asked about the team');
    // Ten days without news: ask Dana, who referred you.
    expect(due('2026-09-15')).toEqual([]);
    expect(due('2026-09-16')).toEqual(['j1 job Dana Whitfield']);
    on('2026-09-16', 'done', 'j1', 'she will ask the manager');
    expect(due('2026-09-16')).toEqual([]);
    // A screen, then a panel interview: each interviewer is owed a thank-you.
    on('2026-09-18', 'add', 'Ann Lee', '--company', 'Hooli');
    on('2026-09-18', 'add', 'Bob Ortiz', '--company', 'Hooli');
    on('2026-09-18', 'job', 'j1', 'screen');
    expect(due('2026-09-18')).toEqual([]);
    expect(on('2026-09-22', 'job', 'j1', 'interview', '--with', 'Ann Lee', '--with', 'Bob Ortiz')).toContain('Logged i5: interview with Ann Lee, Bob Ortiz on 2026-09-22.');
    expect(due('2026-09-22')).toEqual(['i5c3 thanks Ann Lee', 'i5c4 thanks Bob Ortiz']);
    on('2026-09-22', 'thank', 'Ann Lee');
    on('2026-09-23', 'done', 'i5c4', 'sent a note');
    expect(due('2026-09-23')).toEqual([]);
    // The offer: Dana referred you and gave the lead, so she is owed the news (once).
    expect(on('2026-09-28', 'job', 'j1', 'offer')).toContain('Next: tell Dana Whitfield how it went, then net done j1c2');
    expect(due('2026-09-28')).toEqual(['j1c2 job Dana Whitfield']);
    on('2026-09-28', 'done', 'j1c2', 'called her');
    expect(due('2026-09-28')).toEqual([]);
    // Before landing, the report's pipeline shows the application with its days in stage.
    const before = on('2026-09-30', 'report');
    expect(before).toContain('## Pipeline\n\n| Application | Title | Company | Stage | Days in stage | Referrer |\n| --- | --- | --- | --- | --- | --- |\n| j1 | Data engineer | Hooli Inc | offer | 2 | Dana Whitfield |');
    expect(before).not.toContain('## Thank everyone');
    // Landed: everyone who helped is owed the news and a thank-you.
    const landed = on('2026-10-01', 'landed', 'Data engineer', '--company', 'Hooli');
    expect(landed).toContain('Landed: Data engineer at Hooli Inc (j1), on 2026-10-01.');
    expect(landed).toContain(
      'Everyone who helped since 2026-09-01, most help first (2):\n' +
        '  #2 Dana Whitfield: gave you a lead: Hooli is hiring data engineers; referred you for Data engineer at Hooli Inc; 2 conversations\n' +
        '  #1 Kim Park: introduced you to Dana Whitfield; 1 conversation\n',
    );
    expect(landed).toContain('Pay it forward:\n  n1 Dana Whitfield: a designer');
    expect(due('2026-10-01')).toEqual(['c3 followup Ann Lee', 'c4 followup Bob Ortiz', 'j1c1 landed Kim Park', 'j1c2 landed Dana Whitfield']);
    // The report knows the search: a headline, the pipeline, and who is still to be thanked.
    const report = on('2026-10-01', 'report', '--since', '2026-09-01');
    expect([...report.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual([
      'Pipeline',
      'Thank everyone',
      'Owed now',
      'Conversations',
      'Leads',
      'Promises',
      'Ways to give',
      'Give and take',
      'Resting',
    ]);
    expect(report.split('\n')[2]).toBe('In this period: 4 people met · 5 conversations · no messages sent · 1 lead followed, 1 reported · 0 needs met · 0 promises kept');
    expect(report).toContain('## Pipeline\n\n_No applications under way._');
    expect(report).toContain(
      '## Thank everyone\n\n| Item | Contact | Owed | When |\n| --- | --- | --- | --- |\n' +
        '| j1c1 | Kim Park | Tell Kim Park you landed at Hooli Inc and thank them | due today |\n' +
        '| j1c2 | Dana Whitfield | Tell Dana Whitfield you landed at Hooli Inc and thank them | due today |',
    );
    // Telling them resolves the items: a call with Kim, net done for Dana.
    on('2026-10-02', 'log', 'Kim', 'told him the news', '--kind', 'call');
    on('2026-10-02', 'done', 'j1c2');
    expect(due('2026-10-02').filter((x) => x.includes('landed'))).toEqual([]);
    const json = JSON.parse(on('2026-10-02', 'report', '--since', '2026-09-01', '--format', 'json')) as Record<string, unknown>;
    expect(json.landed).toEqual([]);
    expect(json.pipeline).toEqual([]);
    expect(json.headline).toEqual({
      people_met: 4,
      conversations: 6,
      messages: 0,
      replies: 0,
      reply_rate: null,
      leads_followed: 1,
      leads_reported: 1,
      needs_met: 0,
      promises_kept: 0,
    });
    expect(on('2026-10-02', 'report', '--since', '2026-09-01')).toContain('## Thank everyone\n\n_Everyone who helped has been told and thanked._');
  }, 240_000);
});

/** Shell words, with double quotes. */
function words(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

describe("the README's job search examples run", () => {
  it('runs the examples of the command table and of "The job search", in order', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const table = ['job add', 'job <j-id> <stage>', 'job <j-id> --with <who>', 'jobs', 'company', 'companies', 'landed'].map((name) => {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${name}\` |`));
      const example = row ? /^\| `[^`]+` \| `([^`]+)` \|/.exec(row)?.[1] : undefined;
      if (!example) throw new Error(`README has no example for net ${name}`);
      return example;
    });
    const section = readme.slice(readme.indexOf('### The job search'), readme.indexOf('### Give and take'));
    const blocks = [...section.matchAll(/```\n([\s\S]*?)```/g)].flatMap((m) => (m[1] ?? '').trim().split('\n'));
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    const j = tempJournal();
    for (const name of ['Dana', 'Ann Lee', 'Bob Ortiz', 'Cara Diaz']) j.ok('add', name);
    j.ok('lead', 'Dana', 'Hooli is hiring', '--company', 'Hooli');
    for (const command of [...table.slice(0, 3), ...blocks, ...table.slice(3)]) {
      const r = j.net(...words(command).slice(1));
      expect(r.code, `${command}\n${r.stderr}`).toBe(0);
    }
  }, 120_000);
});
