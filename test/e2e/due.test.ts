// Issue 3's acceptance walk-throughs, run against the real binary day by day.
import fs from 'node:fs';
import path from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupJournals, tempJournal, type TempJournal } from './helpers.js';

interface DueJson {
  id: string;
  kind: string;
  contact: { id: number; name: string };
  title: string;
  since: string;
  due: string;
  days_overdue: number;
  state: string;
}

afterEach(cleanupJournals);

function on(j: TempJournal, day: string, ...args: string[]) {
  const r = j.netWith({ env: { NET_TODAY: day } }, ...args);
  if (r.code !== 0) throw new Error(`net ${args.join(' ')} on ${day} exited ${r.code}: ${r.stderr}`);
  return r;
}

function due(j: TempJournal, day: string, all = false): DueJson[] {
  return JSON.parse(on(j, day, 'due', '--json', ...(all ? ['--all'] : [])).stdout) as DueJson[];
}

const idOf = (stdout: string, letter: string) => {
  const m = new RegExp(`\\b${letter}(\\d+)\\b`).exec(stdout);
  if (!m) throw new Error(`no ${letter}<id> in ${stdout}`);
  return `${letter}${m[1]}`;
};

describe('net due, day by day', () => {
  it('a coffee owes a thank-you that day, then a first follow-up a week later, then the cadence', () => {
    const j = tempJournal();
    on(j, '2026-10-01', 'add', 'Dana Whitfield', '--met', 'coffee at Bennu', '--kind', 'coffee');
    const thanks = due(j, '2026-10-01').filter((d) => d.kind === 'thanks');
    expect(thanks).toHaveLength(1);
    expect(thanks[0]).toMatchObject({ contact: { name: 'Dana Whitfield' }, since: '2026-10-01', due: '2026-10-01', days_overdue: 0 });
    on(j, '2026-10-01', 'thank', 'Dana');
    expect(due(j, '2026-10-01')).toEqual([]);

    expect(due(j, '2026-10-07')).toEqual([]);
    const first = due(j, '2026-10-08');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ kind: 'followup', due: '2026-10-08', days_overdue: 0 });
    expect(first[0]?.id).toMatch(/^c\d+$/);

    on(j, '2026-10-08', 'log', 'Dana', 'quick email', '--kind', 'email');
    expect(due(j, '2026-10-08')).toEqual([]);
    expect(due(j, '2027-01-05')).toEqual([]);
    expect(due(j, '2027-01-06')).toMatchObject([{ kind: 'followup', due: '2027-01-06', days_overdue: 0 }]);
  });

  it('a lead falls due after 3 days; talking to its person owes a report-back that --reported clears', () => {
    const j = tempJournal();
    on(j, '2026-10-01', 'add', 'Maria Lopez', '--every', 'never');
    const leadOut = on(j, '2026-10-01', 'lead', 'Maria', 'Sam runs hiring at Acme', '--person', 'Sam Park', '--company', 'Acme').stdout;
    const lead = idOf(leadOut, 'l');
    expect(due(j, '2026-10-03').filter((d) => d.kind === 'lead')).toEqual([]);
    expect(due(j, '2026-10-04').filter((d) => d.kind === 'lead')).toMatchObject([{ id: lead, contact: { name: 'Maria Lopez' } }]);

    on(j, '2026-10-05', 'log', 'Sam Park', 'call about the role', '--kind', 'call');
    const after = due(j, '2026-10-05');
    expect(after.filter((d) => d.kind === 'lead')).toEqual([]);
    expect(after.filter((d) => d.kind === 'report')).toMatchObject([{ id: lead, contact: { name: 'Maria Lopez' }, due: '2026-10-05' }]);
    // Maria introduced Sam through her lead; Sam is owed one for the call.
    expect(after.filter((d) => d.kind === 'thanks').map((d) => d.title)).toEqual([
      'Thank Maria Lopez for introducing you to Sam Park',
      'Thank them for the call on 2026-10-05: call about the role',
    ]);

    on(j, '2026-10-06', 'log', 'Maria', 'told her about the call', '--reported', lead);
    expect(due(j, '2026-10-06').filter((d) => d.kind === 'report')).toEqual([]);
    const maria = j.json<{ leads: Array<{ status: string; reported_on: string }> }>('show', 'Maria', '--json');
    expect(maria.leads[0]).toMatchObject({ status: 'reported', reported_on: '2026-10-06' });
  });

  it('my promise is due the day before its date, counts days overdue, and done keeps it', () => {
    const j = tempJournal();
    on(j, '2026-10-01', 'add', 'Dana', '--every', 'never');
    const p = idOf(on(j, '2026-10-01', 'promise', 'Dana', 'send my notes', '--by', '2026-10-10').stdout, 'p');
    expect(due(j, '2026-10-08')).toEqual([]);
    expect(due(j, '2026-10-09')).toMatchObject([{ id: p, kind: 'promise', due: '2026-10-09', days_overdue: 0 }]);
    expect(due(j, '2026-10-12')).toMatchObject([{ id: p, days_overdue: 3 }]);
    on(j, '2026-10-12', 'done', p);
    expect(due(j, '2026-10-12')).toEqual([]);
    const dana = j.json<{ promises: Array<{ status: string; closed_on: string }> }>('show', 'Dana', '--json');
    expect(dana.promises[0]).toMatchObject({ status: 'kept', closed_on: '2026-10-12' });
  });

  it('their promise: a nudge the day after, a week between nudges, then rest', () => {
    const j = tempJournal();
    on(j, '2026-10-01', 'add', 'Dana', '--every', 'never');
    const p = idOf(on(j, '2026-10-01', 'promise', 'Dana', 'pass my resume to Harry', '--theirs', '--by', '2026-10-10').stdout, 'p');
    expect(due(j, '2026-10-10')).toEqual([]);
    expect(due(j, '2026-10-11')).toMatchObject([{ id: p, kind: 'nudge', due: '2026-10-11' }]);
    on(j, '2026-10-11', 'done', p);
    expect(due(j, '2026-10-17')).toEqual([]);
    expect(due(j, '2026-10-18')).toMatchObject([{ id: p, kind: 'nudge', due: '2026-10-18' }]);
    on(j, '2026-10-18', 'done', p);
    expect(due(j, '2026-10-25')).toEqual([]);
    expect(due(j, '2026-12-25')).toEqual([]);
    expect(due(j, '2026-12-25', true)).toMatchObject([{ id: p, kind: 'nudge', state: 'resting' }]);
    on(j, '2026-12-25', 'promise', 'kept', p);
    // Kept at last: no more nudges, a thank-you instead.
    expect(due(j, '2026-12-25', true)).toMatchObject([{ id: p, kind: 'thanks', state: 'due' }]);
    on(j, '2026-12-25', 'thank', 'Dana');
    expect(due(j, '2026-12-25', true)).toEqual([]);
  });

  it('two unanswered messages rest a 30-day contact until twice the cadence', () => {
    const j = tempJournal();
    on(j, '2026-08-01', 'add', 'Sam', '--every', '30d', '--met', 'meetup', '--on', '2026-08-01');
    on(j, '2026-08-01', 'thank', 'Sam');
    on(j, '2026-09-01', 'log', 'Sam', 'checking in', '--kind', 'email', '--no-reply');
    on(j, '2026-09-10', 'log', 'Sam', 'checking in again', '--kind', 'email', '--no-reply');
    expect(due(j, '2026-10-15')).toEqual([]);
    expect(due(j, '2026-10-15', true)).toMatchObject([{ kind: 'followup', state: 'resting', contact: { name: 'Sam' } }]);
    expect(due(j, '2026-11-08')).toEqual([]);
    expect(due(j, '2026-11-09')).toMatchObject([{ kind: 'followup', due: '2026-11-09', state: 'due', days_overdue: 0 }]);
  });

  it('a snoozed item disappears until its date; an overdue promise sorts before today\'s thanks', () => {
    const j = tempJournal();
    on(j, '2026-10-01', 'add', 'Ann', '--every', 'never');
    const p = idOf(on(j, '2026-10-01', 'promise', 'Ann', 'send the deck', '--by', '2026-10-05').stdout, 'p');
    on(j, '2026-10-06', 'add', 'Bob', '--met', 'coffee', '--every', 'never');
    const items = due(j, '2026-10-06');
    expect(items.map((d) => d.kind)).toEqual(['promise', 'thanks']);
    expect(items[0]).toMatchObject({ id: p, days_overdue: 2 });

    on(j, '2026-10-06', 'snooze', p, '2026-10-09');
    expect(due(j, '2026-10-06').map((d) => d.kind)).toEqual(['thanks']);
    expect(due(j, '2026-10-08', true).find((d) => d.id === p)).toMatchObject({ state: 'snoozed' });
    expect(due(j, '2026-10-09').find((d) => d.id === p)).toMatchObject({ state: 'due', days_overdue: 5 });
  });

  it('prints one line per item with its id, kind, contact and lateness, and says so when nothing is due', () => {
    const j = tempJournal();
    expect(on(j, '2026-10-01', 'due').stdout).toMatch(/empty/i);
    on(j, '2026-10-01', 'add', 'Dana Whitfield', '--every', 'never');
    expect(on(j, '2026-10-01', 'due').stdout).toMatch(/Nothing is due/);
    const p = idOf(on(j, '2026-10-01', 'promise', 'Dana', 'send my notes', '--by', '2026-10-10').stdout, 'p');
    const text = on(j, '2026-10-12', 'due').stdout;
    const line = text.split('\n').find((l) => l.includes(p));
    expect(line).toMatch(/promise/);
    expect(line).toMatch(/Dana Whitfield/);
    expect(line).toMatch(/3 days overdue/);
  });
});

