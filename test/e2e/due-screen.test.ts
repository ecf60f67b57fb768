// Issue 12, items 14 and 16, with the real binary: `net due` on terminals of 60, 80 and 120
// columns, piped output whole, and a backlog of 5,194 items a screenful at a time.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/text.js';
import { cleanupJournals, onTerminal, type TempJournal, tempJournal } from './helpers.js';

afterAll(cleanupJournals);

const TODAY = '2026-04-14';
const noAnsi = (t: string) => t.replace(/\x1b\[[0-9;]*m/g, '');
const LONG_NAME = 'Maximilian Alexander Schwarzenegger-Obermeier';
const PROMISE = 'send the deck about the migration plan we discussed';

interface DueJson {
  id: string;
  title: string;
  days_overdue: number;
}

describe('14. net due is readable at 60, 80 and 120 columns', () => {
  let j: TempJournal;
  beforeAll(() => {
    j = tempJournal({ today: TODAY });
    const on = (day: string, ...args: string[]) => {
      const r = j.netWith({ env: { NET_TODAY: day } }, ...args);
      if (r.code !== 0) throw new Error(`net ${args.join(' ')}: ${r.stderr}`);
    };
    on('2026-03-26', 'add', 'Dana Whitfield', '--met', 'coffee at Bennu', '--kind', 'coffee', '--summary', 'talked about the platform team');
    on('2026-04-01', 'add', LONG_NAME, '--met', 'PyData meetup');
    on('2026-04-01', 'promise', 'Dana', PROMISE, '--by', '2026-04-10');
    on('2026-04-05', 'add', 'Kim Park', '--met', 'call', '--kind', 'call', '--every', 'never');
    on('2026-04-05', 'lead', 'Kim', 'Bob runs the data platform at Acme', '--person', 'Bob Ortiz');
  }, 60_000);

  it.each([60, 80, 120])('at %i columns: no line is wider, OWED said once and given the space, names cut with an ellipsis', (columns) => {
    const r = onTerminal(j.db, ['due'], { columns, rows: 50, today: TODAY });
    expect(r.code).toBe(0);
    const lines = noAnsi(r.terminal).trimEnd().split('\n');
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
    expect(lines[0]).toMatch(/^ID +CONTACT +OWED +WHEN$/);
    const rows = lines.slice(1).filter((l) => /^[cilp]\d/.test(l));
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(j.json<DueJson[]>('due', '--json').map((d) => d.id));
    const owed = lines[0]!.indexOf('WHEN') - lines[0]!.indexOf('OWED');
    const contact = lines[0]!.indexOf('OWED') - lines[0]!.indexOf('CONTACT');
    expect(owed).toBeGreaterThan(contact);
    // The kind and the day it fell due are said once, in OWED: no KIND column, no "(since …)".
    expect(r.terminal).not.toMatch(/\bKIND\b|\(since |2026-/);
    const thanks = rows.find((l) => l.includes(' Thank for the coffee'))!;
    expect(thanks).toMatch(/^i\d+ +Dana Whit\S* +Thank for the coffee \(Mar/);
    expect(thanks).toMatch(/ 19 days overdue$/);
    const promise = rows.find((l) => l.includes('You promised'))!;
    expect(promise).toMatch(/^p\d+ +Dana Whit\S* +You promised by Apr 1/);
    const name = rows.find((l) => l.includes('Thank for the meeting'))!;
    expect(name).toMatch(/^i\d+ +Maxim[^…]*… +Thank/);
    if (columns >= 120) expect(name).toMatch(/ Maximilian Alexander… /);
    if (columns >= 80) expect(thanks).toContain('Thank for the coffee (Mar 26): talked about');
    if (columns >= 80) expect(promise).toContain('You promised by Apr 10: send the deck about');
    if (columns >= 120) expect(promise).toContain(`You promised by Apr 10: ${PROMISE}`);
  });

  it('piped: every column whole, with the kind, the full title and the day it fell due', () => {
    const out = j.ok('due').stdout;
    expect(out).not.toContain('…');
    expect(out.split('\n')[0]).toMatch(/^ID +KIND +CONTACT +OWED +WHEN$/);
    expect(out).toMatch(new RegExp(`p\\d+ +promise +Dana Whitfield +You promised by 2026-04-10: ${PROMISE} +5 days overdue \\(since Apr 9\\)`));
    expect(out).toMatch(/i\d+ +thanks +Dana Whitfield +Thank them for the coffee on 2026-03-26: talked about the platform team +19 days overdue \(since Mar 26\)/);
    expect(out).toContain(LONG_NAME);
  });

  it('--json keeps the full title', () => {
    expect(j.json<DueJson[]>('due', '--json').map((d) => d.title)).toContain(`You promised by 2026-04-10: ${PROMISE}`);
  });
});

describe('16. a big backlog: a screenful on a terminal, --limit anywhere', () => {
  let j: TempJournal;
  let all: DueJson[];
  beforeAll(() => {
    j = tempJournal({ today: TODAY });
    // 5,194 promises of yours to 100 people, due on days from Jan 1 to Apr 14.
    const uuid = (prefix: string, i: number) => `${prefix}0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const contacts = Array.from({ length: 100 }, (_, i) => ({
      uuid: uuid('c', i), name: `Person ${i}`, company: null, role: null, email: null, phone: null, url: null, met_where: null, met_on: '2026-01-01',
      introduced_by: null, tags: [], notes: null, cadence_days: null, archived: false, snoozed_until: null, created_at: '2026-01-01T00:00:00.000Z',
    }));
    const day = (i: number) => new Date(Date.UTC(2026, 0, 2 + (i % 104))).toISOString().slice(0, 10);
    const promises = Array.from({ length: 5194 }, (_, i) => ({
      uuid: uuid('e', i), contact: uuid('c', i % 100), what: `promise ${i}`, direction: 'mine', made_on: '2026-01-01', by: day(i),
      status: 'open', closed_on: null, nudges: 0, last_nudged_on: null, snoozed_until: null,
    }));
    const backup = path.join(j.dir, 'backlog.json');
    fs.writeFileSync(backup, JSON.stringify({ format: 'net-journal', version: 1, exported_at: '2026-01-01T00:00:00.000Z', contacts, interactions: [], leads: [], promises, needs: [] }));
    j.ok('import', backup);
    all = j.json<DueJson[]>('due', '--json');
    expect(all).toHaveLength(5194);
  }, 120_000);

  const rowIds = (out: string) => noAnsi(out).split('\n').filter((l) => /^p\d+ /.test(l)).map((l) => l.split(' ')[0]);
  /** The command a "… and N more: net …" line names, as arguments. */
  const moreCommand = (out: string) => {
    const m = /^… and [\d,]+ more: net (.+)$/m.exec(noAnsi(out));
    if (!m) throw new Error(`no "… and N more" line in:\n${out.slice(-500)}`);
    return m[1]!.split(' ');
  };

  it('on a terminal: the 30 most urgent, then "… and 5,164 more: net due --limit 0", a command that shows them all', () => {
    const r = onTerminal(j.db, ['due'], { columns: 100, rows: 50, today: TODAY });
    expect(r.code).toBe(0);
    expect(rowIds(r.terminal)).toEqual(all.slice(0, 30).map((d) => d.id));
    const overdue = all.filter((d) => d.days_overdue > 0).length.toLocaleString('en-US');
    expect(noAnsi(r.terminal)).toContain(`\n… and 5,164 more: net due --limit 0\n5,194 items, ${overdue} overdue. Resolve`);

    const rest = onTerminal(j.db, moreCommand(r.terminal), { columns: 100, rows: 50, today: TODAY, env: { PAGER: 'cat' } });
    expect(rest.code).toBe(0);
    expect(rowIds(rest.terminal)).toEqual(all.map((d) => d.id));
    expect(rest.terminal).not.toContain('more: net');
  });

  it('--limit N sets the number on a terminal too', () => {
    const r = onTerminal(j.db, ['due', '--limit', '40'], { columns: 100, rows: 50, today: TODAY });
    expect(rowIds(r.terminal)).toEqual(all.slice(0, 40).map((d) => d.id));
    expect(noAnsi(r.terminal)).toContain('… and 5,154 more: net due --limit 0');
  });

  it('piped: complete without --limit, cut with it', () => {
    const whole = j.ok('due').stdout;
    expect(rowIds(whole)).toEqual(all.map((d) => d.id));
    expect(whole).not.toContain('more: net');
    const five = j.ok('due', '--limit', '5').stdout;
    expect(rowIds(five)).toEqual(all.slice(0, 5).map((d) => d.id));
    expect(five.trimEnd().split('\n').at(-1)).toBe('… and 5,189 more: net due --limit 0');
    expect(rowIds(j.ok(...moreCommand(five)).stdout)).toHaveLength(5194);
    expect(rowIds(j.ok('due', '--limit', '0').stdout)).toHaveLength(5194);
    expect(j.ok('due', '--limit', '6000').stdout).not.toContain('more: net');
  });

  it('--all keeps --all in the command that shows the rest', () => {
    const two = j.ok('due', '--all', '--limit', '2').stdout;
    expect(two).toContain('… and 5,192 more: net due --all --limit 0');
    expect(rowIds(j.ok(...moreCommand(two)).stdout)).toHaveLength(5194);
  });

  it('--json is complete, on a terminal too, unless --limit says otherwise', () => {
    const r = onTerminal(j.db, ['due', '--json'], { columns: 100, rows: 50, today: TODAY });
    expect((JSON.parse(r.terminal) as DueJson[]).map((d) => d.id)).toEqual(all.map((d) => d.id));
    expect(j.json<DueJson[]>('due', '--json', '--limit', '3')).toEqual(all.slice(0, 3));
  });

  it.each([['x'], ['-1'], ['1.5'], ['']])('refuses --limit %j with exit 2 and prints nothing', (limit) => {
    const r = j.net('due', '--limit', limit);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^net: --limit ".*" is not a number of items\. Use 0 for all, or a number like 50\.\n$/);
  });

  it('refuses --notify with --limit', () => {
    expect(j.net('due', '--notify', '--limit', '3')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/--notify prints nothing/) });
  });
});
