// The per-person items of one record: the thank-you to each person of an interview with
// several people (`i1c2`) and what an application owes each person (`j1c2`). Each is snoozed,
// drafted and closed on its own; an id naming someone who is owed nothing on it is refused.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupJournals, type DueJson, tempJournal, type TempJournal } from './helpers.js';

afterEach(cleanupJournals);

const TODAY = '2026-11-23';

/** PA, PB and PC; a panel interview with all three (i1). */
function panel(): TempJournal {
  const j = tempJournal({ today: TODAY });
  for (const x of ['A', 'B', 'C']) j.ok('add', `P${x}`, '--every', 'never');
  j.ok('log', 'PA', 'panel', '--kind', 'interview', '--with', 'PB', '--with', 'PC');
  return j;
}

/** `id state until` of every item on `day`, held-back ones included. */
function all(j: TempJournal, day = TODAY): string[] {
  const r = j.netWith({ env: { NET_TODAY: day } }, 'due', '--all', '--json');
  if (r.code !== 0) throw new Error(r.stderr);
  return (JSON.parse(r.stdout) as Array<DueJson & { until: string | null }>).map((d) => [d.id, d.state, d.until].filter((x) => x !== null).join(' '));
}

/** A refused command: exit 2, the message, and the journal file as it was. */
function refused(j: TempJournal, args: string[], message: string): void {
  const before = j.snapshot().hash;
  const r = j.net(...args);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toBe(`net: ${message}\n`);
  expect(r.stdout).toBe('');
  expect(j.snapshot().hash).toBe(before);
}

describe('net snooze of one person of an interview with several people', () => {
  it("snoozes that person's thank-you alone, until its day", () => {
    const j = panel();
    expect(j.ok('snooze', 'i1c3', '3d').stdout).toBe('Snoozed i1c3 until 2026-11-26.\nNext: net due --all (it shows snoozed items too)\n');
    expect(all(j)).toEqual(['i1c1 due', 'i1c2 due', 'i1c3 snoozed 2026-11-26']);
    expect(j.ok('due').stdout).not.toContain('i1c3');
    expect(all(j, '2026-11-25')).toEqual(['i1c1 due', 'i1c2 due', 'i1c3 snoozed 2026-11-26']);
    expect(all(j, '2026-11-26')).toEqual(['i1c1 due', 'i1c2 due', 'i1c3 due']);
    // Closing another person's leaves hers snoozed; net undo brings back the snooze's day before it.
    j.ok('done', 'i1c2');
    expect(all(j)).toEqual(['i1c1 due', 'i1c3 snoozed 2026-11-26']);
    j.ok('undo');
    j.ok('undo');
    expect(all(j)).toEqual(['i1c1 due', 'i1c2 due', 'i1c3 due']);
  });

  it('the plain i1 still snoozes everyone, and replaces one person\'s own snooze', () => {
    const j = panel();
    j.ok('snooze', 'i1c2', '2026-12-10');
    expect(j.ok('snooze', 'i1', '5d').stdout).toContain('Snoozed i1 until 2026-11-28.');
    expect(all(j)).toEqual(['i1c1 snoozed 2026-11-28', 'i1c2 snoozed 2026-11-28', 'i1c3 snoozed 2026-11-28']);
    // A person's own snooze after everyone's holds back theirs alone, earlier or later.
    j.ok('snooze', 'i1c1', '1d');
    expect(all(j)).toEqual(['i1c1 snoozed 2026-11-24', 'i1c2 snoozed 2026-11-28', 'i1c3 snoozed 2026-11-28']);
  });

  it('an id naming someone not owed on it is refused, saying who is, and changes nothing', () => {
    const j = panel();
    j.ok('add', 'Solo', '--every', 'never');
    j.ok('log', 'Solo', 'coffee', '--kind', 'coffee');
    j.ok('done', 'i1c2');
    refused(j, ['snooze', 'i1c9', '3d'], 'Contact 9 was not at i1: it was with PA (i1c1), PB (i1c2), PC (i1c3).');
    refused(j, ['snooze', 'i1c4', '3d'], 'Contact 4 was not at i1: it was with PA (i1c1), PB (i1c2), PC (i1c3).');
    refused(j, ['snooze', 'i1c2', '3d'], 'The thank-you to PB for i1 is already sent; there is nothing to snooze. Still owed: PA (i1c1), PC (i1c3).');
    refused(j, ['snooze', 'i2c4', '3d'], 'i2 owes one thank-you, not one per person (it is no interview with several people). Snooze it with: net snooze i2 <date>');
    refused(j, ['snooze', 'i9c1', '3d'], 'There is no item i9. See what is due with: net due');
    refused(j, ['snooze', 'p1c1', '3d'], '"p1c1" is not an item id. Use the id net due prints, like p3, i12, l5, c7 or j4.');
    expect(all(j)).toEqual(['i2 due', 'i1c1 due', 'i1c3 due']);
    // The hint is a command that works.
    expect(j.net('snooze', 'i2', '3d').code).toBe(0);
  });

  it('history shows the snooze, and a backup keeps it', () => {
    const j = panel();
    j.ok('snooze', 'i1c3', '3d');
    expect(j.ok('history', 'i1').stdout).toContain('net snooze i1c3 3d');
    const backup = JSON.parse(j.ok('export').stdout) as { interactions: Array<{ snoozed: unknown }> };
    expect(backup.interactions[0]?.snoozed).toEqual([{ contact: expect.any(String), until: '2026-11-26' }]);
    const copy = tempJournal({ today: TODAY });
    const file = `${j.dir}/backup.json`;
    j.ok('export', '-o', file);
    copy.ok('import', file);
    expect(all(copy)).toEqual(['i1c1 due', 'i1c2 due', 'i1c3 snoozed 2026-11-26']);
  });
});

