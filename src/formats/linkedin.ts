// LinkedIn's Connections.csv (Settings → Data privacy → Get a copy of your data).
import { parse } from 'csv-parse/sync';
import { calendarDate, isJournalDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { emptySet, type ImportSet } from './types.js';

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** `12 Mar 2024` (and `12-Mar-24`, `2024-03-12`) → `2024-03-12`; null when not a date. */
export function linkedinDate(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  let y: number;
  let m: number;
  let d: number;
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    const dmy = /^(\d{1,2})[\s-]([A-Za-z]{3})[A-Za-z]*[\s-](\d{2}|\d{4})$/.exec(t);
    if (!dmy) return null;
    const month = MONTHS[(dmy[2] ?? '').toLowerCase()];
    if (!month) return null;
    y = Number(dmy[3]);
    if (y < 100) y += 2000;
    m = month;
    d = Number(dmy[1]);
  }
  const date = calendarDate(y, m, d);
  return date !== null && isJournalDate(date) ? date : null;
}

/** The 0-based line index of the header row, found by its column names. */
export function findHeader(lines: readonly string[]): number {
  return lines.findIndex((l) => /(^|,)"?first name"?(,|$)/i.test(l) && /(^|,)"?last name"?(,|$)/i.test(l));
}

export function looksLikeLinkedin(text: string): boolean {
  return findHeader(text.slice(0, 20_000).replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).slice(0, 50)) >= 0;
}

export function parseLinkedin(text: string, file: string): ImportSet {
  const body = text.replace(/^\uFEFF/, '');
  const lines = body.split(/\r\n|\r|\n/);
  const header = findHeader(lines.slice(0, 50));
  if (header < 0) {
    throw new UsageError(`${file}: no header row with "First Name" and "Last Name" columns was found, so this is not LinkedIn's Connections.csv. Check the file, or give --format.`);
  }
  let rows: string[][];
  try {
    rows = parse(lines.slice(header).join('\n'), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    const e = err as { lines?: number; message: string };
    const line = e.lines !== undefined ? header + e.lines : '?';
    throw new UsageError(`${file}: line ${line} is not valid CSV (${e.message}). Fix the file and import again; nothing was imported.`);
  }
  const [head = [], ...data] = rows;
  const col = (name: string) => head.findIndex((h) => h.trim().toLowerCase() === name);
  const idx = {
    first: col('first name'),
    last: col('last name'),
    url: col('url'),
    email: col('email address'),
    company: col('company'),
    position: col('position'),
    connected: col('connected on'),
  };
  const set = emptySet('linkedin');
  const get = (row: string[], i: number) => (i >= 0 ? (row[i] ?? '').trim() || null : null);
  data.forEach((row, n) => {
    const where = `row ${n + 1} (line ${header + n + 2})`;
    const name = [get(row, idx.first), get(row, idx.last)].filter(Boolean).join(' ');
    if (!name) throw new UsageError(`${file}: ${where} has no First Name or Last Name. Fix the file and import again; nothing was imported.`);
    const connected = get(row, idx.connected);
    const metOn = connected ? linkedinDate(connected) : null;
    if (connected && !metOn) throw new UsageError(`${file}: ${where} has "Connected On" "${connected}", which is not a date like 12 Mar 2024. Fix the file and import again; nothing was imported.`);
    set.contacts.push({
      where: `${where}, ${name}`,
      name,
      url: get(row, idx.url),
      email: get(row, idx.email),
      company: get(row, idx.company),
      role: get(row, idx.position),
      metOn,
      metWhere: 'LinkedIn',
    });
  });
  return set;
}
