import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  calendarDate,
  daysBetween,
  isJournalDate,
  isValidIsoDate,
  localToday,
  parseCadence,
  parseDate,
  parseSimpleDate,
  shortDate,
} from '../../src/core/dates.js';

// 2026-10-01 is a Thursday.
const TODAY = '2026-10-01';

describe('parseSimpleDate: ISO dates', () => {
  it.each([
    ['2026-10-05', '2026-10-05'],
    ['  2026-10-05  ', '2026-10-05'],
    ['2028-02-29', '2028-02-29'],
    ['2026-12-31', '2026-12-31'],
    ['2026-01-01', '2026-01-01'],
  ])('accepts %j as %s', (text, expected) => {
    expect(parseSimpleDate(text, TODAY, 'past')).toBe(expected);
    expect(parseSimpleDate(text, TODAY, 'future')).toBe(expected);
  });

  it.each([
    '2026-13-45',
    '2026-13-01',
    '2026-00-10',
    '2026-10-00',
    '2026-10-32',
    '2026-02-30',
    '2026-02-29', // 2026 is not a leap year
    '2026-04-31',
    '2100-02-29', // nor is 2100
  ])('refuses the impossible calendar date %s with null', (text) => {
    expect(parseSimpleDate(text, TODAY, 'past')).toBeNull();
  });

  it.each(['31/02/2026', '02/03/2026', '2026/10/05', '05.10.2026', '2026-1-5', '20261005', '12'])(
    'refuses the ambiguous numeric form %j with null (not handed to English parsing)',
    (text) => {
      expect(parseSimpleDate(text, TODAY, 'past')).toBeNull();
      expect(parseSimpleDate(text, TODAY, 'future')).toBeNull();
    },
  );

  it('refuses empty and blank text', () => {
    expect(parseSimpleDate('', TODAY, 'past')).toBeNull();
    expect(parseSimpleDate('   ', TODAY, 'future')).toBeNull();
  });
});

describe('parseSimpleDate: words', () => {
  it.each([
    ['today', TODAY],
    ['Today', TODAY],
    ['now', TODAY],
    ['yesterday', '2026-09-30'],
    ['YESTERDAY', '2026-09-30'],
    ['tomorrow', '2026-10-02'],
    [' tomorrow ', '2026-10-02'],
  ])('%j on %s', (text, expected) => {
    expect(parseSimpleDate(text, TODAY, 'past')).toBe(expected);
    // The bias only decides bare amounts; the words mean the same either way.
    expect(parseSimpleDate(text, TODAY, 'future')).toBe(expected);
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(parseSimpleDate('tomorrow', '2026-12-31', 'past')).toBe('2027-01-01');
    expect(parseSimpleDate('yesterday', '2027-01-01', 'past')).toBe('2026-12-31');
    expect(parseSimpleDate('yesterday', '2026-03-01', 'past')).toBe('2026-02-28');
    expect(parseSimpleDate('yesterday', '2028-03-01', 'past')).toBe('2028-02-29');
    expect(parseSimpleDate('tomorrow', '2028-02-28', 'future')).toBe('2028-02-29');
  });

  it('returns undefined (maybe English) for words it does not know', () => {
    expect(parseSimpleDate('next friday', TODAY, 'future')).toBeUndefined();
    expect(parseSimpleDate('last tuesday', TODAY, 'past')).toBeUndefined();
    expect(parseSimpleDate('someday soonish', TODAY, 'past')).toBeUndefined();
  });
});

