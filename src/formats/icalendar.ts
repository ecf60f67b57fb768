// Reading a calendar export (RFC 5545: Google Calendar, Outlook, Apple Calendar) into the
// occurrences of its events, each with the people on it. Parsing, time zones and the
// expansion of recurring events (RRULE, RDATE, EXDATE, moved or cancelled occurrences) are
// ical.js's, never our own: this file only picks what the journal needs. A date is the day
// the occurrence starts in the event's own time zone (as its DTSTART is written); a time in
// UTC is placed in the calendar's time zone (X-WR-TIMEZONE) or, without one, the computer's.
import ICAL from 'ical.js';
import { UsageError } from '../core/errors.js';
import type { EventPerson, EventOccurrence } from '../core/conversations.js';
import type { IsoDate } from '../core/types.js';
import { addDays, calendarDate, isJournalDate } from '../core/dates.js';
import { decodeFile, encodingLabel } from './encoding.js';

export interface CalendarFile {
  occurrences: EventOccurrence[];
  /** The calendar's own address when its name is one (Google names an export by its owner). */
  owner: string | null;
  /** Occurrences or events left out while reading, by why. */
  skipped: Map<string, number>;
  encoding: string | null;
}

export interface CalendarWindow {
  /** First day of interest (`--since`). */
  since: IsoDate;
  /** Last day a recurring event is expanded to. */
  until: IsoDate;
}

/** Expanding one recurring event stops after this many occurrences: a rule that repeats every minute is not a meeting. */
const MAX_STEPS = 20_000;

/** Links that make a meeting a call: video rooms and phone numbers. */
const ONLINE = /\b(?:zoom\.us|meet\.google\.com|teams\.microsoft\.com|teams\.live\.com|webex\.com|whereby\.com|meet\.jit\.si|gotomeeting\.com|chime\.aws|facetime|skype)|\btel:|^\s*\+?\d[\d\s().-]{6,}\d\s*$/i;

const SKIP_BAD_DATE = 'events with a start date that does not exist';

function add(skipped: Map<string, number>, reason: string): void {
  skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
}

/** `mailto:Dana@X.com` → `dana@x.com`; null when the value is not an address. */
export function addressOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const a = value.trim().replace(/^mailto:/i, '').trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(a) ? a : null;
}

/** A person's name as a calendar gives it (CN), or null when it is empty or only repeats the address. */
function nameOf(prop: ICAL.Property, email: string | null): string | null {
  const cn = prop.getParameter('cn');
  const text = (Array.isArray(cn) ? cn.join(' ') : cn ?? '').trim();
  if (text === '' || (email !== null && text.toLowerCase() === email)) return null;
  return text;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function peopleOf(vevent: ICAL.Component): EventPerson[] {
  const people: EventPerson[] = [];
  const organizer = vevent.getFirstProperty('organizer');
  if (organizer) {
    const email = addressOf(organizer.getFirstValue());
    people.push({ email, name: nameOf(organizer, email), organizer: true, declined: false, resource: false });
  }
  for (const a of vevent.getAllProperties('attendee')) {
    const email = addressOf(a.getFirstValue());
    const cutype = String(a.getParameter('cutype') ?? '').toUpperCase();
    people.push({
      email,
      name: nameOf(a, email),
      organizer: false,
      declined: String(a.getParameter('partstat') ?? '').toUpperCase() === 'DECLINED',
      resource: cutype === 'ROOM' || cutype === 'RESOURCE',
    });
  }
  return people;
}

function isOnline(vevent: ICAL.Component): boolean {
  const where = ['location', 'url', 'description', 'conference', 'x-google-conference', 'x-microsoft-skypeteamsmeetingurl', 'x-microsoft-onlinemeetingconflink'];
  return where.some((p) => vevent.getAllProperties(p).some((prop) => ONLINE.test(text(prop.getFirstValue()))));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter of days in `zone` (en-CA writes YYYY-MM-DD), made once per zone: making one costs more than using it. */
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(zone, f);
  }
  return f;
}

