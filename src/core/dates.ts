// Calendar dates as `YYYY-MM-DD` text, and the parsing of what people type for them.
// Nothing here reads the clock: "today" is always passed in.
import { addDays as dfAddDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addWeeks } from 'date-fns/addWeeks';
import { addYears } from 'date-fns/addYears';
import type { IsoDate } from './types.js';

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A local Date for an ISO calendar date, or null when the date does not exist. */
export function isoToDate(iso: string): Date | null {
  const m = ISO_RE.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const date = new Date(y, mo - 1, d);
  // Date silently rolls 2026-02-30 over to March 2: compare the round trip.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date;
}

export function dateToIso(date: Date): IsoDate {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function isValidIsoDate(s: string): boolean {
  return isoToDate(s) !== null;
}

function mustDate(iso: IsoDate): Date {
  const d = isoToDate(iso);
  if (!d) throw new RangeError(`not a calendar date: ${iso}`);
  return d;
}

// Day arithmetic runs thousands of times in `net due`: calendar days as integers (days
// since 1970-01-01 on the proleptic Gregorian calendar) avoid a Date per step and any
// time-zone or DST effect. Month and year steps use date-fns.
const dayNumbers = new Map<string, number>();

function dayNumber(iso: IsoDate): number {
  let n = dayNumbers.get(iso);
  if (n === undefined) {
    if (!isValidIsoDate(iso)) throw new RangeError(`not a calendar date: ${iso}`);
    n = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
    dayNumbers.set(iso, n);
  }
  return n;
}

function fromDayNumber(n: number): IsoDate {
  const d = new Date(n * 86_400_000);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  return `${y}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return days === 0 ? iso : fromDayNumber(dayNumber(iso) + days);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Today's local date; the only place that reads the clock, called by the CLI layer. */
export function localToday(now: Date): IsoDate {
  return dateToIso(now);
}

/**
 * Which way a relative amount like `3d` points: `--on` and `--since` look back,
 * `--by` and snooze dates look ahead.
 */
export type DateBias = 'past' | 'future';

const RELATIVE_RE = /^([+-]?)(\d{1,4})\s*(d|w|m|y)$/i;
const NUMERIC_RE = /^[\d\s./-]+$/;

/** Dates a journal can hold: four-digit years, so they sort and compare as text. */
function inRange(iso: IsoDate): IsoDate | null {
  return isValidIsoDate(iso) && iso >= '1000-01-01' ? iso : null;
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
    const base = mustDate(today);
    const unit = rel[3];
    const moved =
      unit === 'd' ? dfAddDays(base, n) : unit === 'w' ? addWeeks(base, n) : unit === 'm' ? addMonths(base, n) : addYears(base, n);
    return inRange(dateToIso(moved));
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
  const ref = mustDate(today);
  ref.setHours(12);
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
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return inRange(iso);
}

/**
 * Keep-in-touch cadence in days: `30d`, `2w`, `3m` (30-day months), `1y`, a bare number
 * of days, or `never`. Returns `undefined` when the text is not a cadence.
 */
export function parseCadence(text: string): number | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'never' || t === 'none' || t === 'off') return null;
  const m = /^(\d{1,5})\s*(d|w|m|y)?$/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  const days = m[2] === 'w' ? n * 7 : m[2] === 'm' ? n * 30 : m[2] === 'y' ? n * 365 : n;
  return days > 0 ? days : null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov 20", with the year when it differs from today's. */
export function shortDate(iso: IsoDate, today: IsoDate): string {
  const [y, m, d] = iso.split('-');
  const label = `${MONTHS[Number(m) - 1] ?? m} ${Number(d)}`;
  return y === today.slice(0, 4) ? label : `${label}, ${y}`;
}
