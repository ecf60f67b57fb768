// Dates that have not come yet, with the real binary. An `--on` after today for something
// that has already happened (a thank-you sent, a lead given, a stage reached) is refused with
// exit 2 and writes nothing; today itself is accepted. What is rightly ahead stays: a planned
// meeting (`net log --on`, `net add --on`, an interaction's day in `net edit`) and a `--by` deadline.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupJournals, type DueJson, type ShowJson, type TempJournal, tempJournal } from './helpers.js';

afterEach(cleanupJournals);

const TODAY = '2026-11-23';
const TOMORROW = '2026-11-24';
const NEXT_WEEK = '2026-11-30';

/** Dana (#1) met on the 20th with a lead l1, promises p1 (mine) and p2 (theirs), a need n1; Bob (#2); a note m1; an application j1. */
function seeded(): TempJournal {
  const j = tempJournal({ today: TODAY });
  j.ok('add', 'Dana', '--met', 'coffee', '--on', '2026-11-20', '--lead', 'Acme is hiring', '--promise', 'send notes', '--expect', 'intro to Harry', '--need', 'a designer');
  j.ok('add', 'Bob');
  j.ok('note', 'Dana', 'moved teams');
  j.ok('job', 'add', 'Analyst', '--company', 'Acme');
  return j;
}

