// Reading a mailbox (mbox: Google Takeout, Thunderbird, Apple Mail exports) as a stream of
// message headers. Mailboxes run to gigabytes: the file is read in chunks, a message's
// headers are kept only until they are read (at most HEADER_LIMIT bytes), and its body is
// skipped line by line without ever becoming text, so memory stays flat whatever the size.
// Messages are split at `From ` lines that follow an empty line and carry an envelope date
// (`From sender Mon Sep 14 10:00:00 2026`): a body's "From the desk of…" is no separator.
// Encoded words (RFC 2047) are decoded by libmime and address lists parsed by Nodemailer's
// addressparser, both from the Nodemailer project; raw 8-bit header lines are read as UTF-8
// when valid, else as Windows-1252.
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import libmime from 'libmime';
import addressparser from 'nodemailer/lib/addressparser';
import { UsageError } from '../core/errors.js';
import { calendarDate, isJournalDate } from '../core/dates.js';
import type { IsoDate } from '../core/types.js';
import { decodeCharset } from './encoding.js';

export interface MailAddress {
  /** Lower case. */
  email: string;
  name: string | null;
}

/** What net reads of one message: its headers, never its body. */
export interface MailHeaders {
  messageId: string | null;
  /** In-Reply-To and References, in that order, without repeats. */
  refs: string[];
  from: MailAddress | null;
  to: MailAddress[];
  /** Milliseconds since the epoch, or null when the Date header cannot be read. */
  time: number | null;
  subject: string | null;
  /** Why it is mail nobody wrote to you in person (a list, bulk, automatic), or null. */
  automated: string | null;
  /** The line the message starts on, for messages. */
  line: number;
}

/** The most header bytes read of one message; the rest of a longer header block is skipped. */
export const HEADER_LIMIT = 256 * 1024;
const CHUNK = 1024 * 1024;

/** An envelope line: `From ` then a sender and a date with a time and a year. */
const ENVELOPE = /^From \S*.*\b\d{1,2}:\d{2}(?::\d{2})?\b.*\b\d{4}\s*$/;

const WANTED = new Set(['from', 'to', 'cc', 'date', 'message-id', 'in-reply-to', 'references', 'subject', 'list-id', 'list-unsubscribe', 'auto-submitted', 'precedence']);

/** Local parts of addresses that send mail nobody reads replies to. */
const NOREPLY = /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer-daemon|postmaster|bounces?|notifications?)(?:[-_.+].*)?$/i;

export const AUTOMATED = {
  list: 'mailing-list messages',
  bulk: 'bulk or automatic messages',
  noreply: 'messages from no-reply addresses',
} as const;

/** Raw header bytes as text, line by line: mail clients mix UTF-8 and 8-bit ANSI in one message. */
function text(bytes: Buffer): string {
  const lines: string[] = [];
  let pos = 0;
  while (pos <= bytes.length) {
    const nl = bytes.indexOf(10, pos);
    const line = bytes.subarray(pos, nl < 0 ? bytes.length : nl);
    lines.push(isUtf8(line) ? line.toString('utf8') : (decodeCharset(line, 'windows-1252') ?? line.toString('latin1')));
    if (nl < 0) break;
    pos = nl + 1;
  }
  return lines.join('\n');
}

/** Encoded words decoded; text libmime cannot decode is kept as it came. */
export function decodeHeader(value: string): string {
  try {
    return libmime.decodeWords(value);
  } catch {
    return value;
  }
}

export function parseAddresses(value: string | undefined): MailAddress[] {
  if (!value) return [];
  let list: ReturnType<typeof addressparser>;
  try {
    list = addressparser(value, { flatten: true });
  } catch {
    return [];
  }
  const out: MailAddress[] = [];
  for (const a of list) {
    if (!('address' in a) || typeof a.address !== 'string') continue;
    const email = a.address.trim().toLowerCase();
    if (!/^[^\s@<>]+@[^\s@<>]+$/.test(email)) continue;
    const name = decodeHeader(a.name ?? '').trim();
    out.push({ email, name: name === '' || name.toLowerCase() === email ? null : name });
  }
  return out;
}