/** The day a time falls on in the event's own zone; UTC times in `zone`. Null for a date that does not exist. */
function dayOf(t: ICAL.Time, zone: string): IsoDate | null {
  if (t.zone?.tzid === 'UTC') {
    const d = t.toJSDate();
    if (Number.isNaN(d.getTime())) return null;
    // en-CA writes dates as YYYY-MM-DD.
    const day = formatter(zone).format(d);
    return isJournalDate(day) ? day : null;
  }
  const day = calendarDate(t.year, t.month, t.day);
  return day !== null && isJournalDate(day) ? day : null;
}

/**
 * True when the event's DTSTART, as written, is a day that exists: ical.js quietly turns
 * February 31 into March 3, so the text is checked before it is used.
 */
function startExists(vevent: ICAL.Component): boolean {
  const raw = vevent.getFirstProperty('dtstart')?.jCal[3];
  const m = typeof raw === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(raw) : null;
  return m !== null && calendarDate(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

function zoneOf(cal: ICAL.Component): string {
  const named = text(cal.getFirstPropertyValue('x-wr-timezone')).trim();
  if (named) {
    try {
      new Intl.DateTimeFormat('en-CA', { timeZone: named });
      return named;
    } catch {
      // A zone Node does not know: the computer's is the better guess.
    }
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function noCalendar(file: string): UsageError {
  return new UsageError(`${file} is not a calendar: it holds no VCALENDAR. Export it again as .ics and retry; nothing was imported.`);
}

/** Every occurrence of every event of the file between `since` and `until` (single events: from `since` on). */
export function readCalendar(bytes: Buffer, file: string, window: CalendarWindow): CalendarFile {
  const { text: source, encoding } = decodeFile(bytes);
  let cals: ICAL.Component[];
  try {
    const parsed = ICAL.parse(source) as unknown;
    // A file may hold several VCALENDARs one after the other.
    const list = Array.isArray(parsed) && typeof parsed[0] !== 'string' ? (parsed as unknown[]) : [parsed];
    cals = list.map((jcal) => new ICAL.Component(jcal as unknown[]));
  } catch (err) {
    // Only the parser's own errors describe the file; anything else (a mailbox read as
    // --format ics leaves ical.js nothing to build) means there was no calendar in it.
    if (!(err instanceof ICAL.parse.ParserError)) throw noCalendar(file);
    const why = (err.message.split('\n')[0] ?? '').slice(0, 200);
    throw new UsageError(`${file} is not a calendar net can read (${why}). Export it again as .ics and retry; nothing was imported.`);
  }
  const out: CalendarFile = { occurrences: [], owner: null, skipped: new Map(), encoding: encoding === 'utf-8' ? null : encodingLabel(encoding) };
  for (const cal of cals) {
    if (cal.name !== 'vcalendar') throw noCalendar(file);
    out.owner ??= addressOf(cal.getFirstPropertyValue('x-wr-calname'));
    const zone = zoneOf(cal);
    // Outlook and Apple name their zones and define them in the file; ical.js needs them
    // registered to place a recurring event's occurrences.
    for (const tz of cal.getAllSubcomponents('vtimezone')) {
      try {
        ICAL.TimezoneService.register(tz);
      } catch {
        add(out.skipped, 'time zone definitions that could not be read');
      }
    }
    const cancelledCalendar = text(cal.getFirstPropertyValue('method')).toUpperCase() === 'CANCEL';
    const byUid = new Map<string, { master?: ICAL.Event; exceptions: ICAL.Event[] }>();
    for (const vevent of cal.getAllSubcomponents('vevent')) {
      let event: ICAL.Event;
      try {
        event = new ICAL.Event(vevent);
      } catch {
        add(out.skipped, 'events that could not be read');
        continue;
      }
      if (!startExists(vevent)) {
        add(out.skipped, SKIP_BAD_DATE);
        continue;
      }
      const uid = text(vevent.getFirstPropertyValue('uid')).trim();
      if (!uid) {
        add(out.skipped, 'events without a UID');
        continue;
      }
      const entry = byUid.get(uid) ?? { exceptions: [] };
      if (vevent.hasProperty('recurrence-id')) entry.exceptions.push(event);
      else entry.master = event;
      byUid.set(uid, entry);
    }
    for (const [uid, { master, exceptions }] of byUid) {
      try {
        if (master) {
          for (const ex of exceptions) master.relateException(ex);
          expand(uid, master, zone, window, cancelledCalendar, out);
        } else {
          // Moved occurrences whose series is not in the file (Google exports some so).
          for (const ex of exceptions) single(uid, ex, ex.recurrenceId, zone, window, cancelledCalendar, out);
        }
      } catch {
        add(out.skipped, 'events that could not be read');
      }
    }
  }
  return out;
}

function occurrence(
  uid: string,
  item: ICAL.Event,
  start: ICAL.Time,
  recurrenceId: ICAL.Time | null,
  zone: string,
  cancelled: boolean,
): EventOccurrence | null {
  const on = dayOf(start, zone);
  if (on === null) return null;
  const vevent = item.component;
  const occurrenceOn = recurrenceId ? dayOf(recurrenceId, zone) : null;
  return {
    key: occurrenceOn ? `ics ${uid} ${occurrenceOn}` : `ics ${uid}`,
    on,
    summary: text(vevent.getFirstPropertyValue('summary')).trim() || null,
    cancelled: cancelled || text(vevent.getFirstPropertyValue('status')).toUpperCase() === 'CANCELLED',
    allDay: start.isDate,
    online: isOnline(vevent),
    people: peopleOf(vevent),
  };
}

function single(uid: string, e: ICAL.Event, recurrenceId: ICAL.Time | null, zone: string, w: CalendarWindow, cancelled: boolean, out: CalendarFile): void {
  const o = occurrence(uid, e, e.startDate, recurrenceId, zone, cancelled);
  if (o === null) return add(out.skipped, SKIP_BAD_DATE);
  if (o.on < w.since) return add(out.skipped, 'events before --since');
  out.occurrences.push(o);
}

function expand(uid: string, master: ICAL.Event, zone: string, w: CalendarWindow, cancelled: boolean, out: CalendarFile): void {
  if (!master.isRecurring()) return single(uid, master, null, zone, w, cancelled, out);
  const it = master.iterator();
  let before = 0;
  const sinceMargin = addDays(w.since, -1);
  const hasExceptions = master.exceptions !== undefined && Object.keys(master.exceptions).length > 0;
  for (let step = 0; ; step++) {
    if (step >= MAX_STEPS) return add(out.skipped, `recurring events repeating more than ${MAX_STEPS.toLocaleString('en-US')} times`);
    const next = it.next();
    if (!next) break;
    // Weeks before --since need no closer look (a day's margin for the zones); nor can a
    // moved occurrence be judged before its details are read, so those come first.
    const roughDay = `${String(next.year).padStart(4, '0')}-${String(next.month).padStart(2, '0')}-${String(next.day).padStart(2, '0')}`;
    if (roughDay < sinceMargin && !hasExceptions) {
      before++;
      continue;
    }
    const details = master.getOccurrenceDetails(next);
    const o = occurrence(uid, details.item, details.startDate, details.recurrenceId, zone, cancelled);
    if (o === null) {
      add(out.skipped, SKIP_BAD_DATE);
      continue;
    }
    const original = dayOf(details.recurrenceId, zone) ?? o.on;
    // The series is read in order of its original dates; a moved one is judged by where it went.
    if (original > w.until && o.on > w.until) break;
    if (o.on < w.since) {
      before++;
      continue;
    }
    if (o.on > w.until) continue;
    out.occurrences.push(o);
  }
  if (before > 0 && out.occurrences.every((o) => !o.key.startsWith(`ics ${uid} `))) add(out.skipped, 'events before --since');
}
