// pastDateOption: the day of something that has already happened, never after today.
// dueItemArg: an item id as net due prints it, shared by done, snooze and draft.
import { describe, expect, it } from 'vitest';
import { dueItemArg, pastDateOption } from '../../src/cli/inputs.js';
import { UsageError } from '../../src/core/errors.js';

const ADVICE = 'record it on the day it happens.';

describe('pastDateOption', () => {
  it.each([
    // [today, what was typed, the day kept]
    ['2026-11-23', undefined, '2026-11-23'],
    ['2026-11-23', '2026-11-23', '2026-11-23'],
    ['2026-11-23', 'today', '2026-11-23'],
    ['2026-11-23', 'yesterday', '2026-11-22'],
    ['2026-11-23', '2026-11-22', '2026-11-22'],
    ['2026-11-23', '3d', '2026-11-20'],
    ['2026-12-31', '2026-12-31', '2026-12-31'],
    ['2026-03-01', '2026-02-28', '2026-02-28'],
  ])('on %s, %s is %s', async (today, text, kept) => {
    expect(await pastDateOption(text, '--on', today, ADVICE)).toBe(kept);
  });

  it.each([
    // [today, what was typed, the day it reads as]
    ['2026-11-23', '2026-11-24', '2026-11-24'],
    ['2026-11-23', 'tomorrow', '2026-11-24'],
    ['2026-11-23', '2026-11-30', '2026-11-30'],
    ['2026-12-31', '2027-01-01', '2027-01-01'],
    ['2026-02-28', '2026-03-01', '2026-03-01'],
  ])('on %s, %s is refused as a day ahead (%s), naming the flag and what to do', async (today, text, day) => {
    const refusal = pastDateOption(text, '--on', today, ADVICE);
    await expect(refusal).rejects.toThrow(UsageError);
    await expect(refusal).rejects.toThrow(`--on ${day} is after today (${today}): ${ADVICE}`);
  });

  it('refuses what is not a date as a date option does', async () => {
    await expect(pastDateOption('someday', '--on', '2026-11-23', ADVICE)).rejects.toThrow('--on "someday" is not a date net understands');
  });
});

describe('dueItemArg', () => {
  it.each([
    ['p3', { kind: 'p', id: 3, person: null }],
    [' #L5 ', { kind: 'l', id: 5, person: null }],
    ['i12c3', { kind: 'i', id: 12, person: 3 }],
    ['J4C7', { kind: 'j', id: 4, person: 7 }],
    ['c7', { kind: 'c', id: 7, person: null }],
  ])('%s', (text, item) => {
    expect(dueItemArg(text)).toEqual(item);
  });

  it.each(['x5', 'p', '12', 'l1c2', 'c3c4', 'p1c1', 'i12c', 'i1 2'])('refuses %s, with the id made safe to print', (text) => {
    expect(() => dueItemArg(text)).toThrow(UsageError);
    expect(() => dueItemArg(text)).toThrow(`"${text}" is not an item id. Use the id net due prints, like p3, i12, l5, c7 or j4.`);
  });

  it('an escape code in what was typed is shown, not run', () => {
    expect(() => dueItemArg('\u001b[31mp1')).toThrow('"\\x1b[31mp1" is not an item id.');
  });
});