function due(j: TempJournal, day: string, ...flags: string[]): DueJson[] {
  const r = j.netWith({ env: { NET_TODAY: day } }, 'due', '--json', ...flags);
  if (r.code !== 0) throw new Error(`net due on ${day} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as DueJson[];
}

/**
 * Each command that records what has happened, what its refusal says to do, in an order in
 * which each one, given today, leaves the journal ready for the next. `DAY` stands for the date.
 */
const DAY = '<day>';
const PAST_ONLY: ReadonlyArray<readonly [string[], string]> = [
  [['thank', 'Dana', '--on', DAY], 'record a thank-you on the day you send it.'],
  [['lead', 'Dana', 'Hooli too', '--on', DAY], 'record a lead once it is given.'],
  [['note', 'Dana', 'hi', '--on', DAY], 'date a note today or earlier (a meeting ahead is planned with net log <who> "<what>" --on <date>).'],
  [['need', 'Dana', 'an intro', '--on', DAY], 'record a need once they have told you.'],
  [['promise', 'Dana', 'send the deck', '--by', NEXT_WEEK, '--on', DAY], 'a promise is dated the day it is made; --by gives the day it is due.'],
  [['lead', 'followed', 'l1', '--on', DAY], 'record it on the day the lead is followed.'],
  [['lead', 'reported', 'l1', '--on', DAY], 'record it on the day the lead is reported.'],
  [['lead', 'news', 'l1', 'an interview', '--on', DAY], 'record news on the day it comes.'],
  [['lead', 'dropped', 'l2', '--on', DAY], 'record it on the day the lead is dropped.'],
  [['promise', 'kept', 'p1', '--on', DAY], 'record it on the day the promise is kept.'],
  [['promise', 'dropped', 'p2', '--on', DAY], 'record it on the day the promise is dropped.'],
  [['need', 'met', 'n1', '--on', DAY], 'record it on the day the need is met.'],
  [['need', 'dropped', 'n2', '--on', DAY], 'record it on the day the need is dropped.'],
  [['intro', 'Dana', 'Bob', '--on', DAY], 'record an introduction once you have made it.'],
  [['edit', 'l1', '--on', DAY], 'the day of l1 is when it happened: give today or an earlier day.'],
  [['edit', 'p1', '--on', DAY], 'the day of p1 is when it happened: give today or an earlier day.'],
  [['edit', 'n1', '--on', DAY], 'the day of n1 is when it happened: give today or an earlier day.'],
  [['edit', 'm1', '--on', DAY], 'the day of m1 is when it happened: give today or an earlier day.'],
  [['edit', 'j1', '--on', DAY], 'the day of j1 is when it happened: give today or an earlier day.'],
  [['job', 'add', 'Engineer', '--company', 'Hooli', '--on', DAY], 'record a stage on the day it is reached.'],
  [['job', 'j1', 'screen', '--on', DAY], 'record a stage on the day it is reached.'],
  [['landed', 'Analyst', '--company', 'Acme', '--on', DAY], 'record it on the day you accept.'],
];

const on = (args: readonly string[], day: string) => args.map((a) => (a === DAY ? day : a));

describe('--on after today for what has already happened', () => {
  it('is refused with exit 2, a message that says what to do, and the journal unchanged; today is accepted', () => {
    const j = seeded();
    for (const [args, advice] of PAST_ONLY) {
      const before = j.snapshot();
      const ahead = j.net(...on(args, TOMORROW));
      expect(ahead.code, `net ${on(args, TOMORROW).join(' ')}: ${ahead.stderr}`).toBe(2);
      expect(ahead.stderr).toBe(`net: --on ${TOMORROW} is after today (${TODAY}): ${advice}\n`);
      expect(ahead.stdout).toBe('');
      expect(j.snapshot(), `net ${on(args, TOMORROW).join(' ')} changed the journal`).toEqual(before);
      // The boundary: the same command dated today goes through.
      const today = j.net(...on(args, TODAY));
      expect(today.code, `net ${on(args, TODAY).join(' ')}: ${today.stderr}`).toBe(0);
    }
  });

  it('reads words as days too: tomorrow is refused, yesterday is kept', () => {
    const j = seeded();
    const before = j.snapshot();
    const r = j.net('thank', 'Dana', '--on', 'tomorrow');
    expect([r.code, r.stderr]).toEqual([2, `net: --on ${TOMORROW} is after today (${TODAY}): record a thank-you on the day you send it.\n`]);
    expect(j.snapshot()).toEqual(before);
    expect(j.ok('thank', 'Dana', '--on', 'yesterday').stdout).toBe('Thanked Dana (1 thank-you closed).\nNext: net due\n');
    expect(j.json<ShowJson>('show', 'Dana', '--json').interactions[0]?.thanked_on).toBe('2026-11-22');
  });

  it('a planned meeting (net log --on ahead) has not reported back on a lead yet', () => {
    const j = seeded();
    j.ok('lead', 'followed', 'l1');
    j.ok('lead', 'Dana', 'Hooli too');
    j.ok('lead', 'followed', 'l2');
    const before = j.snapshot();
    const r = j.net('log', 'Dana', 'lunch', '--on', NEXT_WEEK, '--reported', 'l1', '--reported', 'l2');
    expect([r.code, r.stdout, r.stderr]).toEqual([
      2,
      '',
      `net: --on ${NEXT_WEEK} is after today (${TODAY}): a planned meeting has not reported back yet. Leave out --reported, and after you meet: net lead reported l1 and net lead reported l2\n`,
    ]);
    expect(j.snapshot()).toEqual(before);
    expect(j.ok('log', 'Dana', 'lunch', '--on', TODAY, '--reported', 'l1').stdout).toMatch(/^Reported back to Dana on lead l1: Acme is hiring\.$/m);
  });

  it('keeps what is rightly ahead: a planned meeting, a deadline, an interaction moved to a day ahead', () => {
    const j = seeded();
    expect(j.ok('log', 'Dana', 'lunch', '--kind', 'meeting', '--on', NEXT_WEEK).stdout).toMatch(/^Planned i2: meeting with Dana on 2026-11-30\./m);
    expect(j.ok('promise', 'Dana', 'send the deck', '--by', NEXT_WEEK).stdout).toMatch(/^Added promise p3 to Dana: send the deck by 2026-11-30\.$/m);
    expect(j.ok('edit', 'p1', '--by', TOMORROW).stdout).toMatch(/^Changed p1: by \(none\) → 2026-11-24\.$/m);
    j.ok('edit', 'i1', '--on', TOMORROW);
    expect(due(j, TODAY, '--all').filter((d) => d.kind === 'upcoming').map((d) => [d.id, d.due])).toEqual([
      ['i1', TOMORROW],
      ['i2', NEXT_WEEK],
    ]);
  });
});

describe('net add --on a day ahead: a planned meeting, as net log --on plans one', () => {
  it('says so, points to net due --all, owes nothing until its day, and is due that day like a logged plan', () => {
    const j = tempJournal({ today: TODAY });
    const r = j.ok('add', 'Sam', '--met', 'coffee at Bennu', '--on', NEXT_WEEK);
    expect(r.stdout).toBe('Added #1 Sam: planned meeting on 2026-11-30 (coffee at Bennu). net due lists it that day; it owes nothing until then.\nNext: net due --all\n');
    expect(j.ok('due', '--all').stdout).toMatch(/i1\s+upcoming\s+Sam\s+Planned meeting: coffee at Bennu\s+planned for 2026-11-30/);
    // The same meeting planned with net log, for comparison.
    j.ok('add', 'Tom', '--every', '90d');
    j.ok('log', 'Tom', 'coffee at Bennu', '--kind', 'meeting', '--on', NEXT_WEEK);
    const shape = (items: DueJson[], who: string) => items.filter((d) => d.contact.name === who).map((d) => [d.kind, d.title.replace(who, 'X'), d.since, d.due, d.days_overdue]);
    expect(due(j, TODAY)).toEqual([]);
    for (const day of [TODAY, '2026-11-29', NEXT_WEEK]) {
      const all = due(j, day, '--all');
      expect(shape(all, 'Sam'), day).toEqual(shape(all, 'Tom'));
    }
    expect(shape(due(j, '2026-11-29'), 'Sam')).toEqual([]);
    expect(shape(due(j, NEXT_WEEK), 'Sam').map(([kind]) => kind)).toEqual(['upcoming']);
  });

  it('owes the introducer a thank-you now: the introduction happened before the meeting', () => {
    const j = tempJournal({ today: TODAY });
    const r = j.ok('add', 'Xena', '--met', 'lunch', '--on', NEXT_WEEK, '--via', 'Kim');
    expect(r.stdout).toBe(
      'Added #2 Xena: planned meeting on 2026-11-30 (lunch). net due lists it that day; it owes nothing until then.\n' +
        'Also added #1 Kim, who introduced you (no keep-in-touch cadence until you talk to them).\n' +
        'Kim is owed a thank-you for the introduction (i2).\n' +
        'Next: send a thank-you, then net thank 1\n',
    );
    expect(due(j, TODAY).map((d) => [d.id, d.kind, d.contact.name, d.since])).toEqual([['i2', 'thanks', 'Kim', TODAY]]);
    expect(j.ok('thank', '1').stdout).toBe('Thanked Kim (1 thank-you closed).\nNext: net due\n');
    expect(due(j, TODAY)).toEqual([]);
  });

  it('refuses needs, leads and promises of a meeting that has not happened, and writes nothing', () => {
    const j = tempJournal({ today: TODAY });
    j.ok('add', 'Dana');
    const before = j.snapshot();
    const r = j.net('add', 'Yan', '--met', 'lunch', '--on', NEXT_WEEK, '--lead', 'a job', '--expect', 'an intro');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `net: --on ${NEXT_WEEK} is after today (${TODAY}): a planned meeting has no --lead or --expect yet. Leave them out, and record them after you meet (net lead, net promise --theirs).\n`,
    );
    expect(j.net('add', 'Yan', '--on', TOMORROW, '--need', 'x', '--promise', 'y').stderr).toMatch(/: a planned meeting has no --need or --promise yet\. .*\(net need, net promise\)\.\n$/);
    expect(j.net('add', 'Yan', '--on', TOMORROW, '--met', 'lunch', '--lead', 'a job').stderr).toMatch(/: a planned meeting has no --lead yet\. Leave it out, and record it after you meet \(net lead\)\.\n$/);
    expect(j.snapshot()).toEqual(before);
    // Today is no meeting ahead: they go through.
    expect(j.ok('add', 'Yan', '--met', 'lunch', '--on', TODAY, '--lead', 'a job').stdout).toMatch(/^Added #2 Yan: met 2026-11-23 \(lunch\), 1 lead\.$/m);
  });
});
