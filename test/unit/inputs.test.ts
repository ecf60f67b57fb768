// pastDateOption: the day of something that has already happened, never after today.
import { describe, expect, it } from 'vitest';
import { pastDateOption } from '../../src/cli/inputs.js';
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
