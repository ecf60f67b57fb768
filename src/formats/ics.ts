// iCalendar (RFC 5545) writer for a feed of all-day events. Journal text is hostile: every
// TEXT value is escaped (3.3.11) so that no line break, comma or semicolon in a name can
// end a property or start another, and every line is folded at 75 octets (3.1) without
// cutting a UTF-8 sequence.
import { addDays } from '../core/dates.js';
import type { IsoDate } from '../core/types.js';

export interface CalendarEvent {
  /** Globally unique and stable across exports, so that a client updates instead of duplicating. */
  uid: string;
  /** The all-day event's day. */
  on: IsoDate;
  summary: string;
  description: string;
}

export interface CalendarMeta {
  name: string;
  /** When the feed was computed (DTSTAMP), as a UTC date-time `YYYYMMDDTHHMMSSZ`. */
  stamp: string;
}

const MAX_OCTETS = 75;

/**
 * Control characters are not allowed in TEXT (3.3.11) except as the escaped line break; the
 * bidirectional controls go too, as in every terminal table: a name holding U+202E would
 * show a calendar application its text reversed (a spoofed title or place).
 */
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A TEXT value: backslash, semicolon and comma escaped, any line break as `\n`. */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/**
 * Splits a content line into lines of at most 75 octets, each continuation starting with a
 * space, never inside a UTF-8 character: iCalendar (3.1) and vCard (RFC 6350 3.2) fold alike.
 */
export function foldLine(line: string): string {
  // Most lines are ASCII, one octet a character: cut them by length alone.
  if (/^[\x00-\x7f]*$/.test(line)) {
    if (line.length <= MAX_OCTETS) return line;
    const out = [line.slice(0, MAX_OCTETS)];
    for (let i = MAX_OCTETS; i < line.length; i += MAX_OCTETS - 1) out.push(line.slice(i, i + MAX_OCTETS - 1));
    return out.join('\r\n ');
  }
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

function icsDate(iso: IsoDate): string {
  return iso.replaceAll('-', '');
}

/** The whole calendar, CRLF line endings, one VEVENT per event. */
export function toIcs(events: readonly CalendarEvent[], meta: CalendarMeta): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//net-journal//net calendar//EN', 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${escapeText(meta.name)}`];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${meta.stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(e.on)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(e.on, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      // A reminder, not an appointment: it does not make the day look busy.
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