describe('parseSimpleDate: relative amounts', () => {
  it.each([
    ['3d', 'past', '2026-09-28'],
    ['3d', 'future', '2026-10-04'],
    ['2w', 'past', '2026-09-17'],
    ['2w', 'future', '2026-10-15'],
    ['1m', 'past', '2026-09-01'],
    ['1m', 'future', '2026-11-01'],
    ['1y', 'past', '2025-10-01'],
    ['1y', 'future', '2027-10-01'],
    ['12m', 'future', '2027-10-01'],
    ['0d', 'past', TODAY],
    ['3D', 'past', '2026-09-28'],
    ['3 d', 'future', '2026-10-04'],
    ['90d', 'future', '2026-12-30'],
  ] as const)('%s with bias %s is %s', (text, bias, expected) => {
    expect(parseSimpleDate(text, TODAY, bias)).toBe(expected);
  });

  it.each([
    ['+3d', '2026-10-04'],
    ['-3d', '2026-09-28'],
    ['+2w', '2026-10-15'],
    ['-2w', '2026-09-17'],
    ['+1m', '2026-11-01'],
    ['-1m', '2026-09-01'],
  ])('an explicit sign in %s wins over either bias', (text, expected) => {
    expect(parseSimpleDate(text, TODAY, 'past')).toBe(expected);
    expect(parseSimpleDate(text, TODAY, 'future')).toBe(expected);
  });

  it('a month back from the 31st lands on the last day of a shorter month', () => {
    expect(parseSimpleDate('1m', '2026-03-31', 'past')).toBe('2026-02-28');
    expect(parseSimpleDate('1m', '2026-01-31', 'future')).toBe('2026-02-28');
    expect(parseSimpleDate('1m', '2028-01-31', 'future')).toBe('2028-02-29');
  });

  it('weeks and days cross the year end', () => {
    expect(parseSimpleDate('1w', '2026-12-28', 'future')).toBe('2027-01-04');
    expect(parseSimpleDate('5d', '2027-01-03', 'past')).toBe('2026-12-29');
  });
});

describe('parseDate (with English through chrono)', () => {
  it.each([
    ['last tuesday', 'past', '2026-09-29'],
    ['Last Tuesday', 'past', '2026-09-29'],
    ['last monday', 'past', '2026-09-28'],
    ['next friday', 'past', '2026-10-09'],
    ['next friday', 'future', '2026-10-09'],
    ['in 2 weeks', 'past', '2026-10-15'],
    ['in 2 weeks', 'future', '2026-10-15'],
    ['  in 2 weeks  ', 'future', '2026-10-15'],
    ['in 3 days', 'future', '2026-10-04'],
    ['3 days ago', 'past', '2026-09-28'],
    ['2 weeks ago', 'future', '2026-09-17'],
    ['October 5, 2026', 'past', '2026-10-05'],
  ] as const)('%j with bias %s on Thursday 2026-10-01 is %s', async (text, bias, expected) => {
    await expect(parseDate(text, TODAY, bias)).resolves.toBe(expected);
  });

  it('a bare weekday points back or ahead by the bias', async () => {
    await expect(parseDate('tuesday', TODAY, 'past')).resolves.toBe('2026-09-29');
    await expect(parseDate('tuesday', TODAY, 'future')).resolves.toBe('2026-10-06');
  });

  it('"last <weekday>" stays in the past even where the bias looks ahead (--by, snooze)', async () => {
    await expect(parseDate('last tuesday', TODAY, 'future')).resolves.toBe('2026-09-29');
    await expect(parseDate('last thursday', TODAY, 'future')).resolves.toBe('2026-09-24');
  });

  it('still handles the simple forms', async () => {
    await expect(parseDate('2026-10-05', TODAY, 'past')).resolves.toBe('2026-10-05');
    await expect(parseDate('yesterday', TODAY, 'past')).resolves.toBe('2026-09-30');
    await expect(parseDate('2w', TODAY, 'future')).resolves.toBe('2026-10-15');
  });

  it.each([
    'someday soonish',
    'next friday maybe',
    'maybe next friday',
    'soon',
    'feb 30 2026',
    'Nov 31',
    '2026-13-45',
    '2026-02-30',
    '31/02/2026',
    '02/03/2026',
    '',
  ])('refuses %j with null', async (text) => {
    await expect(parseDate(text, TODAY, 'past')).resolves.toBeNull();
    await expect(parseDate(text, TODAY, 'future')).resolves.toBeNull();
  });
});