describe('net snooze of one person an application owes', () => {
  /** Dana, Kim; a lead from Kim, landed at Hooli with both as helpers (j1c1, j1c2). */
  function landed(): TempJournal {
    const j = tempJournal({ today: TODAY });
    j.ok('add', 'Dana', '--every', 'never');
    j.ok('add', 'Kim', '--every', 'never');
    j.ok('add', 'Ola', '--every', 'never');
    j.ok('log', 'Dana', 'advice', '--kind', 'call', '--on', '2026-11-01');
    j.ok('lead', 'Kim', 'Hooli is hiring', '--company', 'Hooli', '--on', '2026-11-02');
    j.ok('landed', 'Data engineer', '--company', 'Hooli', '--since', '2026-11-01');
    return j;
  }
  const landedItems = (j: TempJournal, day = TODAY) => all(j, day).filter((i) => i.startsWith('j'));

  it("snoozes that person's item alone; j1 still snoozes everyone's", () => {
    const j = landed();
    expect(landedItems(j)).toEqual(['j1c1 due', 'j1c2 due']);
    expect(j.ok('snooze', 'j1c2', '3d').stdout).toContain('Snoozed j1c2 until 2026-11-26.');
    expect(landedItems(j)).toEqual(['j1c1 due', 'j1c2 snoozed 2026-11-26']);
    expect(landedItems(j, '2026-11-25')).toEqual(['j1c1 due', 'j1c2 snoozed 2026-11-26']);
    expect(landedItems(j, '2026-11-26')).toEqual(['j1c1 due', 'j1c2 due']);
    j.ok('snooze', 'j1', '4d');
    expect(landedItems(j)).toEqual(['j1c1 snoozed 2026-11-27', 'j1c2 snoozed 2026-11-27']);
    j.ok('undo');
    expect(landedItems(j)).toEqual(['j1c1 due', 'j1c2 snoozed 2026-11-26']);
    const backup = JSON.parse(j.ok('export').stdout) as { jobs: Array<{ people: Array<{ snoozed_until: string | null }> }> };
    expect(backup.jobs[0]?.people.map((p) => p.snoozed_until).sort()).toEqual(['2026-11-26', null]);
  });

  it('an id naming someone the application owes nothing is refused, saying whom it owes', () => {
    const j = landed();
    refused(j, ['snooze', 'j1c9', '3d'], 'Application j1 owes contact 9 nothing: it owes Kim (j1c2), Dana (j1c1).');
    refused(j, ['snooze', 'j1c3', '3d'], 'Application j1 owes contact 3 nothing: it owes Kim (j1c2), Dana (j1c1).');
    j.ok('done', 'j1c2');
    refused(j, ['snooze', 'j1c2', '3d'], 'Application j1 owes contact 2 nothing: it owes Dana (j1c1).');
    j.ok('done', 'j1c1');
    refused(j, ['snooze', 'j1c1', '3d'], 'j1 owes nobody anything of their own (it is accepted); there is nothing to snooze.');
    refused(j, ['snooze', 'j7c1', '3d'], 'There is no item j7. See what is due with: net due');
  });
});
