// A meeting planned ahead (`net log --on <future date>`) on the days around it: one id is one
// line of `net due`. On its day it is listed once, as `upcoming`, standing for the thank-you
// it owes; the thank-you is listed from the next day; sending it ends the day's line.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupJournals, type DueJson, tempJournal, type TempJournal } from './helpers.js';

afterEach(cleanupJournals);

const TODAY = '2026-11-23';
const DAY = '2026-11-25';

function planned(...flags: string[]): TempJournal {
  const j = tempJournal({ today: TODAY });
  j.ok('add', 'Una', '--every', 'never');
  j.ok('log', 'Una', 'planned', '--kind', 'coffee', '--on', DAY, ...flags);
  return j;
}

function due(j: TempJournal, day: string, ...flags: string[]): string[] {
  const r = j.netWith({ env: { NET_TODAY: day } }, 'due', '--json', ...flags);
  if (r.code !== 0) throw new Error(r.stderr);
  return (JSON.parse(r.stdout) as Array<DueJson & { state: string }>).map((d) => `${d.id} ${d.kind} ${d.state} ${d.days_overdue}`);
}

const at = (j: TempJournal, day: string, ...args: string[]) => j.netWith({ env: { NET_TODAY: day } }, ...args);

describe("a planned meeting's day lists each id once", () => {
  it('the day before, the day, the day after', () => {
    const j = planned();
    expect(due(j, '2026-11-24')).toEqual([]);
    expect(due(j, '2026-11-24', '--all')).toEqual(['i1 upcoming planned -1']);
    expect(due(j, DAY)).toEqual(['i1 upcoming due 0']);
    expect(due(j, DAY, '--all')).toEqual(['i1 upcoming due 0']);
    expect(due(j, '2026-11-26')).toEqual(['i1 thanks due 1']);
    // The report of that day owes what net due showed then.
    const report = JSON.parse(at(j, DAY, 'report', '--format', 'json').stdout) as { owed_now: DueJson[] };
    expect(report.owed_now.map((d) => `${d.id} ${d.kind}`)).toEqual(['i1 upcoming']);
  });

  it('net done i1 on its day sends the thank-you and ends the line; net undo brings it back', () => {
    const j = planned();
    const done = at(j, DAY, 'done', 'i1');
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toBe('Thank-you for i1 sent to Una.\nNext: net due\n');
    expect(due(j, DAY, '--all')).toEqual([]);
    expect(due(j, '2026-11-26', '--all')).toEqual([]);
    expect(at(j, DAY, 'undo').code).toBe(0);
    expect(due(j, DAY)).toEqual(['i1 upcoming due 0']);
    // net thank does the same.
    expect(at(j, DAY, 'thank', 'Una').code).toBe(0);
    expect(due(j, DAY, '--all')).toEqual([]);
  });

  it('net done i1 before its day is refused and changes nothing: the meeting has not happened', () => {
    const j = planned();
    const before = j.snapshot().hash;
    const r = at(j, '2026-11-24', 'done', 'i1');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('net: i1 is a meeting planned for 2026-11-25: no thank-you is owed before it happens. After you meet: net done i1\n');
    expect(j.snapshot().hash).toBe(before);
    expect(due(j, DAY)).toEqual(['i1 upcoming due 0']);
    // One interviewer of a panel: the command to run after is for that person only.
    j.ok('add', 'Bo', '--every', 'never');
    j.ok('log', 'Una', 'panel', '--kind', 'interview', '--with', 'Bo', '--on', DAY);
    const one = at(j, '2026-11-24', 'done', 'i2c2');
    expect(one.code).toBe(2);
    expect(one.stderr).toBe('net: i2 is a meeting planned for 2026-11-25: no thank-you is owed before it happens. After you meet: net done i2c2\n');
  });

  it('net draft i1 on its day drafts the thank-you the line stands for', () => {
    const j = planned();
    const r = at(j, DAY, 'draft', 'i1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Subject: Thank you for the coffee');
  });

  it('a planned meeting that owes no thank-you is upcoming all its day; net done of it is refused and changes nothing', () => {
    const j = planned('--no-thanks');
    expect(due(j, DAY)).toEqual(['i1 upcoming due 0']);
    const before = j.snapshot().hash;
    const r = at(j, DAY, 'done', 'i1');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('net: No thank-you is owed for i1.\n');
    expect(j.snapshot().hash).toBe(before);
    expect(due(j, DAY)).toEqual(['i1 upcoming due 0']);
    expect(due(j, '2026-11-26', '--all')).toEqual([]);
  });
});