describe('parseCadence', () => {
  it.each([
    ['30d', 30],
    ['30', 30],
    [' 45 ', 45],
    ['2w', 14],
    ['3m', 90],
    ['3M', 90],
    ['1y', 365],
    ['10 d', 10],
    ['1d', 1],
    ['1', 1],
    ['10y', 3650],
    ['3650d', 3650],
  ])('%j is %i days', (text, days) => {
    expect(parseCadence(text)).toBe(days);
  });

  it.each(['never', 'Never', 'none', 'off'])('%j means no cadence (null)', (text) => {
    expect(parseCadence(text)).toBeNull();
  });

  it.each(['', '0', '0d', '0w', '0m', '00y', 'soon', '-5d', '3x', '1.5m', 'every 3 months', '3mo', '99999y', '11y', '3651d', '122m', '522w'])('%j is not a cadence (undefined)', (text) => {
    expect(parseCadence(text)).toBeUndefined();
  });
});

describe('calendarDate / isValidIsoDate / isJournalDate / localToday', () => {
  it('builds a pure calendar date and refuses days that do not exist', () => {
    expect(calendarDate(2026, 10, 1)).toBe('2026-10-01');
    expect(calendarDate(2028, 2, 29)).toBe('2028-02-29');
    expect(calendarDate(2026, 2, 29)).toBeNull();
    expect(calendarDate(2100, 2, 29)).toBeNull();
    expect(calendarDate(2000, 2, 29)).toBe('2000-02-29');
    expect(calendarDate(2026, 13, 1)).toBeNull();
    expect(calendarDate(0, 1, 1)).toBeNull();
    expect(calendarDate(10000, 1, 1)).toBeNull();
    expect(calendarDate(2026, 1.5, 1)).toBeNull();
  });

  it('rejects rolled-over dates and non-ISO text', () => {
    expect(isValidIsoDate('2026-02-30')).toBe(false);
    expect(isValidIsoDate('2026-10-1')).toBe(false);
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('tomorrow')).toBe(false);
  });

  it.each([
    ['1899-12-31', false],
    ['1900-01-01', true],
    ['2999-12-31', true],
    ['3000-01-01', false],
    ['9999-12-31', false],
    ['0001-01-01', false],
  ])('a journal takes %s: %s', (iso, ok) => {
    expect(isJournalDate(iso)).toBe(ok);
  });

  it('today is the local calendar date of the moment', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localToday(new Date(2026, 0, 5, 0, 0))).toBe('2026-01-05');
  });
});

describe('arithmetic saturates at the ends of four-digit years', () => {
  it.each([
    ['9999-12-28', 10, '9999-12-31'],
    ['9999-12-31', 1, '9999-12-31'],
    ['2026-10-01', 10_000_000, '9999-12-31'],
    ['0001-01-02', -5, '0001-01-01'],
    ['2026-10-01', -10_000_000, '0001-01-01'],
  ])('addDays(%s, %i) is %s', (from, n, expected) => {
    expect(addDays(from, n)).toBe(expected);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-10-15', 12, '2027-10-15'],
    ['9999-11-30', 5, '9999-12-31'],
    ['0001-02-01', -3, '0001-01-01'],
  ])('addMonths(%s, %i) is %s', (from, n, expected) => {
    expect(addMonths(from, n)).toBe(expected);
  });

  it('relative input beyond 2999 is not a date net takes, and does not throw', () => {
    expect(parseSimpleDate('9999y', '2026-10-01', 'future')).toBeNull();
    expect(parseSimpleDate('9999d', '2999-12-20', 'future')).toBeNull();
    expect(parseSimpleDate('9999-12-31', '2026-10-01', 'future')).toBeNull();
    expect(parseSimpleDate('1899-12-31', '2026-10-01', 'past')).toBeNull();
    expect(parseSimpleDate('3d', '2999-12-28', 'future')).toBe('2999-12-31');
  });
});

