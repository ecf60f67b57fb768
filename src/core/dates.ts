// Calendar dates as `YYYY-MM-DD` text, and the parsing of what people type for them.
// Nothing here reads the clock: "today" is always passed in. A calendar date is a pure
// date (year, month, day on the proleptic Gregorian calendar), never a local midnight:
// a day a time zone skipped (Pacific/Apia's 2011-12-30) is still a day.
import type { IsoDate } from './types.js';

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The dates a journal takes from input and imports: four-digit years that any tool reads. */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '2999-12-31';

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Year, month and day as an ISO date, or null when that day does not exist (Feb 30) or the year has not four digits. */
export function calendarDate(y: number, m: number, d: number): IsoDate | null {
  if (![y, m, d].every(Number.isInteger) || y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Whether `s` is a `YYYY-MM-DD` day of the calendar (any four-digit year). */
export function isValidIsoDate(s: string): boolean {
  const m = ISO_RE.exec(s);
  return m !== null && calendarDate(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

/** Whether `s` is a calendar date a journal takes: FIRST_DATE to LAST_DATE. */
export function isJournalDate(s: string): boolean {
  return isValidIsoDate(s) && s >= FIRST_DATE && s <= LAST_DATE;
}

// Day arithmetic runs thousands of times in `net due`: calendar days as integers (days
// since 1970-01-01) avoid a Date per step and any time-zone or DST effect. Date.UTC is
// only a day counter here; it knows no time zone.
const dayNumbers = new Map<string, number>();

function dayNumber(iso: IsoDate): number {
  let n = dayNumbers.get(iso);
  if (n === undefined) {
    if (!isValidIsoDate(iso)) throw new RangeError(`not a calendar date: ${iso}`);
    const utc = new Date(0);
    utc.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
    n = Math.round(utc.getTime() / 86_400_000);
    dayNumbers.set(iso, n);
  }
  return n;
}

// Arithmetic saturates at the ends of four-digit years instead of producing a date no
// reader can parse: "a year after 9999-12-31" is 9999-12-31.
const FIRST_DAY = dayNumber('0001-01-01');
const LAST_DAY = dayNumber('9999-12-31');

function fromDayNumber(n: number): IsoDate {
  const d = new Date(Math.min(Math.max(n, FIRST_DAY), LAST_DAY) * 86_400_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return days === 0 ? iso : fromDayNumber(dayNumber(iso) + days);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Months later (or earlier): the same day of the month, or that month's last day (Jan 31 + 1 month = Feb 28). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  if (!isValidIsoDate(iso)) throw new RangeError(`not a calendar date: ${iso}`);
  const index = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  if (index < 12) return '0001-01-01';
  if (index > 9999 * 12 + 11) return '9999-12-31';
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return calendarDate(y, m, Math.min(Number(iso.slice(8, 10)), daysInMonth(y, m))) as IsoDate;
}

/** Today's local date: the one place a moment becomes a calendar date, called by the CLI layer. */
export function localToday(now: Date): IsoDate {
  return calendarDate(now.getFullYear(), now.getMonth() + 1, now.getDate()) as IsoDate;
}

/**
 * Which way a relative amount like `3d` points: `--on` and `--since` look back,
 * `--by` and snooze dates look ahead.
 */
export type DateBias = 'past' | 'future';

const RELATIVE_RE = /^([+-]?)(\d{1,4})\s*(d|w|m|y)$/i;
const NUMERIC_RE = /^[\d\s./-]+$/;

/** Dates a journal takes (FIRST_DATE to LAST_DATE); anything else is not a date to net. */
function inRange(iso: IsoDate): IsoDate | null {
  return isJournalDate(iso) ? iso : null;
}

/**
 * Parses the forms that need no natural-language library: ISO dates, today/yesterday/
 * tomorrow, and relative amounts. Returns `undefined` when the text is none of these and
 * may be English (for `parseNaturalDate`), `null` when it is certainly not a date.
 */
export function parseSimpleDate(text: string, today: IsoDate, bias: DateBias): IsoDate | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  if (ISO_RE.test(t)) return inRange(t);
  if (t === 'today' || t === 'now') return today;
  if (t === 'yesterday') return addDays(today, -1);
  if (t === 'tomorrow') return addDays(today, 1);
  const rel = RELATIVE_RE.exec(t);
  if (rel) {
    const sign = rel[1] === '-' ? -1 : rel[1] === '+' ? 1 : bias === 'past' ? -1 : 1;
    const n = sign * Number(rel[2]);
    const unit = rel[3]?.toLowerCase();
    const moved = unit === 'd' ? addDays(today, n) : unit === 'w' ? addDays(today, 7 * n) : unit === 'm' ? addMonths(today, n) : addMonths(today, 12 * n);
    return inRange(moved);
  }
  // 31/02/2026 or 02/03/2026: digits in an order we cannot know (day or month first).
  if (NUMERIC_RE.test(t)) return null;
  return undefined;
}

/**
 * Parses any date input: the simple forms, then common English through chrono-node,
 * which is loaded only here because it costs more start-up time than the rest of `net`.
 * The whole text must be a date ("someday soonish" is refused, not half-read).
 */
export async function parseDate(text: string, today: IsoDate, bias: DateBias): Promise<IsoDate | null> {
  const simple = parseSimpleDate(text, today, bias);
  if (simple !== undefined) return simple;
  const chrono = await import('chrono-node');
  if (!isValidIsoDate(today)) throw new RangeError(`not a calendar date: ${today}`);
  // Noon of today in UTC, read in UTC: chrono's answer does not depend on the local zone.
  const ref = { instant: new Date(`${today}T12:00:00Z`), timezone: 0 };
  const trimmed = text.trim();
  // Looking ahead turns "friday" into the coming one; but "last tuesday" stays in the past.
  const forwardDate = bias === 'future' && !/\b(last|ago|previous|past|yesterday)\b/i.test(trimmed);
  const results = chrono.en.parse(trimmed, ref, { forwardDate });
  const first = results[0];
  if (results.length !== 1 || !first || first.index !== 0 || first.text.length !== trimmed.length) return null;
  const y = first.start.get('year');
  const m = first.start.get('month');
  const d = first.start.get('day');
  if (y === null || m === null || d === null) return null;
  const iso = calendarDate(y, m, d);
  return iso === null ? null : inRange(iso);
}

/** The longest keep-in-touch cadence: ten years. */
export const MAX_CADENCE_DAYS = 3650;

/** More nudges than any promise gets; a bound for imported counts. */
export const MAX_STORED_NUDGES = 999;

/**
 * Keep-in-touch cadence in days: `30d`, `2w`, `3m` (30-day months), `1y`, a bare number
 * of days, or `never`. Returns `undefined` when the text is not a cadence or is longer than
 * MAX_CADENCE_DAYS, or is zero days.
 */
export function parseCadence(text: string): number | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'never' || t === 'none' || t === 'off') return null;
  const m = /^(\d{1,5})\s*(d|w|m|y)?$/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  const days = m[2] === 'w' ? n * 7 : m[2] === 'm' ? n * 30 : m[2] === 'y' ? n * 365 : n;
  // Zero days is no cadence at all, not "never": that is said in words.
  if (days === 0 || days > MAX_CADENCE_DAYS) return undefined;
  return days;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov 20", with the year when it differs from today's. */
export function shortDate(iso: IsoDate, today: IsoDate): string {
  const [y, m, d] = iso.split('-');
  const label = `${MONTHS[Number(m) - 1] ?? m} ${Number(d)}`;
  return y === today.slice(0, 4) ? label : `${label}, ${y}`;
}
