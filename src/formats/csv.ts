// Contacts as CSV for spreadsheets, with OWASP's advice against CSV injection: every field
// quoted, and a cell that a spreadsheet would read as a formula prefixed with `'`. Only
// such cells: a phone number such as `+1 555 0100` stays as it is.
import type { Contact } from '../core/types.js';

/** `+` and then only what a phone number is written with, five digits or more. */
const PHONE = /^\+[\d\s()./-]+$/;

/** True when a spreadsheet would take the cell for a formula (or a control to act on). */
export function startsFormula(s: string): boolean {
  if (/^[=@\t\r\n]/.test(s)) return true;
  return /^[+-]/.test(s) && !(PHONE.test(s) && (s.match(/\d/g)?.length ?? 0) >= 5);
}

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (startsFormula(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

const HEADER = ['id', 'uuid', 'name', 'company', 'role', 'email', 'phone', 'url', 'tags', 'met_where', 'met_on', 'introduced_by', 'cadence_days', 'last_contact', 'notes'];

/**
 * The CSV in pieces, one row each, CRLF line ends. `excel` starts it with a UTF-8
 * byte-order mark: without one, Excel reads the file in the computer's ANSI code page and
 * shows `JosÃ©` for `José`.
 */
export function* csvText(contacts: Iterable<Contact>, excel = false): Generator<string> {
  yield `${excel ? '\uFEFF' : ''}${HEADER.map(csvCell).join(',')}\r\n`;
  for (const c of contacts) {
    yield `${[c.id, c.uuid, c.name, c.company, c.role, c.email, c.phone, c.url, c.tags.join(', '), c.metWhere, c.metOn, c.introducedBy?.name ?? null, c.cadenceDays, c.lastContact, c.notes].map(csvCell).join(',')}\r\n`;
  }
}

export function toCsv(contacts: readonly Contact[]): string {
  return [...csvText(contacts)].join('');
}