// Calendar arithmetic must not depend on the host's time zone or its DST changes.
describe.each(['UTC', 'America/New_York', 'Europe/London', 'America/Havana', 'Australia/Lord_Howe', 'Pacific/Apia'])(
  'addDays / daysBetween with TZ=%s',
  (tz) => {
    const saved = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = tz;
    });
    afterAll(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    it.each([
      ['2026-01-31', 1, '2026-02-01'],
      ['2026-02-28', 1, '2026-03-01'],
      ['2028-02-28', 1, '2028-02-29'],
      ['2026-12-31', 1, '2027-01-01'],
      ['2027-01-01', -1, '2026-12-31'],
      ['2026-03-01', -1, '2026-02-28'],
      ['2026-10-08', 90, '2027-01-06'],
      ['2026-09-10', 60, '2026-11-09'],
      ['2026-10-01', 0, '2026-10-01'],
      // US spring forward (Mar 8), EU (Mar 29), Havana's at midnight (Mar 8)
      ['2026-03-07', 1, '2026-03-08'],
      ['2026-03-08', 1, '2026-03-09'],
      ['2026-03-28', 2, '2026-03-30'],
      // EU fall back (Oct 25), US (Nov 1)
      ['2026-10-24', 2, '2026-10-26'],
      ['2026-10-31', 1, '2026-11-01'],
      ['2026-11-01', 1, '2026-11-02'],
      ['2026-11-02', -7, '2026-10-26'],
      // Lord Howe's half-hour change (Apr 5, Oct 4)
      ['2026-04-04', 1, '2026-04-05'],
      // Samoa skipped 2011-12-30 entirely: still a calendar day
      ['2011-12-29', 1, '2011-12-30'],
      ['2011-12-30', 1, '2011-12-31'],
      ['2026-10-03', 2, '2026-10-05'],
    ])('addDays(%s, %i) is %s', (from, n, expected) => {
      expect(addDays(from, n)).toBe(expected);
    });

    it('relative and simple input on the day Samoa skipped', () => {
      expect(parseSimpleDate('2011-12-30', '2011-12-30', 'past')).toBe('2011-12-30');
      expect(parseSimpleDate('1m', '2011-11-30', 'future')).toBe('2011-12-30');
      expect(parseSimpleDate('tomorrow', '2011-12-29', 'future')).toBe('2011-12-30');
      expect(parseSimpleDate('1y', '2010-12-30', 'future')).toBe('2011-12-30');
    });

    it.each([
      ['2026-10-01', '2026-10-01', 0],
      ['2026-10-01', '2026-10-04', 3],
      ['2026-10-04', '2026-10-01', -3],
      ['2026-03-01', '2026-04-01', 31],
      ['2026-03-07', '2026-03-09', 2],
      ['2026-10-20', '2026-11-05', 16],
      ['2026-12-25', '2027-01-06', 12],
      ['2028-02-01', '2028-03-01', 29],
      ['2026-01-01', '2027-01-01', 365],
      ['2028-01-01', '2029-01-01', 366],
    ])('daysBetween(%s, %s) is %i', (from, to, n) => {
      expect(daysBetween(from, to)).toBe(n);
    });
  },
);

describe('addDays / daysBetween on bad input', () => {
  it('throw a RangeError rather than compute from a non-date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-10-01', 'soon')).toThrow(RangeError);
  });
});

describe('shortDate', () => {
  it.each([
    ['2026-11-20', '2026-10-01', 'Nov 20'],
    ['2026-01-05', '2026-12-31', 'Jan 5'],
    ['2026-10-01', '2026-10-01', 'Oct 1'],
    ['2027-01-06', '2026-10-01', 'Jan 6, 2027'],
    ['2025-12-30', '2026-01-02', 'Dec 30, 2025'],
  ])('%s seen on %s is %j', (iso, today, expected) => {
    expect(shortDate(iso, today)).toBe(expected);
  });
});
