// LinkedIn's Connections.csv (Settings → Data privacy → Get a copy of your data), from the
// 2016 layout to today's; csvfile.ts reads the file, this reads a row.
import { calendarDate, isJournalDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import type { Columns, RowReader } from './csvfile.js';

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** What LinkedIn writes for a connection whose date it lost: a year before any real one. */
const FIRST_YEAR = 1900;

/**
 * `Connected On` → `YYYY-MM-DD`. Today's exports write `12 Mar 2024`; 2016–2018 exports
 * `1/8/18, 6:14 PM` (month first, as LinkedIn's US servers wrote it); Excel re-saves write
 * `12-Mar-24`, `2024-03-12` or `12/03/2024` (day first when the first number cannot be a
 * month). Returns undefined for a date LinkedIn did not know (`01 Jan 0001`, year < 1900)
 * and null for text that is not a date.
 */
export function linkedinDate(text: string): string | null | undefined {
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  let m2: RegExpExecArray | null;
  if ((m2 = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) {
    [y, m, d] = [Number(m2[1]), Number(m2[2]), Number(m2[3])];
  } else if ((m2 = /^(\d{1,2})[\s-]([A-Za-z]{3})[A-Za-z]*\.?[\s-](\d{2}|\d{4})$/.exec(t))) {
    const month = MONTHS[(m2[2] ?? '').toLowerCase()];
    if (!month) return null;
    [y, m, d] = [year(m2[3] ?? ''), month, Number(m2[1])];
  } else if ((m2 = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?$/i.exec(t))) {
    const [a, b] = [Number(m2[1]), Number(m2[2])];
    [y, m, d] = a > 12 ? [year(m2[3] ?? ''), b, a] : [year(m2[3] ?? ''), a, b];
  } else {
    return null;
  }
  if (y < FIRST_YEAR) return undefined;
  const date = calendarDate(y, m, d);
  return date !== null && isJournalDate(date) ? date : null;
}

/** Two-digit years are this century's; four digits are kept as written (0001 stays 1). */
function year(text: string): number {
  const y = Number(text);
  return text.length === 2 ? 2000 + y : y;
}

export const linkedinRow = (cols: Columns): RowReader => {
  const has = (c: string) => cols.has(c);
  const company = has('company') ? 'company' : 'current company';
  const position = has('position') ? 'position' : 'current position';
  return (cell, where) => {
    const first = cell('first name');
    const last = cell('last name');
    const name = [first, last].filter(Boolean).join(' ');
    // Connections who left LinkedIn or hid their profile come as rows without a name.
    if (!name) return { skip: 'rows without a name' };
    const connected = cell('connected on');
    const metOn = connected ? linkedinDate(connected) : null;
    if (metOn === null && connected) {
      throw new UsageError(`${where} (${name}) has "Connected On" "${connected}", which is not a date like 12 Mar 2024. Fix the file and import again; nothing was imported.`);
    }
    return {
      where: `${where}, ${name}`,
      name,
      givenName: first,
      familyName: last,
      url: cell('url') ?? cell('profile url'),
      email: cell('email address') ?? cell('e-mail address'),
      company: cell(company),
      role: cell(position),
      metOn: metOn ?? null,
      metWhere: 'LinkedIn',
    };
  };
};
