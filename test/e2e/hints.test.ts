// Every `Next:` hint the CLI prints is a command that works (issue 12, item 4): a session
// that reaches every hint, and each command a hint names run on a copy of the journal as it
// was when the hint was printed.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupJournals, runNet, tempJournal } from './helpers.js';

afterEach(cleanupJournals);

/** The commands a `Next:` line names: each piece between commas, semicolons, brackets, "then", "and", "or", "when". */
export function hintCommands(line: string): string[] {
  const text = line.replace(/^Next:\s*/, '').replace(/\.$/, '');
  return text
    .split(/[,;()]| then | and | or | when /)
    .map((piece) => /\bnet\s.+/.exec(piece)?.[0].trim())
    .filter((c): c is string => c !== undefined && c !== '');
}

/** Shell words, with double quotes. */
function words(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

const SESSION: string[][] = [
  ['add', 'Kim', '--met', 'coffee', '--kind', 'coffee'],
  ['add', 'Ann'],
  ['add', 'Xena Y', '--via', 'Kim', '--kind', 'intro'],
  ['add', 'Bea', '--via', 'Kim', '--met', 'meetup'],
  ['log', 'Ann', 'panel', '--kind', 'interview', '--with', 'Bea'],
  ['log', 'Ann', 'ping', '--kind', 'email'],
  ['log', 'Ann', 'ping again', '--kind', 'email', '--no-reply'],
  ['log', 'Kim', 'lunch next week', '--kind', 'coffee', '--on', '2026-10-08'],
  ['promise', 'Kim', 'send the deck', '--by', 'friday'],
  ['promise', 'Kim', 'intro to Harry', '--theirs'],
  ['promise', 'kept', 'p2'],
  ['promise', 'Ann', 'a referral', '--theirs'],
  ['promise', 'dropped', 'p3'],
  ['need', 'Kim', 'a designer'],
  ['need', 'met', 'n1'],
  ['lead', 'Kim', 'Acme is hiring'],
  ['lead', 'Kim', 'talk to Bob', '--person', 'Bob Ortiz'],
  ['lead', 'followed', 'l1'],
  ['lead', 'reported', 'l1'],
  ['lead', 'news', 'l1', 'offer'],
  ['lead', 'Ann', 'Globex', '--on', 'yesterday'],
  ['lead', 'dropped', 'l3'],
  ['done', 'l2'],
  ['done', 'p1', 'sent'],
  ['done', 'c2', 'checked in'],
  ['thank', 'Kim'],
  ['snooze', 'c3', '2w'],
  ['intro', 'Kim', 'Ann'],
  ['noreply', 'i6'],
  ['edit', 'Ann', '--company', 'Acme'],
  ['add', 'Ann B'],
  ['merge', 'Ann', 'Ann B', '--yes'],
  ['job', 'add', 'Data engineer', '--company', 'Hooli', '--via', 'Kim'],
  ['job', 'j1', 'screen'],
  ['job', 'j1', 'interview', '--with', 'Ann', '--with', 'Bea'],
  ['job', 'j1', '--with', 'Xena Y'],
  ['job', 'j1', 'offer'],
  ['job', 'add', 'Analyst', '--company', 'Acme', '--stage', 'interested'],
  ['job', 'j2', 'rejected'],
  ['job', 'add', 'Staff engineer', '--company', 'Initech'],
  ['job', 'j3', 'offer'],
  ['landed', 'Data engineer', '--company', 'Hooli', '--dry-run'],
  ['import', 'test/fixtures/linkedin-connections.csv'],
];

describe('every Next: hint is a command that works', () => {
  it('splits hints into their commands', () => {
    expect(hintCommands('Next: send a thank-you to each, then net thank 2 and net thank 3')).toEqual(['net thank 2', 'net thank 3']);
    expect(hintCommands('Next: when it is done, net done p1 (or net promise kept p1)')).toEqual(['net done p1', 'net promise kept p1']);
    expect(hintCommands('Next: net promise kept p4 when it happens; if it is late, a gentle nudge shows in net due')).toEqual(['net promise kept p4', 'net due']);
    expect(hintCommands('Next: let Kim know, and thank them anyway.')).toEqual([]);
  });

  it('runs every command of every hint of a session that reaches them all', () => {
    const j = tempJournal();
    const seen = new Set<string>();
    let hints = 0;
    for (const args of SESSION) {
      const r = j.ok(...args);
      for (const line of r.stdout.split('\n').filter((l) => l.startsWith('Next:'))) {
        seen.add(args[0] === 'lead' || args[0] === 'promise' || args[0] === 'need' ? `${args[0]} ${args[1]}` : (args[0] as string));
        for (const command of hintCommands(line)) {
          hints++;
          const copy = path.join(j.dir, `hint-${hints}.db`);
          fs.copyFileSync(j.db, copy);
          const argv = words(command).slice(1);
          const run = runNet(copy, argv, { env: { NET_TODAY: j.today } });
          expect(run.code, `after net ${args.join(' ')}: "${line}" → ${command}\n${run.stderr}`).toBe(0);
          expect(run.stdout, `after net ${args.join(' ')}: "${line}" → ${command}`).not.toMatch(/nothing changed|No thank-you was owed/);
        }
      }
    }
    // The session reached a hint of every command that prints one.
    for (const c of ['add', 'log', 'promise Kim', 'promise kept', 'promise dropped', 'need Kim', 'need met', 'lead Kim', 'lead followed', 'lead reported', 'lead news', 'lead dropped', 'done', 'thank', 'snooze', 'intro', 'noreply', 'edit', 'merge', 'import', 'job', 'landed']) {
      expect(seen, c).toContain(c);
    }
    expect(hints).toBeGreaterThan(25);
  }, 180_000);
});