/** `<a@b>` ids of a Message-ID, In-Reply-To or References header. */
export function messageIds(value: string | undefined): string[] {
  if (!value) return [];
  return [...value.matchAll(/<([^<>\s]{1,500})>/g)].map((m) => m[1] as string);
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const ZONES: Record<string, number> = { ut: 0, gmt: 0, z: 0, utc: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420 };

/**
 * An RFC 5322 date (`Mon, 14 Sep 2026 10:00:00 -0700`, day name and seconds optional) as
 * milliseconds, or null. Checked by hand: JavaScript's own parser turns 31 February into
 * 3 March and reads many things that are not dates.
 */
export function parseMailDate(value: string | undefined): number | null {
  if (!value) return null;
  const m = /^\s*(?:[a-z]{3},?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,3})?/i.exec(value);
  if (!m) return null;
  const month = MONTHS[(m[2] as string).toLowerCase()];
  let year = Number(m[3]);
  if (m[3]?.length === 2) year += year < 50 ? 2000 : 1900;
  const day = Number(m[1]);
  if (month === undefined || calendarDate(year, month, day) === null) return null;
  const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (h > 23 || min > 59 || s > 60) return null;
  const zone = m[7];
  let offset = 0;
  if (zone && /^[+-]\d{4}$/.test(zone)) {
    const sign = zone.startsWith('-') ? -1 : 1;
    offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  } else if (zone) {
    offset = ZONES[zone.toLowerCase()] ?? 0;
  }
  return Date.UTC(year, month - 1, day, h, min, s) - offset * 60_000;
}

const days = new Map<string, Intl.DateTimeFormat>();

/** The day a moment falls on in `zone` (default: the computer's), or null outside the journal's years. */
export function dayIn(time: number, zone?: string): IsoDate | null {
  const key = zone ?? '';
  let f = days.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    days.set(key, f);
  }
  const d = f.format(new Date(time));
  return isJournalDate(d) ? d : null;
}

/** Why a message is not personal mail, from its headers, or null. */
function automatedBy(h: Map<string, string>, from: MailAddress | null): string | null {
  if (h.has('list-id') || h.has('list-unsubscribe')) return AUTOMATED.list;
  const precedence = (h.get('precedence') ?? '').trim().toLowerCase();
  const auto = (h.get('auto-submitted') ?? '').trim().toLowerCase();
  if (['bulk', 'list', 'junk'].includes(precedence) || (auto !== '' && auto !== 'no')) return AUTOMATED.bulk;
  if (from && NOREPLY.test(from.email.split('@')[0] ?? '')) return AUTOMATED.noreply;
  return null;
}

/**
 * A copy of `s` that does not keep the text it was cut from alive: V8 makes a substring a
 * view of its parent, and a kept Message-ID would otherwise hold its whole header block in
 * memory (a mailbox of 100,000 messages with contacts went over 150 MB that way).
 */
export function detach(s: string): string {
  return (' ' + s).slice(1);
}

/** One message's header block (unfolded, decoded) as the fields net reads. */
export function readHeaders(block: Buffer, line: number): MailHeaders {
  const lines = text(block).replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
  const h = new Map<string, string>();
  for (const l of lines) {
    const colon = l.indexOf(':');
    if (colon <= 0) continue;
    const name = l.slice(0, colon).trim().toLowerCase();
    if (!WANTED.has(name)) continue;
    const value = l.slice(colon + 1).trim();
    // To and Cc may each come more than once; the first of any other header counts.
    if (name === 'to' || name === 'cc') h.set('to', h.has('to') ? `${h.get('to')}, ${value}` : value);
    else if (!h.has(name)) h.set(name, value);
  }
  const from = parseAddresses(h.get('from'))[0] ?? null;
  const ids = messageIds(h.get('message-id'));
  const refs = [...new Set([...messageIds(h.get('in-reply-to')), ...messageIds(h.get('references'))])];
  const subject = h.has('subject') ? decodeHeader(h.get('subject') ?? '').trim() : '';
  return {
    messageId: ids[0] === undefined ? null : detach(ids[0]),
    refs: refs.map(detach),
    from,
    to: parseAddresses(h.get('to')),
    time: parseMailDate(h.get('date')),
    subject: subject === '' ? null : detach(subject),
    automated: automatedBy(h, from),
    line,
  };
}