describe('net report', () => {
  it('has every section in order, even on an empty journal, and -o writes a private file', () => {
    const j = tempJournal();
    const md = on(j, '2026-10-01', 'report').stdout;
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Networking report: 2026-09-25 to 2026-10-01',
      '## Pipeline',
      '## Owed now',
      '## Conversations',
      '## Leads',
      '## Promises',
      '## Ways to give',
      '## Give and take',
      '## Resting',
    ]);
    const out = path.join(j.dir, 'week.md');
    on(j, '2026-10-01', 'report', '--since', '2026-09-01', '--until', '2026-09-30', '-o', out);
    // A past period is as of its last day.
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^# Networking report: 2026-09-01 to 2026-09-30\n[\s\S]*\n## Owed on 2026-09-30\n/);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  });

  it('--format json has a key per section', () => {
    const j = tempJournal();
    on(j, '2026-10-01', 'add', 'Dana', '--met', 'coffee', '--need', 'an intro at Dell');
    const r = JSON.parse(on(j, '2026-10-01', 'report', '--format', 'json').stdout) as Record<string, unknown[]>;
    for (const key of ['owed_now', 'conversations', 'leads', 'promises', 'ways_to_give', 'give_and_take', 'held_back', 'resting']) {
      expect(Array.isArray(r[key]), key).toBe(true);
    }
    expect(r.conversations).toHaveLength(1);
    expect(r.ways_to_give).toHaveLength(1);
  });

  it('keeps hostile names inside their table cells', () => {
    const j = tempJournal();
    on(j, '2026-10-01', 'add', 'Ann | Bee <b>x</b> [y](http://z)', '--company', '# Acme', '--met', 'coffee', '--need', '<img src=x>');
    const md = on(j, '2026-10-01', 'report').stdout;
    const html = micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
    expect(html).not.toMatch(/<b>|<img|<a\s/);
    expect([...html.matchAll(/<h[1-6]>/g)]).toHaveLength(9);
    for (const table of html.matchAll(/<table>([\s\S]*?)<\/table>/g)) {
      const widths = [...(table[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...(r[1] ?? '').matchAll(/<t[hd][ >]/g)].length);
      expect(new Set(widths).size).toBe(1);
    }
    expect(html).toContain('Ann | Bee &lt;b&gt;x&lt;/b&gt; [y](http://z)');
  });

  it('says when a lead matches someone\'s open need', () => {
    const j = tempJournal();
    on(j, '2026-10-01', 'add', 'Sam', '--need', 'an intro at Acme');
    on(j, '2026-10-01', 'add', 'Maria');
    const out = on(j, '2026-10-01', 'lead', 'Maria', 'Chris is hiring', '--company', 'Acme').stdout;
    expect(out).toMatch(/Sam needs an intro at Acme/);
  });
});
