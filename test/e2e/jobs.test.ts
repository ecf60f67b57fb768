// Applications (issue 14) as a user meets them: net job add, net job <j-id> <stage>,
// net job <j-id> --with, net jobs, and j<id> through edit, rm, undo, history, done and snooze.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupJournals, type DueJson, onTerminal, STACK_LINE, tempJournal } from './helpers.js';

afterEach(cleanupJournals);

interface JobJson {
  id: number;
  title: string;
  company: string;
  stage: string;
  stage_on: string;
  days_in_stage: number;
  via: { id: number; name: string } | null;
  lead: { id: number; what: string } | null;
  people: Array<{ contact: { id: number; name: string }; met: boolean; helped: string | null; told_on: string | null }>;
}

describe('net job and net jobs', () => {
  it('adds, moves and lists applications by stage, with days in stage', () => {
    const j = tempJournal({ today: '2026-10-01' });
    j.ok('add', 'Dana Whitfield');
    j.ok('lead', 'Dana', 'Hooli is hiring', '--company', 'Hooli Inc');
    const added = j.ok('job', 'add', 'Data engineer', '--lead', 'l1', '--via', 'Dana', '--on', '2026-09-20');
    expect(added.stdout).toContain('Added application j1: Data engineer at Hooli Inc (applied on 2026-09-20, referred by Dana Whitfield).');
    expect(added.stdout).toContain('Lead l1 from Dana Whitfield is now followed.');
    j.ok('job', 'add', 'Analyst', '--company', 'Acme', '--stage', 'interested');
    j.ok('job', 'add', 'PM', '--company', 'Initech');
    j.ok('job', 'j3', 'withdrawn');
    const list = j.ok('jobs').stdout.split('\n');
    expect(list[0]).toMatch(/^ID\s+STAGE\s+DAYS\s+TITLE\s+COMPANY\s+REFERRER$/);
    expect(list.slice(1).filter((l) => l !== '').map((l) => l.split(/\s{2,}/).slice(0, 3))).toEqual([
      ['j2', 'interested', '0'],
      ['j1', 'applied', '11'],
    ]);
    const all = j.json<JobJson[]>('jobs', '--all', '--json');
    expect(all.map((x) => [x.id, x.stage, x.days_in_stage])).toEqual([
      [2, 'interested', 0],
      [1, 'applied', 11],
      [3, 'withdrawn', 0],
    ]);
    expect(all[1]).toMatchObject({ company: 'Hooli Inc', via: { name: 'Dana Whitfield' }, lead: { id: 1, what: 'Hooli is hiring' } });
  });

  it('net jobs fits an 80-column terminal, however long the company and referrer names', () => {
    const j = tempJournal();
    j.ok('add', `Dana ${'Whitfield-'.repeat(20)}`);
    j.ok('job', 'add', 'Data engineer', '--company', `Hooli ${'Holdings '.repeat(30)}`, '--via', 'Dana');
    const r = onTerminal(j.db, ['jobs'], { columns: 80, env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    const lines = r.terminal.split('\n').filter((l) => l !== '');
    expect(lines.length).toBe(3);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(lines[1]).toMatch(/^j1\s+applied\s+0\s+Data engineer\s+Hooli/);
  });

  it('the hint after adding at any stage names a step forward, and runs', () => {
    const j = tempJournal();
    const expected: Array<[string, string]> = [
      ['interested', 'Next: net jobs; when it moves, net job j1 applied'],
      ['applied', 'Next: net jobs; when it moves, net job j2 screen'],
      ['screen', 'Next: net jobs; when it moves, net job j3 interview'],
      ['interview', 'Next: net jobs; when it moves, net job j4 offer'],
      ['offer', 'Next: net jobs; when you accept it, net landed "Role offer" --company "Co offer" --dry-run'],
      ['accepted', 'Next: net jobs --all'],
      ['rejected', 'Next: net jobs --all'],
      ['withdrawn', 'Next: net jobs --all'],
    ];
    for (const [stage, hint] of expected) {
      const out = j.ok('job', 'add', `Role ${stage}`, '--company', `Co ${stage}`, '--stage', stage).stdout;
      expect(out.trim().split('\n').at(-1), stage).toBe(hint);
    }
    for (const [, hint] of expected) {
      for (const command of hint.replace(/^Next: /, '').split(/; when (?:it moves|you accept it), /)) {
        const args = (command.match(/"[^"]*"|\S+/g) ?? []).slice(1).map((w) => w.replace(/^"|"$/g, ''));
        expect(j.net(...args).code, command).toBe(0);
      }
    }
  });

  it('refuses bad input with exit 2 and changes nothing', () => {
    const j = tempJournal();
    j.ok('job', 'add', 'Data engineer', '--company', 'Hooli');
    const before = j.snapshot();
    for (const args of [
      ['job', 'add', 'Analyst'],
      ['job', 'add', '', '--company', 'Hooli'],
      ['job', 'add', 'Analyst', '--company', 'Acme', '--stage', 'hired'],
      ['job', 'add', 'Analyst', '--company', 'Acme', '--via', 'Nobody Known'],
      ['job', 'add', 'Analyst', '--company', 'Acme', '--lead', 'l9'],
      ['job', 'j1', 'applied'],
      ['job', 'j1', 'hired'],
      ['job', 'j9', 'offer'],
      ['job', 'j1'],
      ['job', 'j1', 'offer', '--on', '2099-01-01'],
      ['job', 'j1', 'offer', '--company', 'Acme'],
      ['job', 'x1', 'offer'],
    ]) {
      const r = j.net(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).not.toMatch(STACK_LINE);
    }
    expect(j.snapshot()).toEqual(before);
  });

  it('an interview with people logs it and owes each a thank-you; an offer owes the referrer and the lead giver', () => {
    const j = tempJournal({ today: '2026-10-01' });
    for (const name of ['Dana', 'Kim', 'Ann Lee', 'Bob Ortiz']) j.ok('add', name);
    j.ok('lead', 'Kim', 'Hooli is hiring', '--company', 'Hooli');
    j.ok('job', 'add', 'Data engineer', '--company', 'Hooli', '--via', 'Dana', '--lead', 'l1');
    j.ok('done', 'l1', 'told Kim I applied');
    const interview = j.ok('job', 'j1', 'interview', '--with', 'Ann Lee', '--with', 'Bob Ortiz');
    expect(interview.stdout).toContain('Logged i1: interview with Ann Lee, Bob Ortiz on 2026-10-01.');
    const owed = (today = '2026-10-01') => j.netWith({ env: { NET_TODAY: today } }, 'due', '--json');
    const items = (today?: string) => (JSON.parse(owed(today).stdout) as DueJson[]).filter((d) => d.kind !== 'followup').map((d) => `${d.id} ${d.kind} ${d.contact?.name ?? '-'}`);
    expect(items()).toEqual(['i1c3 thanks Ann Lee', 'i1c4 thanks Bob Ortiz']);
    j.ok('thank', 'Ann Lee');
    j.ok('thank', 'Bob Ortiz');
    // Ten days without a change: ask the referrer.
    expect(items('2026-10-10')).toEqual([]);
    expect(items('2026-10-11')).toEqual(['j1 job Dana']);
    expect(j.netWith({ env: { NET_TODAY: '2026-10-11' } }, 'done', 'j1').code).toBe(0);
    expect(items('2026-10-20')).toEqual([]);
    expect(items('2026-10-21')).toEqual(['j1 job Dana']);
    const offer = j.netWith({ env: { NET_TODAY: '2026-10-21' } }, 'job', 'j1', 'offer');
    expect(offer.stdout).toContain('Next: tell Dana and Kim how it went, then net done j1c1 and net done j1c2');
    expect(items('2026-10-21')).toEqual(['j1c1 job Dana', 'j1c2 job Kim']);
    expect(j.netWith({ env: { NET_TODAY: '2026-10-21' } }, 'done', 'j1c2').code).toBe(0);
    expect(j.netWith({ env: { NET_TODAY: '2026-10-21' } }, 'snooze', 'j1c1', '2026-10-25').code).toBe(0);
    expect(items('2026-10-22')).toEqual([]);
    expect(items('2026-10-25')).toEqual(['j1c1 job Dana']);
    expect(j.net('done', 'j1c3').code).toBe(2);
    // Linking someone met for it, on its own, logs nothing. Kim (told) and Dana (her
    // report-back snoozed on its own) are among its people, not met for it.
    j.ok('job', 'j1', '--with', 'Kim');
    expect(j.json<JobJson[]>('jobs', '--json')[0]?.people.map((p) => [p.contact.name, p.met])).toEqual([
      ['Ann Lee', true],
      ['Bob Ortiz', true],
      ['Kim', true],
      ['Dana', false],
    ]);
  });

  it('j<id> works with edit, rm, undo and history like every record', () => {
    const j = tempJournal();
    j.ok('add', 'Dana');
    j.ok('job', 'add', 'Data engineer', '--company', 'Hooli');
    expect(j.ok('edit', 'j1', '--title', 'Senior data engineer', '--via', 'Dana', '--url', 'https://hooli.example/jobs/1').stdout).toContain(
      'Changed j1: title Data engineer → Senior data engineer',
    );
    expect(j.net('edit', 'j1', '--stage', 'hired').code).toBe(2);
    expect(j.net('edit', 'j1', '--kind', 'call').code).toBe(2);
    expect(j.ok('history', 'j1').stdout).toMatch(/net edit j1 --title/);
    expect(j.ok('rm', 'j1', '--yes').stdout).toContain('Removed j1 (application "Senior data engineer" at Hooli).');
    expect(j.json<JobJson[]>('jobs', '--all', '--json')).toEqual([]);
    j.ok('undo');
    expect(j.json<JobJson[]>('jobs', '--json')[0]).toMatchObject({ id: 1, title: 'Senior data engineer', via: { name: 'Dana' } });
    j.ok('undo');
    expect(j.json<JobJson[]>('jobs', '--json')[0]).toMatchObject({ title: 'Data engineer', via: null });
    // The referrer removed, the application stays.
    j.ok('edit', 'j1', '--via', 'Dana');
    j.ok('rm', 'Dana', '--yes');
    expect(j.json<JobJson[]>('jobs', '--json')[0]?.via).toBeNull();
  });
});

describe('backups carry applications', () => {
  it('export then import gives the same applications, with their referrer, lead and people; importing again changes nothing', () => {
    const a = tempJournal();
    a.ok('add', 'Dana');
    a.ok('add', 'Ann Lee');
    a.ok('lead', 'Dana', 'Hooli is hiring', '--company', 'Hooli');
    a.ok('job', 'add', 'Data engineer', '--lead', 'l1', '--via', 'Dana', '--url', 'https://hooli.example/1', '--note', 'dream job');
    a.ok('job', 'j1', 'interview', '--with', 'Ann Lee');
    a.ok('job', 'j1', 'rejected');
    a.ok('done', 'j1c1');
    a.ok('job', 'add', 'Analyst', '--company', 'Acme', '--stage', 'interested');
    const file = path.join(a.dir, 'backup.json');
    a.ok('export', '-o', file);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: number; jobs: unknown[] };
    expect(doc.version).toBe(4);
    expect(doc.jobs).toHaveLength(2);
    const b = tempJournal();
    expect(b.ok('import', file).stdout).toContain('2 jobs');
    const strip = (xs: JobJson[]) => xs.map(({ ...x }) => ({ ...x, id: undefined }));
    expect(strip(b.json<JobJson[]>('jobs', '--all', '--json'))).toEqual(strip(a.json<JobJson[]>('jobs', '--all', '--json')));
    const before = b.json<JobJson[]>('jobs', '--all', '--json');
    expect(b.ok('import', file).stdout).not.toContain('job');
    expect(b.json<JobJson[]>('jobs', '--all', '--json')).toEqual(before);
  });

  it('refuses an application whose lead is not in the file, and imports nothing', () => {
    const j = tempJournal();
    const file = path.join(j.dir, 'bad.json');
    const job = { uuid: '00000000-0000-4000-8000-000000000001', title: 'X', company: 'Y', stage: 'applied', started_on: '2026-09-01', lead: '00000000-0000-4000-8000-000000000002' };
    fs.writeFileSync(file, JSON.stringify({ format: 'net-journal', version: 3, contacts: [], interactions: [], leads: [], promises: [], needs: [], notes: [], jobs: [job] }));
    const r = j.net('import', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('jobs[0] has "lead" 00000000-0000-4000-8000-000000000002, which is no lead in the file');
    expect(fs.existsSync(j.db)).toBe(false);
  });
});