/**
 * Every message of the mailbox, in file order, by its headers. Refuses (exit 2) a file
 * that does not start like a mailbox.
 */
export async function* readMbox(file: string): AsyncGenerator<MailHeaders> {
  // An object, not a variable: the line handler below changes it, which TypeScript's narrowing does not follow.
  const at: { state: 'start' | 'headers' | 'body' } = { state: 'start' };
  let header: Buffer[] = [];
  let headerBytes = 0;
  let start = 0;
  let lineNo = 0;
  let previousEmpty = true;
  const finish = (): MailHeaders => readHeaders(Buffer.concat(header), start);

  const onLine = (line: Buffer): MailHeaders | null => {
    lineNo++;
    const empty = line.length === 0 || (line.length === 1 && line[0] === 13);
    let done: MailHeaders | null = null;
    // 70 111 109 32: "From ".
    if (previousEmpty && line[0] === 70 && line[1] === 114 && line[2] === 111 && line[3] === 109 && line[4] === 32 && ENVELOPE.test(line.toString('latin1'))) {
      if (at.state === 'headers' || at.state === 'body') done = finish();
      at.state = 'headers';
      header = [];
      headerBytes = 0;
      start = lineNo;
      previousEmpty = false;
      return done;
    }
    if (at.state === 'start') {
      if (!empty) throw new UsageError(`${file} is not a mailbox: an mbox starts with a "From " line. Export it again as .mbox and retry; nothing was imported.`);
    } else if (at.state === 'headers') {
      if (empty) at.state = 'body';
      else if (headerBytes < HEADER_LIMIT) {
        const keep = line.subarray(0, HEADER_LIMIT - headerBytes);
        header.push(Buffer.from(keep), NEWLINE);
        headerBytes += keep.length + 1;
      }
    }
    previousEmpty = empty;
    return done;
  };

  // One buffer, read into again and again: a stream allocates a new chunk each time and
  // leaves them to the garbage collector (24 MB of them on a 2 GB mailbox, measured). The
  // unfinished last line of a chunk moves to the front before the next read; a line longer
  // than a chunk is cut (a body line matters only by its first bytes, a header by its first
  // HEADER_LIMIT), so it always fits.
  const fh = await open(file, 'r');
  const work = Buffer.alloc(2 * CHUNK);
  let kept = 0;
  try {
    for (;;) {
      const { bytesRead } = await fh.read(work, kept, CHUNK, null);
      if (bytesRead === 0) break;
      const end = kept + bytesRead;
      const view = work.subarray(0, end);
      let pos = 0;
      for (;;) {
        const nl = view.indexOf(10, pos);
        if (nl < 0) break;
        const m = onLine(view.subarray(pos, nl));
        if (m) yield m;
        pos = nl + 1;
      }
      const rest = end - pos;
      kept = rest > CHUNK ? HEADER_LIMIT : rest;
      work.copyWithin(0, pos, pos + kept);
    }
  } finally {
    await fh.close();
  }
  const carry = work.subarray(0, kept);
  if (carry.length) {
    const m = onLine(carry);
    if (m) yield m;
  }
  if (at.state === 'headers' || at.state === 'body') yield finish();
}

const NEWLINE = Buffer.from('\n');
